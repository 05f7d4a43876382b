"""An order line the reader cannot read never leaves the order silently: a row shaped like an order line
(a code and a description whose figures are masked, unknown or missing; a quantity times something that
is no code) sends the order to review with that text named, in every reader: text PDF, OCR words,
e-mail body and spreadsheet. Each test builds its own small document; the same document without the
bad row is accepted, so the row alone decides."""

from __future__ import annotations

from typing import Any

import pytest

from core.capture.domain.documents import ParseResult
from core.capture.domain.order import ProblemCode, Severity
from oms.extract import result_json
from parsers.layout import extract_orders
from parsers.pdf_text import read_words
from tests.unit.parsers.doc_support import Doc, facts
from tests.unit.parsers.email_support import lines, message, read
from tests.unit.parsers.pdf_support import TODAY, SampleMaster, parse
from tests.unit.parsers.sheet_support import read_xlsx, xlsx
from tests.unit.parsers.test_layout_noise import ocr_like

TABLE = ((40, "Ref."), (110, "Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))
GOOD = (("TOR-M8-40", "25", "0.18"), ("TUE-M8", "110", "0.05"))
BAD_ROWS = [
    ((40, "ARA-M8"), (110, "Arandela plana M8")),  # the numbers lost altogether
    ((40, "ARA-M8"), (110, "Arandela plana M8"), (330, "####"), (400, "####")),
    ((40, "ARA-M8"), (110, "Arandela plana M8"), (330, "??"), (400, "0,02"), (480, "##,##")),
    ((110, "Arandela plana M8"), (330, "####"), (400, "####")),  # and no code either
]


def _pdf(middle: tuple[tuple[float, str], ...] | None) -> bytes:
    doc = Doc().known_buyer("OC-7710", "Entrega: 03/12/2026")
    doc.row(300, *TABLE)
    doc.row(
        316, (40, "TOR-M8-40"), (110, "Tornillo hexagonal M8x40"), (330, "25"), (400, "0,18"), (480, "4,50")
    )
    if middle:
        doc.row(330, *middle)
    doc.row(344, (40, "TUE-M8"), (110, "Tuerca hexagonal M8"), (330, "110"), (400, "0,05"), (480, "5,50"))
    doc.row(370, (400, "Total"), (480, "10,00"))
    return doc.pdf()


def _named(order: dict[str, Any], text: str) -> bool:
    return any(
        p["code"] == "field_not_read" and p["field"] == "lines" and text in p["message"]
        for p in order["problems"]
    )


def _from_words(content: bytes) -> dict[str, Any]:
    pages = ocr_like(read_words(content))
    result = ParseResult(format="pdf-ocr", orders=extract_orders(pages).orders)
    [order] = result_json("fax.pdf", "fax", result, SampleMaster(), TODAY)["orders"]
    return order  # type: ignore[no-any-return]


def test_the_document_without_a_bad_row_is_accepted() -> None:
    read_back = result_json("o.pdf", None, parse(_pdf(None)), SampleMaster(), TODAY)["orders"][0]
    assert facts(read_back) == list(GOOD)
    assert read_back["decision"] == "accept", read_back["problems"]
    scanned = _from_words(_pdf(None))
    assert facts(scanned) == list(GOOD)
    assert not [p for p in scanned["problems"] if p["field"] == "lines"]


@pytest.mark.parametrize("middle", BAD_ROWS)
def test_a_row_not_read_sends_a_text_pdf_to_review(middle: tuple[tuple[float, str], ...]) -> None:
    order = result_json("o.pdf", None, parse(_pdf(middle)), SampleMaster(), TODAY)["orders"][0]
    assert facts(order) == list(GOOD)  # the lines read stay right
    assert _named(order, "Arandela plana M8"), order["problems"]
    assert order["decision"] != "accept"


# OCR words of marks alone ("####") are specks to the reader: a row of them with no code is no row there
@pytest.mark.parametrize("middle", BAD_ROWS[:3])
def test_a_row_not_read_sends_ocr_words_to_review(middle: tuple[tuple[float, str], ...]) -> None:
    order = _from_words(_pdf(middle))
    assert _named(order, "Arandela plana M8"), order["problems"]
    assert order["decision"] != "accept"


@pytest.mark.parametrize("bad", ["4 x ???", "Ref. <4712>: 20 uds", "3 x <foo>", "5 x <img src=x.png>", "7 x"])
def test_an_email_line_not_understood_is_named(bad: str) -> None:
    result = read(message(f"Hola,\n\n10 x TOR-M8-40\n{bad}\n\nGracias,\nAna\n"))
    assert lines(result) == [("TOR-M8-40", "10")]
    [order] = result.orders
    named = [p for p in order.problems if p.code is ProblemCode.UNREADABLE and bad in p.message]
    assert named and named[0].severity >= Severity.REVIEW, order.problems


def test_an_html_email_line_whose_code_is_an_image_is_named() -> None:
    html = "<p>Hola,</p><p>10 x TOR-M8-40</p><p>5 x <img src='cid:code.png'></p><p>Gracias</p>"
    [order] = read(message(None, html=html)).orders
    assert [p for p in order.problems if p.code is ProblemCode.UNREADABLE and p.field == "lines"]


def test_a_sheet_row_with_masked_figures_is_not_taken_silently() -> None:
    rows = [
        ("Nº pedido", "OC-7710"),
        ("Fecha", "26/11/2026"),
        (),
        ("Referencia", "Descripción", "Cantidad", "Precio"),
        ("TOR-M8-40", "Tornillo hexagonal M8x40", 25, 0.18),
        ("ARA-M8", "Arandela plana M8", "####", "####"),
    ]
    [order] = read_xlsx(xlsx(rows)).orders
    assert any(p.field and p.field.startswith("lines[1]") for p in order.problems), order.problems


def test_a_first_row_not_read_is_not_lost_before_the_table_starts() -> None:
    # the first row's price is masked: the row starts no line, and the row after it has a code of its own
    doc = Doc().known_buyer("OC-7711")
    doc.row(300, (40, "Ref."), (110, "Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Dto."))
    doc.row(316, (40, "ARA-M8"), (110, "Arandela plana M8"), (330, "1000"), (400, "##,##"), (480, "5"))
    doc.row(330, (40, "TUE-M8"), (110, "Tuerca hexagonal M8"), (330, "110"), (400, "0,05"))
    order = result_json("o.pdf", None, parse(doc.pdf()), SampleMaster(), TODAY)["orders"][0]
    assert _named(order, "ARA-M8"), order["problems"]
    assert order["decision"] != "accept"


def test_a_date_under_a_label_nobody_taught_the_reader_is_not_dropped() -> None:
    doc = Doc().known_buyer("OC-7712", "Wanted on: 03/12/2026")
    doc.row(300, *TABLE)
    doc.row(
        316, (40, "TOR-M8-40"), (110, "Tornillo hexagonal M8x40"), (330, "25"), (400, "0,18"), (480, "4,50")
    )
    doc.row(340, (400, "Total"), (480, "4,50"))
    order = result_json("o.pdf", None, parse(doc.pdf()), SampleMaster(), TODAY)["orders"][0]
    assert order["requested_delivery_date"] is None
    assert [(u["field"], u["label"]) for u in order["unread"]] == [("requested_delivery_date", "Wanted on:")]
    assert order["decision"] != "accept"


def test_a_row_with_two_numbers_in_its_quantity_cell_sends_a_text_pdf_to_review() -> None:
    # "1.000 1000" under "Cantidad": a column nobody headed ran into the quantity; whichever number is
    # taken, the row adds up one way or another, so a person must say which is the quantity
    middle = ((40, "ARA-M8"), (110, "Arandela plana M8"), (330, "1.000 1000"), (400, "0,02"), (480, "20,00"))
    order = result_json("o.pdf", None, parse(_pdf(middle)), SampleMaster(), TODAY)["orders"][0]
    assert _named(order, "Arandela plana M8"), order["problems"]
    assert order["decision"] != "accept"


@pytest.mark.parametrize("wrapped", ["100)", "100) – embalaje reforzado"])
def test_a_description_whose_bracket_closes_on_the_next_line_is_no_row_not_read(wrapped: str) -> None:
    # "(caja" ends one line and "100)" begins the next under the code and description heading: the
    # figure closes the bracket the line above opened; it is more description, not a code of its own
    doc = Doc().known_buyer("OC-7711", "Entrega: 03/12/2026")
    doc.row(300, (40, "Referencia / Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))
    doc.row(
        316, (40, "GUA-NIT-L Guantes de nitrilo talla L (caja"), (330, "5"), (400, "8,50"), (480, "42,50")
    )
    doc.row(327, (40, wrapped))
    doc.row(344, (40, "TUE-M8 Tuerca hexagonal M8"), (330, "110"), (400, "0,05"), (480, "5,50"))
    doc.row(370, (400, "Total"), (480, "48,00"))
    order = doc.order()
    assert facts(order) == [("GUA-NIT-L", "5", "8.5"), ("TUE-M8", "110", "0.05")]
    assert "(caja 100)" in order["lines"][0]["description"]
    assert not [p for p in order["problems"] if p["field"] == "lines"], order["problems"]


@pytest.mark.parametrize(
    "described", ["TORNILLO HEXAGONAL M8X40 ZINCADO", "Silicona neutra transparente 300 ml"]
)
def test_a_figure_inside_a_description_under_a_code_heading_is_no_code_of_its_own(described: str) -> None:
    # the description printed under its row, in the column headed for the code: "M8X40" and "300"
    # look like codes, but they stand a word space after the words before them, inside one phrase; a
    # code of its own begins its phrase (as "ARA-M8" does in a row whose numbers were lost)
    doc = Doc().known_buyer("OC-7712", "Entrega: 03/12/2026")
    doc.row(300, (40, "Item # / Product"), (330, "Qty"), (400, "Price"), (480, "Total"))
    doc.row(316, (40, "TOR-M8-40"), (330, "250"), (400, "0.18"), (480, "45.00"))
    doc.row(327, (40, described))
    doc.row(344, (40, "TUE-M8"), (330, "110"), (400, "0.05"), (480, "5.50"))
    doc.row(355, (40, "TUERCA HEXAGONAL M8"))
    doc.row(380, (400, "Total"), (480, "50.50"))
    order = doc.order()
    assert facts(order) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "110", "0.05")]
    assert order["lines"][0]["description"] == described
    assert not [p for p in order["problems"] if p["field"] == "lines"], order["problems"]


def test_a_hyphenated_word_in_capitals_under_a_row_is_description_not_a_code() -> None:
    # "HIGH-VISIBILITY VEST" under the row "CHA-ALT-VIS": capitals joined by a hyphen, but two whole
    # words; codes so written are made of short parts ("CHA-ALT-VIS", "GUA-NIT-L")
    doc = Doc().known_buyer("PC26043145", "Entrega: 03/12/2026")
    doc.row(300, (40, "Réf. / Libellé"), (330, "Qté"), (400, "Prix"), (480, "Total"))
    doc.row(316, (40, "CHA-ALT-VIS"), (330, "48"), (400, "4,75"), (480, "228,00"))
    doc.row(327, (40, "HIGH-VISIBILITY VEST"))
    doc.row(344, (40, "TOR-M8-40"), (330, "500"), (400, "0,18"), (480, "90,00"))
    doc.row(355, (40, "HEX BOLT M8X40 ZINC PLATED"))
    doc.row(380, (400, "Total"), (480, "318,00"))
    order = doc.order()
    assert facts(order) == [("CHA-ALT-VIS", "48", "4.75"), ("TOR-M8-40", "500", "0.18")]
    assert order["lines"][0]["description"] == "HIGH-VISIBILITY VEST"
    assert not [p for p in order["problems"] if p["field"] == "lines"], order["problems"]
