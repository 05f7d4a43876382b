"""A supplier's invoice or delivery note typed in an e-mail's body, read through the layout reader:
what is read, and every doubt that keeps it from being taken by machine. Amounts worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.purchasing.domain.answers import AnswerKind
from core.purchasing.domain.landed import Charge
from parsers.supplier_documents import read_arrival, typed_lines
from tests.unit.parsers.email_support import message

D = Decimal
TABLE = (
    "Código     Descripción                Cantidad   Precio   Importe\n"
    "AW-250     Llave ajustable 250 mm            6     6,40     38,40\n"
    "WP6-100    Tacos 6 mm                       12     1,82     21,84\n\n"
)


def _mail(body: str, subject: str = "Documento") -> bytes:
    return message(body, subject=subject, from_="ventas@proveedor.example").as_bytes()


def _invoice(
    footer: str, head: str = "Factura FV-118\nFecha factura: 11/12/2026\nSu pedido: PO-000007\n\n"
) -> bytes:
    return _mail(head + TABLE + footer)


def test_a_spanish_invoice_in_the_body_with_carriage_and_duties() -> None:
    # goods 6 x 6,40 = 38,40 + 12 x 1,82 = 21,84 = 60,24; portes 7,50 and aranceles 2,10;
    # IVA 21 % of 69,84 = 14,6664 -> 14,67; total 60,24 + 9,60 + 14,67 = 84,51
    footer = "Base imponible: 60,24\nPortes: 7,50\nAranceles: 2,10\nIVA 21%: 14,67\nTotal: 84,51\n"
    read = read_arrival(_invoice(footer), is_mail=True)
    assert read is not None and read.sure, read
    answer = read.answer
    assert answer is not None
    assert (answer.kind, answer.reference, answer.po_number, answer.issued) == (
        AnswerKind.INVOIC, "FV-118", "PO-000007", date(2026, 12, 11),
    )  # fmt: skip
    assert [(x.supplier_item_code, x.quantity, x.unit_price) for x in answer.lines] == [
        ("AW-250", D(6), D("6.40")), ("WP6-100", D(12), D("1.82")),
    ]  # fmt: skip
    assert answer.charges == (Charge("carriage", D("7.50")), Charge("duties", D("2.10")))
    assert (answer.net, answer.tax) == (D("60.24"), D("14.67"))


def test_a_total_that_is_not_goods_charges_and_vat_is_a_doubt() -> None:
    footer = "Base imponible: 60,24\nPortes: 7,50\nIVA 21%: 14,67\nTotal: 84,51\n"  # the duties left out
    read = read_arrival(_invoice(footer), is_mail=True)
    assert read is not None and not read.sure
    # 60,24 + 7,50 + 14,67 = 82,41, not 84,51
    assert "goods 60.24 + charges 7.50 + VAT 14.67 = 82.41, not the total 84.51" in read.doubts


def test_no_total_is_a_doubt_and_so_are_two_different_totals() -> None:
    read = read_arrival(_invoice("Base imponible: 60,24\n"), is_mail=True)
    assert read is not None and "no total read" in read.doubts
    read = read_arrival(_invoice("Total: 60,24\nTotal: 61,24\n"), is_mail=True)
    assert read is not None and not read.sure
    assert "2 different total amounts: 60.24, 61.24" in read.doubts


def test_goods_that_the_lines_do_not_add_up_to_is_a_doubt() -> None:
    read = read_arrival(_invoice("Base imponible: 62,24\nTotal: 62,24\n"), is_mail=True)
    assert read is not None and "the lines add up to 60.24, the invoice's goods are 62.24" in read.doubts


def test_two_of_our_orders_named_is_a_doubt() -> None:
    head = "Factura FV-119\nSu pedido: PO-000007\nVer también PO-000008\n\n"
    read = read_arrival(_invoice("Total: 60,24\n", head=head), is_mail=True)
    assert read is not None and not read.sure
    assert "it names 2 of our purchase orders, not one: PO-000007, PO-000008" in read.doubts


def test_a_delivery_note_in_the_body_needs_no_amounts() -> None:
    body = (
        "Albarán nº ALB-501\nSu pedido: PO-000007\n\n"
        "Código     Descripción                Cantidad\n"
        "AW-250     Llave ajustable 250 mm            6\n"
        "WP6-100    Tacos 6 mm                       12\n"
    )
    read = read_arrival(_mail(body, subject="Albarán ALB-501"), is_mail=True)
    assert read is not None and read.sure, read
    assert read.answer is not None
    assert (read.kind, read.answer.reference) == (AnswerKind.DESADV, "ALB-501")
    assert [(x.supplier_item_code, x.quantity) for x in read.answer.lines] == [
        ("AW-250", D(6)),
        ("WP6-100", D(12)),
    ]


def test_an_order_confirmation_is_left_to_the_confirmation_reader_and_a_letter_to_nobody() -> None:
    body = "Order confirmation AB-7731\nYour order: PO-000007\n\nAW-250   6 units\n"
    read = read_arrival(_mail(body), is_mail=True)
    assert read is not None and (read.kind, read.answer) == (AnswerKind.ORDRSP, None)
    assert read_arrival(_mail("Dear buyer, we are closed on Monday.\n"), is_mail=True) is None


def test_a_factura_rectificativa_is_a_credit_note_naming_the_invoice_it_corrects() -> None:
    # 2 wrenches taken back: 2 x 6,40 = 12,80; IVA 21 % 2,688 -> 2,69; total 15,49 (printed negative)
    body = (
        "Factura rectificativa FR-12\nFecha: 14/12/2026\nRectifica la factura FV-118\n"
        "Su pedido: PO-000007\n\n"
        "Código     Descripción                Cantidad   Precio   Importe\n"
        "AW-250     Llave ajustable 250 mm            2     6,40     12,80\n\n"
        "Base imponible: -12,80\nIVA 21%: -2,69\nTotal: -15,49\n"
    )
    read = read_arrival(_mail(body), is_mail=True)
    assert read is not None and read.sure, read
    answer = read.answer
    assert answer is not None
    assert (answer.kind, answer.reference, answer.corrects, answer.po_number) == (
        AnswerKind.CREDIT, "FR-12", "FV-118", "PO-000007",
    )  # fmt: skip
    assert [(x.supplier_item_code, x.quantity, x.unit_price) for x in answer.lines] == [
        ("AW-250", D(2), D("6.40"))
    ]
    assert (answer.net, answer.tax) == (D("12.80"), D("2.69"))


@pytest.mark.parametrize(
    "title", ["Abono AB-5", "Nota de crédito AB-5", "Credit note AB-5", "CREDIT NOTE AB-5"]
)
def test_every_title_of_a_credit_note_is_read_as_one_never_as_an_invoice(title: str) -> None:
    body = f"{title}\nSu pedido: PO-000007\n\n2 x AW-250 a 6,40\n\nTotal: 12,80\n"
    read = read_arrival(_mail(body), is_mail=True)
    assert read is not None and read.kind is AnswerKind.CREDIT
    assert read.answer is not None and read.answer.reference == "AB-5", read


def test_invoice_lines_typed_as_sentences_in_the_body() -> None:
    # 10 x 2,50 = 25,00 and 4 x 1.250,00 = 5000,00: 5025,00; no VAT
    body = (
        "Factura FV-7\nSu pedido: PO-000007\n\n"
        "10 x ABC-1 a 2,50\n- 4 x XL-9 placa grande @ 1.250,00 € = 5.000,00 €\n\n"
        "Total: 5.025,00\n"
    )
    read = read_arrival(_mail(body), is_mail=True)
    assert read is not None and read.sure, read
    assert read.answer is not None
    assert [(x.supplier_item_code, x.quantity, x.unit_price) for x in read.answer.lines] == [
        ("ABC-1", D(10), D("2.50")), ("XL-9", D(4), D("1250.00")),
    ]  # fmt: skip
    assert read.answer.net == D("5025.00")


def test_typed_lines_whose_stated_amount_is_wrong_are_a_doubt() -> None:
    lines, doubts = typed_lines("10 x ABC-1 @ 2.50 = 26.00\nsee you soon\n")
    assert [(x.supplier_item_code, x.quantity) for x in lines] == [("ABC-1", D(10))]
    assert doubts == ["line 1 ABC-1: 10 x 2.50 is not 26.00"]
