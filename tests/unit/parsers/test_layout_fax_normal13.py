"""Normal fax lines read wrong (issue 10, faxnorm13).

The business rules:

- "Cant. precio" (the quantity a price is for) heads one column, the price's basis, also when a
  typewriter sets it one space from its neighbours and OCR lost the price column's own heading: the
  prices then stand under an unnamed column and the bases under "Cant. precio", never the other way.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, numbers, page, read

HEADER = ["Nº pedido: 080848", "Fecha: 26/11/2026", "Cliente Nº: C-1001"]


def _typewriter(heading: list[tuple[float, str]], rows: list[tuple[str, ...]], total: str) -> PageWords:
    """A dot-matrix order: `heading` over `rows` (position, code, description, quantity, unit, price,
    basis, amount), each a single space or more from the next, and the `total`."""
    at = (40, 70, 130, 300, 340, 400, 445, 500)
    lines = [cells(70 + 14 * i, (40, text)) for i, text in enumerate(HEADER)]
    lines.append(cells(160, *heading))
    y = 160.0
    for row in rows:
        y += 14.0
        lines.append(cells(y, *zip(at, row, strict=True)))
    lines.append(cells(y + 28.0, (430, "TOTAL"), (500, total)))
    return page(*lines)


ROWS = [
    ("001", "TUE-M8", "TUERCA M8", "2000", "uds", "5,00", "100", "100,00"),
    ("002", "TOR-M8-40", "TORNILLO M8X40", "1000", "uds", "18,00", "100", "180,00"),
    ("003", "BRO-HSS-8", "BROCA HSS 8 MM", "100", "uds", "2,45", "1", "245,00"),
]


def test_cant_precio_beside_other_headings_is_the_basis_column_though_the_price_heading_was_lost() -> None:
    # as OCR read a normal fax of "LÍNEA REFERENCIA DESCRIPCIÓN UDS. UNIDAD PRECIO EUR CANT. PRECIO
    # SUBTOTAL EUR": "REFERENCIA" and the first "PRECIO" lost; "Cant." had been taken for a second
    # quantity and "precio" for the price, so the bases (100, 100, 1) were read as the prices
    heading = [
        (40, "LINEA"),
        (130, "DESCRIPCIÓN"),
        (300, "UDS."),
        (340, "UNIDAD"),
        (400, "EUR"),
        (430, "CANT. PRECIO"),
        (500, "SUBTOTAL EUR"),
    ]
    got = read(_typewriter(heading, ROWS, "525,00"))
    assert numbers(got) == [
        ("TUE-M8", "2000", "0.05"),
        ("TOR-M8-40", "1000", "0.18"),
        ("BRO-HSS-8", "100", "2.45"),
    ]


def _listing(rows: list[tuple[str, str, str, str, str]], total: str) -> PageWords:
    """An English listing on a page of decimal points: each row (code, quantity, price, basis, amount)
    under "Rate | Price unit", the basis column's heading read "Price" (its "unit" lost), so that the
    basis stands in the price's cell."""
    lines = [cells(70, (40, "PO number 4500012345")), cells(84, (40, "PO date 26.11.2026"))]
    heading = [
        (40, "Material"),
        (130, "Description"),
        (300, "Qty"),
        (340, "Unit"),
        (390, "Rate"),
        (430, "Price"),
    ]
    lines.append(cells(160, *heading, (500, "Amount")))
    y = 160.0
    for code, qty, price, basis, amount in rows:
        y += 14.0
        lines.append(
            cells(
                y,
                (40, code),
                (130, "Hex nut"),
                (300, qty),
                (340, "ea"),
                (390, price),
                (440, basis),
                (500, amount),
            )
        )
    lines.append(cells(y + 28.0, (430, "Total"), (500, total)))
    return page(*lines)


def test_a_basis_a_column_after_the_price_counts_though_the_currency_between_was_lost() -> None:
    # "5,000 ea 35.00 € 1000 175.00 €" where the fax lost the "€" after the price: "35.00" and "1000"
    # stand a column apart in the price's cell, no number's group so far from its figures; the line
    # prints the basis its price is for, so 5,000 at 0.035, never 5 (the comma taken for the decimal
    # mark) at 35 for one
    rows = [
        ("TOR-M8-40", "1,000", "180.00", "1000", "180.00"),
        ("BRO-HSS-8", "5,000", "35.00", "1000", "175.00"),
    ]
    got = read(_listing(rows, "355.00"))
    assert [(q, p) for _, q, p in numbers(got)] == [("1000", "0.18"), ("5000", "0.035")]


def test_the_basis_is_the_unnamed_figure_past_the_price_when_another_stands_before_the_quantity() -> None:
    # "00050 REM-AL-4 01 25.000 u. €12,00 1000 €300,00" with the headings "Rev." and "Por" lost and the
    # quantity's point read as a comma: the revision "01" and the basis "1000" were one unnamed column
    # of two figures, so no basis was seen and 25 units at 12,00 (the comma read as the decimal mark)
    # made the amount. The figure past the price is the basis: 25,000 at 0,012, its quantity mended
    # and so doubtful
    lines = [cells(70 + 14 * i, (40, text)) for i, text in enumerate(HEADER)]
    heading = [
        (40, "Pos."),
        (80, "Artículo"),
        (300, "Cant."),
        (340, "UM."),
        (390, "Precio"),
        (500, "Importe"),
    ]
    lines.append(cells(160, *heading))
    at = (40, 80, 260, 300, 340, 390, 450, 500)
    rows = [
        ("00010", "REM-AL-4", "02", "500", "u.", "€12,00", "1000", "€6,00"),
        ("00050", "REM-AL-4", "01", "25,000", "u.", "€12,00", "1000", "€300,00"),
    ]
    for i, row in enumerate(rows):
        lines.append(cells(174 + 14 * i, *zip(at, row, strict=True)))
    lines.append(cells(216, (430, "Total"), (500, "€306,00")))
    got = read(page(*lines))
    assert [(q, p) for _, q, p in numbers(got)] == [("500", "0.012"), ("25000", "0.012")]
    assert doubted(got, "lines[1].quantity")
