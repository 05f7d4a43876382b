"""Prices as suppliers' customers print them: per 100 or per 1,000 units, and lines with a discount in
percent whose amount is after the discount. The unit price captured is the price of one unit; the
amount is the amount printed; quantity × price less the discount must still make the amount."""

from __future__ import annotations

from typing import Any

from oms.extract import result_json
from tests.unit.parsers.doc_support import Doc, facts
from tests.unit.parsers.pdf_support import TODAY, SampleMaster, parse


def _read(
    *rows: tuple[tuple[float, str], ...], total: str, heads: tuple[tuple[float, str], ...]
) -> dict[str, Any]:
    doc = Doc().known_buyer("OC-7720", "Entrega: 03/12/2026")
    doc.row(300, *heads)
    y = 316.0
    for row in rows:
        doc.row(y, *row)
        y += 14
    doc.row(y + 14, (400, "Total"), (500, total))
    return result_json("o.pdf", None, parse(doc.pdf()), SampleMaster(), TODAY)["orders"][0]  # type: ignore[no-any-return]


HEADS = (
    (40, "Ref."),
    (110, "Descripción"),
    (300, "Cantidad"),
    (360, "Precio"),
    (430, "Dto. %"),
    (500, "Importe"),
)


def test_a_price_per_thousand_is_the_price_of_one() -> None:
    order = _read(
        ((40, "ARA-M8"), (110, "Arandela plana M8"), (300, "5000"), (360, "20,00/1000"), (500, "100,00")),
        ((40, "TUE-M8"), (110, "Tuerca hexagonal M8"), (300, "200"), (360, "5,00/100"), (500, "10,00")),
        total="110,00",
        heads=HEADS,
    )
    assert facts(order) == [("ARA-M8", "5000", "0.02"), ("TUE-M8", "200", "0.05")]
    assert order["decision"] == "accept", order["problems"]


def test_a_line_discount_in_percent_explains_the_amount() -> None:
    # 1000 × 0.18 = 180.00, less 10 % = 162.00; 100 × 0.05 = 5.00 with no discount
    order = _read(
        (
            (40, "TOR-M8-40"),
            (110, "Tornillo hexagonal M8x40"),
            (300, "1000"),
            (360, "0,18"),
            (430, "10,00"),
            (500, "162,00"),
        ),
        ((40, "TUE-M8"), (110, "Tuerca hexagonal M8"), (300, "100"), (360, "0,05"), (500, "5,00")),
        total="167,00",
        heads=HEADS,
    )
    assert facts(order) == [("TOR-M8-40", "1000", "0.18"), ("TUE-M8", "100", "0.05")]
    assert [line["amount"] for line in order["lines"]] == ["162", "5"]
    assert order["decision"] == "accept", order["problems"]


def test_an_amount_that_no_discount_explains_still_disagrees() -> None:
    order = _read(
        (
            (40, "TOR-M8-40"),
            (110, "Tornillo hexagonal M8x40"),
            (300, "1000"),
            (360, "0,18"),
            (430, "10,00"),
            (500, "150,00"),
        ),
        total="150,00",
        heads=HEADS,
    )
    assert order["decision"] != "accept"


def test_thousands_written_with_spaces_points_or_commas() -> None:
    # 1 200 × 0,34 = 408,00; 25 000 × 0,02 = 500,00; 1.000 × 0,05 = 50,00: 958,00 in all
    order = _read(
        ((40, "TOR-M10-60"), (110, "Tornillo M10x60"), (300, "1 200"), (360, "0,34"), (500, "408,00")),
        ((40, "ARA-M8"), (110, "Arandela plana M8"), (300, "25 000"), (360, "0,02"), (500, "500,00")),
        ((40, "TUE-M8"), (110, "Tuerca hexagonal M8"), (300, "1.000"), (360, "0,05"), (500, "50,00")),
        total="958,00",
        heads=HEADS,
    )
    assert facts(order) == [
        ("TOR-M10-60", "1200", "0.34"),
        ("ARA-M8", "25000", "0.02"),
        ("TUE-M8", "1000", "0.05"),
    ]
    assert order["total"] == "958"
    grouped = _read(
        ((40, "ARA-M8"), (110, "Arandela plana M8"), (300, "100 000"), (360, "0,02"), (500, "2 000,00")),
        total="2 000,00",
        heads=HEADS,
    )
    assert facts(grouped) == [("ARA-M8", "100000", "0.02")]
    assert grouped["total"] == "2000"
    assert grouped["decision"] == "accept", grouped["problems"]


