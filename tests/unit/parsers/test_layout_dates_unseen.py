"""Delivery dates as documents nobody configured print them: a short label with a colon ("Entrega:"),
labels in Spanish, English and the neighbours' languages, and a date in a sentence ("antes del ...").
A delivery date the page shows but that cannot be read is named, so the order waits for a person."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsers.doc_support import Doc

TABLE = ((40, "Ref."), (110, "Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))


def _order(*header: str) -> dict[str, Any]:
    doc = Doc()
    doc.row(40, (40, "PEDIDO DE COMPRA"), size=14)
    doc.row(70, (40, "Nº pedido: OC-7710"))
    doc.row(84, (40, "Fecha: 26/11/2026"))
    for i, text in enumerate(header):
        doc.row(98 + 14 * i, (40, text))
    doc.row(300, *TABLE)
    doc.row(316, (40, "BX-9"), (110, "Bisagra inox"), (330, "10"), (400, "3,20"), (480, "32,00"))
    doc.row(340, (400, "Total"), (480, "32,00"))
    return doc.order()


def _codes(order: dict[str, Any]) -> set[tuple[str, str | None]]:
    return {(p["code"], p.get("field")) for p in order["problems"]}


@pytest.mark.parametrize(
    "label",
    [
        "Entrega: 03/12/2026",
        "Plazo de entrega: 03/12/2026",
        "Fecha de entrega: 03.12.2026",
        "Delivery date: 2026-12-03",
        "Required by: 3 December 2026",
        "Livraison souhaitée: 03.12.2026",
        "Liefertermin: 03.12.2026",
        "Data di consegna: 03/12/2026",
        "Prazo de entrega: 03/12/2026",
    ],
)
def test_a_labelled_delivery_date_is_read(label: str) -> None:
    assert _order(label)["requested_delivery_date"] == "2026-12-03"


def test_a_delivery_date_in_a_sentence_is_read_and_confirmed_by_a_person() -> None:
    order = _order("Rogamos nos lo sirvan antes del 05/12/2026, gracias.")
    assert order["requested_delivery_date"] == "2026-12-05"
    assert order["decision"] != "accept"  # prose is no form: a person confirms the date


@pytest.mark.parametrize("label", ["Entrega: 31/11/2026", "Entrega: ##/##/####", "Delivery date: 12/??/2026"])
def test_a_delivery_date_shown_but_not_readable_sends_the_order_to_review(label: str) -> None:
    order = _order(label)
    assert order["requested_delivery_date"] is None
    assert ("field_not_read", "requested_delivery_date") in _codes(order)
    assert order["decision"] != "accept"


def test_delivery_terms_are_no_delivery_date() -> None:
    order = _order("Condiciones de entrega: portes pagados", "Entrega: 03/12/2026")
    assert order["requested_delivery_date"] == "2026-12-03"
    assert ("field_not_read", "requested_delivery_date") not in _codes(order)


def test_a_delivery_date_after_no_later_than_is_read_and_confirmed() -> None:
    order = _order("Please deliver no later than 10.12.2026.")
    assert order["requested_delivery_date"] == "2026-12-10"
    assert order["decision"] != "accept"


def test_a_sentence_about_delivery_with_a_date_not_read_is_named() -> None:
    order = _order("Kindly ship the goods in time for our fair on 10.12.2026.")
    assert order["requested_delivery_date"] is None
    assert [u["field"] for u in order["unread"]] == ["requested_delivery_date"]
    assert order["decision"] != "accept"


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("Date issued: 25 de noviembre de 2026", "2026-11-25"),
        ("Data emissione: 25/11/2026", "2026-11-25"),
        ("Datum: 25.11.2026", "2026-11-25"),
    ],
)
def test_order_date_labels_of_other_writers(label: str, want: str) -> None:
    doc = Doc()
    doc.row(40, (40, "N/PEDIDO: PC26074360"))
    doc.row(54, (40, label))
    doc.row(300, *TABLE)
    doc.row(316, (40, "BX-9"), (110, "Bisagra inox"), (330, "10"), (400, "3,20"), (480, "32,00"))
    doc.row(340, (400, "Total"), (480, "32,00"))
    order = doc.order()
    assert (order["po_number"], order["order_date"]) == ("PC26074360", want)


def test_a_date_in_a_sentence_without_a_delivery_word_is_not_dropped() -> None:
    order = _order("Contamos con tenerlo todo aquí el 2026-12-09 sin falta.")
    assert order["requested_delivery_date"] is None
    assert [u["field"] for u in order["unread"]] == ["requested_delivery_date"]
    assert order["decision"] != "accept"


def test_lines_with_their_own_delivery_dates_give_the_order_the_earliest() -> None:
    # an ERP printout: no delivery date in the header, one under each line, most of them the later one;
    # the order is needed from the earliest day any line asks for, and each line keeps its own day
    doc = Doc()
    doc.row(40, (40, "PEDIDO DE COMPRA"), size=14)
    doc.row(70, (40, "Nº pedido: OC-7711"))
    doc.row(84, (40, "Fecha: 26/11/2026"))
    doc.row(300, *TABLE)
    y = 316
    for code, day in (("BX-9", "16/12/26"), ("BX-7", "09/12/26"), ("BX-5", "16/12/26"), ("BX-3", "16/12/26")):
        doc.row(y, (40, code), (110, "Bisagra inox"), (330, "10"), (400, "3,20"), (480, "32,00"))
        doc.row(y + 12, (110, f"Fecha entrega: {day}"))
        y += 28
    doc.row(y + 10, (400, "Total"), (480, "128,00"))
    order = doc.order()
    assert order["requested_delivery_date"] == "2026-12-09"
    assert [line["requested_delivery_date"] for line in order["lines"]] == [
        "2026-12-16",
        "2026-12-09",
        "2026-12-16",
        "2026-12-16",
    ]
