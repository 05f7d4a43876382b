"""Dates in prose, identifiers and unreadable delivery dates in e-mail bodies (parsers.email.facts)."""

from __future__ import annotations

from datetime import date

from parsers.email import facts

TODAY = date(2026, 11, 20)


def test_order_date_in_prose_and_in_a_letters_place_and_date() -> None:
    assert facts.order_date("Please find our order dated 2027-01-14 below.", TODAY) == date(2027, 1, 14)
    assert facts.order_date("Alicante, 4 de febrero de 2027\n\nEstimados señores:", TODAY) == date(2027, 2, 4)
    assert facts.order_date("Leeds, 5th March 2027\nDear Sirs,", TODAY) == date(2027, 3, 5)
    assert facts.order_date("Pedido con fecha 09/02/2027", TODAY) == date(2027, 2, 9)
    assert facts.order_date("Hola, 3 cajas de tornillos por favor", TODAY) is None


def test_a_delivery_date_named_but_not_readable_is_reported() -> None:
    [unread] = facts.unread_delivery("Entregar antes del 31/11/2026, gracias", TODAY)
    assert unread.field == "requested_delivery_date"
    assert facts.unread_delivery("Entregar antes del 30/11/2026", TODAY) == ()
    assert facts.unread_delivery("Entrega lo antes posible", TODAY) == ()


def test_identifiers_in_a_signature() -> None:
    text = (
        "Un saludo,\nMarta Gil\nSuministros Norte S.L. - CIF B-33.445.566\nTel. 985 123 456 · Fax 985 123 457"
    )
    got = {(str(i.kind), i.value) for i in facts.printed_identifiers(text)}
    assert got == {("vat", "B33445566"), ("phone", "985123456"), ("fax", "985123457")}


def test_a_subject_naming_an_invoice() -> None:
    assert facts.kind("Factura 2027-118 de su pedido 4410") == "invoice"
    assert facts.kind("Pedido 4410") == "order"
    assert facts.kind("Re: entrega de mañana") == "order"


def test_delivery_dates_with_the_month_name_between_dashes_are_read() -> None:
    """ "Fecha de entrega: 14-dic-2026", "arrive by 15-Dec-26": day, month name and year joined by dashes."""
    from parsers.email.fields import delivery_date

    today = date(2026, 11, 26)
    assert delivery_date(today, "Fecha de entrega: 14-dic-2026") == date(2026, 12, 14)
    assert delivery_date(today, "Please ship in time to arrive by 15-Dec-26.") == date(2026, 12, 15)
    assert delivery_date(today, "Entregar antes del 3.dic.2026, gracias") == date(2026, 12, 3)
