"""A price printed for a hundred or a thousand units: the quantity stays as printed and the price is
read per unit.  A text layer prints every decimal mark it has, so a quantity "100" is never 1.00."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from parsers.layout.geometry import read_page
from parsers.layout.table import find_regions
from parsers.pdf_text import read_words
from tests.unit.parsers.doc_support import Doc, facts


@pytest.mark.parametrize("price_head", ["Precio (100 uds)", "Precio"])
def test_a_round_quantity_is_kept_when_the_price_is_for_a_hundred(price_head: str) -> None:
    # 100 × 34,00 per 100 = 34,00 and 1,00 × 34,00 = 34,00 both add up; only the first is what is printed
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7750"), (300, "Fecha: 26/11/2026"))
    xs = (40, 140, 330, 400, 490)
    doc.row(200, *zip(xs, ("Código", "Descripción", "Cantidad", price_head, "Importe"), strict=True))
    doc.row(216, *zip(xs, ("TOR-M10-60", "Tornillo M10x60", "100", "34,00", "34,00"), strict=True))
    doc.row(230, *zip(xs, ("ARA-M8", "Arandela plana M8", "1000", "2,00", "20,00"), strict=True))
    doc.row(244, *zip(xs, ("SIL-TRA-300", "Silicona neutra", "12", "4,20", "50,40"), strict=True))
    doc.row(270, (400, "Total"), (490, "104,40"))
    order = doc.order()
    assert facts(order) == [
        ("TOR-M10-60", "100", "0.34"),
        ("ARA-M8", "1000", "0.02"),
        ("SIL-TRA-300", "12", "4.2"),
    ]


def test_a_basis_printed_with_the_price_and_again_in_a_per_column_counts_once() -> None:
    # "50,00/1000" under "Precio" and 1000 under "Por": 50 euros a thousand, 0,05 each
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7751"), (300, "Fecha: 26/11/2026"))
    xs = (40, 140, 330, 400, 460, 510)
    doc.row(200, *zip(xs, ("Código", "Descripción", "Cantidad", "Precio", "Por", "Importe"), strict=True))
    doc.row(
        216, *zip(xs, ("TUE-M8", "Tuerca hexagonal M8", "2500", "50,00/1000", "1000", "125,00"), strict=True)
    )
    doc.row(230, *zip(xs, ("SIL-TRA-300", "Silicona neutra", "12", "4,20", "1", "50,40"), strict=True))
    doc.row(256, (400, "Total"), (510, "175,40"))
    order = doc.order()
    assert facts(order) == [("TUE-M8", "2500", "0.05"), ("SIL-TRA-300", "12", "4.2")]


@pytest.mark.parametrize("head", ["Preço unit. EUR", "Prix unit. EUR", "Prezzo unit. EUR"])
def test_a_unit_price_heading_shortened_to_unit_is_no_unit_column(head: str) -> None:
    # in a typewriter face, where "unit." stands a whole cell from the price word
    doc = Doc(font="Courier")
    doc.row(40, (40, "Nº pedido: OC-7752"), (300, "Fecha: 26/11/2026"))
    xs = (40, 130, 300, 340, 400, 500)
    doc.row(200, *zip(xs, ("Artigo", "Designação", "Qtd.", "Unidade", head, "Total"), strict=True))
    doc.row(216, *zip(xs, ("TOR-M8-40", "Tornillo M8x40", "500", "un", "0,18", "90,00"), strict=True))
    doc.row(230, *zip(xs, ("SIL-TRA-300", "Silicona neutra", "12", "un", "4,20", "50,40"), strict=True))
    doc.row(256, (440, "Total"), (510, "140,40"))
    order = doc.order()
    assert facts(order) == [("TOR-M8-40", "500", "0.18"), ("SIL-TRA-300", "12", "4.2")]


def test_a_quantity_with_thousands_marks_on_a_page_whose_marks_all_agree() -> None:
    # every amount prints a decimal comma, so "5.000" is five thousand: 5000 × 10,32 per 1000 = 51,60,
    # although 5 × 10,32 would add up as well
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7753"), (300, "Fecha: 26/11/2026"))
    xs = (40, 140, 330, 400, 490)
    doc.row(200, *zip(xs, ("Código", "Descripción", "Cantidad", "Precio", "Importe"), strict=True))
    doc.row(216, *zip(xs, ("REM-AL-4", "Remache ciego 4x10", "5.000", "10,320", "51,60"), strict=True))
    doc.row(230, *zip(xs, ("SIL-TRA-300", "Silicona neutra", "12", "4,200", "50,40"), strict=True))
    doc.row(256, (400, "Total"), (490, "102,00"))
    order = doc.order()
    assert facts(order) == [("REM-AL-4", "5000", "0.01032"), ("SIL-TRA-300", "12", "4.2")]


def test_a_price_quantity_heading_stacked_as_cant_over_precio_is_the_price_basis() -> None:
    # "Cant." set over "precio" in one column: the units the price is for, not a second quantity
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7754"), (300, "Fecha: 26/11/2026"))
    xs = (40, 140, 330, 400, 460, 510)
    doc.row(200, *zip(xs, ("Código", "Descripción", "Cant.", "Precio/ud.", "Cant.", "Importe"), strict=True))
    doc.row(210, (460, "precio"), (510, "neto"))
    doc.row(
        226, *zip(xs, ("REM-AL-4", "Remache ciego 4x10", "1,000", "12.000", "1000", "12.00"), strict=True)
    )
    doc.row(240, *zip(xs, ("SIL-TRA-300", "Silicona neutra", "12", "4.200", "1", "50.40"), strict=True))
    doc.row(266, (400, "Total"), (510, "62.40"))
    order = doc.order()
    # 1,000 at 12.000 per 1000 is 12.00; 12 at 4.200 per 1 is 50.40
    assert facts(order) == [("REM-AL-4", "1000", "0.012"), ("SIL-TRA-300", "12", "4.2")]
    # the basis is understood: no row is left for a person as one whose quantity is in doubt
    assert [p for p in order["problems"] if p["code"] == "field_not_read"] == []


def test_cantidad_and_precio_side_by_side_head_two_columns() -> None:
    # the same two words on one heading line, a word space apart: a quantity and a price column
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7755"), (300, "Fecha: 26/11/2026"))
    xs = (40, 140, 330, 362, 480)
    doc.row(200, *zip(xs, ("Código", "Descripción", "Cant.", "Precio", "Importe"), strict=True))
    doc.row(216, *zip(xs, ("SIL-TRA-300", "Silicona neutra", "12", "4,20", "50,40"), strict=True))
    doc.row(230, *zip(xs, ("ARA-M8", "Arandela plana M8", "500", "0,02", "10,00"), strict=True))
    doc.row(256, (400, "Total"), (480, "60,40"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "12", "4.2"), ("ARA-M8", "500", "0.02")]


def test_a_german_net_price_and_its_price_unit_pe_are_read_as_price_and_basis() -> None:
    # "Nettopreis" heads the net price and "PE" (Preiseinheit) the units it is for: 12.00 per 1000
    # for 1,000 pieces is 12.00, so each costs 0.012; with the two headings unknown, the "PE" column
    # was taken for the price. Numbers set flush right under their headings.
    doc = Doc(size=8)
    doc.row(40, (40, "Bestellung Nr. 4510479701"), (300, "Bestelldatum 26.11.2026"))
    doc.row(200, (46, "Pos"), (81, "Artikel-Nr. / Bezeichnung"), (344, "Menge"), (382, "Einheit"))
    doc.row(200, (425, "Nettopreis"), (492, "PE"), (519, "Betrag"))
    doc.row(211, *_flush((473, "EUR"), (549, "EUR")))
    y = 229.0
    for code, qty, price, per, amount in (
        ("BRO-HSS-8", "50.000", "2.45", "1", "122.50"),
        ("LLA-AJ-250", "12.000", "12.80", "1", "153.60"),
        ("REM-AL-4", "1,000.000", "12.00", "1000", "12.00"),
        ("CIN-AIS-19", "1,200.000", "950.00", "1000", "1,140.00"),
        ("TUE-M8", "5,000.000", "50.00", "1000", "250.00"),
        ("TAC-6", "24.000", "3.90", "1", "93.60"),
        ("ARA-M8", "750.000", "180.00", "1000", "135.00"),
    ):
        doc.row(y, (46, "00010"), (81, code), (382, "Stück"))
        doc.row(y, *_flush((374, qty), (473, price), (504, per), (549, amount)))
        doc.row(y + 11, (81, "Liefertermin: December 7, 2026"))
        y += 26
    doc.row(y + 10, (425, "Gesamtbetrag"), *_flush((549, "1,906.20")))
    order = doc.order()
    assert facts(order) == [
        ("BRO-HSS-8", "50", "2.45"),
        ("LLA-AJ-250", "12", "12.8"),
        ("REM-AL-4", "1000", "0.012"),
        ("CIN-AIS-19", "1200", "0.95"),
        ("TUE-M8", "5000", "0.05"),
        ("TAC-6", "24", "3.9"),
        ("ARA-M8", "750", "0.18"),
    ]


def test_nettopreis_and_pe_head_the_price_and_its_basis() -> None:
    # the heading alone names the columns, without the rows' numbers having to show which is which
    doc = Doc(size=8)
    doc.row(200, (46, "Pos"), (81, "Artikel-Nr. / Bezeichnung"), (344, "Menge"), (382, "Einheit"))
    doc.row(200, (425, "Nettopreis"), (492, "PE"), (519, "Betrag"))
    doc.row(229, (46, "00010"), (81, "BRO-HSS-8"), (382, "Stück"))
    doc.row(229, *_flush((374, "50.000"), (473, "2.45"), (504, "1"), (549, "122.50")))
    [region] = find_regions([read_page(p) for p in read_words(doc.pdf())])
    named = [(c.heading, c.kind) for c in region.table.columns]
    assert ("Nettopreis", "price") in named
    assert ("PE", "per") in named


def _flush(*placed: tuple[float, str]) -> tuple[tuple[float, str], ...]:
    """Phrases set flush right at the x given (Helvetica 8 pt)."""
    return tuple((x - stringWidth(text, "Helvetica", 8), text) for x, text in placed)


@pytest.mark.parametrize(
    ("price_head", "basis"),
    [
        ("Price per 1000", 1000),
        ("Price per 1,000", 1000),
        ("Unit price per 100", 100),
        ("Precio por 100", 100),
        ("Preis je 100", 100),
        ("Price /1000", 1000),
    ],
)
def test_a_basis_written_after_the_price_heading_without_brackets_is_the_price_column_s(
    price_head: str, basis: int
) -> None:
    # no amount column to check against: the heading alone says the prices are for `basis` units, so
    # 500 screws at 34.00 a hundred cost 0.34 each (at 34.00 a thousand, 0.034); "price per" without a
    # number would head a column of bases ("Precio | Por"), which this heading is not
    doc = Doc()
    doc.row(40, (40, "Order no: PO-7752"), (300, "Date: 26/11/2026"))
    xs = (40, 140, 330, 400)
    doc.row(200, *zip(xs, ("Item", "Description", "Qty", price_head), strict=True))
    doc.row(216, *zip(xs, ("TOR-M10-60", "Screw M10x60", "500", "34.00"), strict=True))
    doc.row(230, *zip(xs, ("ARA-M8", "Washer M8", "2000", "2.00"), strict=True))
    each = {100: ("0.34", "0.02"), 1000: ("0.034", "0.002")}[basis]
    assert facts(doc.order()) == [("TOR-M10-60", "500", each[0]), ("ARA-M8", "2000", each[1])]


def test_a_bracketed_basis_under_the_price_heading_does_not_hide_the_per_column_beside_it() -> None:
    # "Precio" over "(por 100)" and "Cant." over "precio": the second heading line holds figures only in
    # brackets, so it still stacks, and "Cant. precio" is the column of bases, not a second quantity (two
    # quantities on a row would send every row to a person as unread)
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7760"), (300, "Fecha: 26/11/2026"))
    xs = (40, 290, 330, 370, 430, 480, 535)
    doc.row(
        200,
        *zip(
            xs,
            ("Denominación", "Cantidad", "Unidad", "Precio", "Cant.", "Descuento", "Subtotal"),
            strict=True,
        ),
    )
    doc.row(210, (370, "(por 100)"), (430, "precio"))
    doc.row(
        226,
        *zip(
            xs,
            ("[REM-AL-4] REMACHE CIEGO 4X10", "25000", "uds", "1,2000 €", "100", "", "300,00 €"),
            strict=True,
        ),
    )
    doc.row(
        240,
        *zip(
            xs,
            ("[GUA-TRA-9] GUANTE PIEL FLOR", "12", "uds", "3,6000 €", "1", "10,00", "38,88 €"),
            strict=True,
        ),
    )
    doc.row(266, (480, "Total"), (535, "338,88 €"))
    order = doc.order()
    assert facts(order) == [("REM-AL-4", "25000", "0.012"), ("GUA-TRA-9", "12", "3.6")]
    assert order["unread"] == []


def test_a_basis_bracketed_over_two_heading_lines_still_stacks_the_heading() -> None:
    # "Qty | Price (per | Line" over "ordered | 1000) | total": the bracket opens on the first heading line
    # and closes on the second; the second line's figure is inside it, so the lines still make one
    # heading (before, no table was found and the order had no lines)
    doc = Doc()
    doc.row(40, (40, "PO #: 4523781377"), (300, "Date issued: 2026-11-23"))
    doc.row(
        200, (40, "#"), (70, "Qty"), (110, "Item #"), (180, "Details"), (400, "Price (per"), (470, "Line")
    )
    doc.row(210, (70, "ordered"), (400, "1000)"), (470, "total"))
    doc.row(
        226, (40, "1"), (70, "36"), (110, "SIL-TRA-300"), (180, "Neutral silicone 300 ml"), (400, "3.6100")
    )
    doc.row(226, (470, "129.96"))
    doc.row(240, (40, "2"), (70, "200"), (110, "TOR-M10-60"), (180, "Hex bolt M10x60"), (400, "292.4000"))
    doc.row(240, (470, "58.48"))
    doc.row(266, (400, "Total"), (470, "188.44"))
    assert facts(doc.order()) == [("SIL-TRA-300", "36", "3.61"), ("TOR-M10-60", "200", "0.2924")]