def test_a_dollar_sign_is_the_currency_the_document_names() -> None:
    doc = Doc()
    doc.row(40, (40, "Ferretería Regiomontana S.A. de C.V."), size=14)
    doc.row(56, (40, "Monterrey (México)"), (300, "ORDEN DE COMPRA"))
    doc.row(70, (40, "Nº pedido: OC-7730"), (300, "Fecha: 26/11/2026"))
    doc.row(300, *HEADS[:4], (500, "Importe"))
    doc.row(
        316, (40, "ARA-M8"), (110, "Arandela plana M8"), (300, "5000"), (360, "0,392 $"), (500, "1960,00 $")
    )
    doc.row(340, (400, "Suma MXN"), (500, "1960,00 $"))
    order = result_json("o.pdf", None, parse(doc.pdf()), SampleMaster(), TODAY)["orders"][0]
    assert order["currency"] == "MXN"
    plain = Doc()
    plain.row(70, (40, "Order no: PO-7731"), (300, "Date: 11/26/2026"))
    plain.row(300, (40, "Item"), (110, "Description"), (300, "Qty"), (360, "Price"), (500, "Amount"))
    plain.row(316, (40, "ARA-M8"), (110, "Flat washer M8"), (300, "50"), (360, "$0.40"), (500, "$20.00"))
    plain.row(340, (400, "Total"), (500, "$20.00"))
    assert (
        result_json("o.pdf", None, parse(plain.pdf()), SampleMaster(), TODAY)["orders"][0]["currency"]
        == "USD"
    )


def test_a_per_column_gives_the_units_a_price_is_for() -> None:
    heads = (
        (40, "Ref."),
        (110, "Descripción"),
        (300, "Cantidad"),
        (360, "Precio"),
        (430, "Por"),
        (500, "Importe"),
    )
    order = _read(
        (
            (40, "TOR-M8-40"),
            (110, "Tornillo M8x40"),
            (300, "1000"),
            (360, "18,000"),
            (430, "100"),
            (500, "180,00"),
        ),
        (
            (40, "LLA-AJ-250"),
            (110, "Llave ajustable 250 mm"),
            (300, "12"),
            (360, "12,800"),
            (430, "1"),
            (500, "153,60"),
        ),
        total="333,60",
        heads=heads,
    )
    assert facts(order) == [("TOR-M8-40", "1000", "0.18"), ("LLA-AJ-250", "12", "12.8")]
    assert order["decision"] == "accept", order["problems"]


def test_a_price_for_a_thousand_units_the_arithmetic_tells_apart() -> None:
    # the heading says "(1000 U.M.)"; 1000 × 686.000 / 1000 = 686.00, 10 × 48.020 = 480.20
    heads = (
        (40, "Ref."),
        (110, "Concepto"),
        (300, "Unidades"),
        (360, "Precio (1000 U.M.)"),
        (500, "Importe"),
    )
    order = _read(
        (
            (40, "BRI-NY-200"),
            (110, "Brida de nailon 200 mm"),
            (300, "1000"),
            (360, "686,000"),
            (500, "686,00"),
        ),
        ((40, "BRO-HSS-8"), (110, "Broca HSS 8 mm"), (300, "10"), (360, "48,020"), (500, "480,20")),
        total="1166,20",
        heads=heads,
    )
    assert facts(order) == [("BRI-NY-200", "1000", "0.686"), ("BRO-HSS-8", "10", "48.02")]


def test_a_code_of_hyphenated_capitals_in_brackets_leads_the_description() -> None:
    heads = ((40, "Details"), (300, "Qty"), (360, "Unit cost"), (500, "Amount"))
    order = _read(
        ((40, "[CHA-ALT-VIS] High-visibility vest"), (300, "100"), (360, "4.09"), (500, "409.00")),
        ((40, "[TAC-6] Nylon wall plug 6 mm"), (300, "6"), (360, "3.35"), (500, "20.10")),
        total="429.10",
        heads=heads,
    )
    assert facts(order) == [("CHA-ALT-VIS", "100", "4.09"), ("TAC-6", "6", "3.35")]
    assert order["lines"][0]["description"] == "High-visibility vest"


def test_a_free_line_keeps_its_price() -> None:
    # a gift at 0,00: its price is the price of one, never 3,99 per thousand
    order = _read(
        ((40, "BRO-HSS-8"), (110, "Broca HSS 8 mm"), (300, "10"), (360, "2,45"), (500, "24,50")),
        ((40, "LLA-AJ-250"), (110, "Llave ajustable (regalo)"), (300, "1"), (360, "12,80"), (500, "0,00")),
        total="24,50",
        heads=HEADS,
    )
    assert [line["unit_price"] for line in order["lines"]] == ["2.45", "12.8"]
