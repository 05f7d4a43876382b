"""Prices printed for a thousand units on faxes, where the quantity read either way adds up: "1,000 ea
$21.60 $21.60" is 1,000 at 21.60 a thousand, and, its comma read as a point, also 1 at 21.60 each.
What the page states of the basis chooses.  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import CHAR, INK, STEP, cells, numbers, page, read, word


def test_a_basis_stated_under_the_price_heading_over_two_lines_is_the_prices_basis() -> None:
    # "Price each (per" over "1000)": every price of the table is for a thousand units.  The fax
    # read the quantities' thousands commas as points ("1.000", "10.000"), so 1 × 21.60 adds up
    # too; the heading says the price is for a thousand, and 1,000 at 21.60 a thousand is the order
    lines = [
        cells(40, (50, "P.O. No. 2617029")),
        cells(54, (50, "PO date 11/26/2026")),
        cells(160, (50, "Product"), (330, "Qty"), (380, "UOM"), (430, "Price"), (500, "Line")),
        cells(170, (430, "each"), (500, "total")),
        cells(180, (430, "(per")),
        cells(190, (430, "1000)")),
    ]
    rows = [
        ((50, "ARA-M8 Arandela plana M8"), (330, "1.000"), (380, "ea"), (430, "$21.60"), (500, "$21.60")),
        ((50, "SIL-TRA-300 Silicona neutra"), (330, "60"), (380, "ea"), (430, "$5.13"), (500, "$307.80")),
        ((50, "TUE-M8 Tuerca hexagonal M8"), (330, "10.000"), (380, "ea"), (430, "$37.80"), (500, "$378.00")),
    ]
    y = 190.0
    for r in rows:
        y += STEP
        lines.append(cells(y, *r))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, "$707.40")))
    got = read(page(*lines))
    # a line of the table whose price is for one unit (60 × 5.13 = 307.80) is still read so
    assert numbers(got) == [
        ("ARA-M8", "1000", "0.0216"),
        ("SIL-TRA-300", "60", "5.13"),
        ("TUE-M8", "10000", "0.0378"),
    ]


def test_a_basis_in_a_column_whose_heading_ocr_garbled_is_the_lines_basis() -> None:
    # a typewriter's table prints each line's basis in a "POR" column, read "pon": 1000 on a line
    # says its price is for a thousand.  "1.000" at 12,00 for 12,00 is a thousand at 12,00 a
    # thousand (the page's mark is the comma), not 1,000 read with the other mark at 12,00 each
    lines = [
        cells(40, (50, "Nº pedido: PED-26/00123")),
        cells(54, (50, "Fecha: 23/11/2026")),
        cells(
            160,
            (50, "QTD."),
            (100, "CÓDIGO"),
            (170, "DESIGNACAO"),
            (380, "PRECO"),
            (450, "pon"),
            (500, "TOTAL"),
        ),
    ]
    rows = [
        (
            (50, "1.000"),
            (100, "TUE-M8"),
            (170, "TUERCA HEXAGONAL M8"),
            (380, "12,00 EUR"),
            (450, "1000"),
            (500, "12,00 EUR"),
        ),
        (
            (50, "3"),
            (100, "LLA-AJ-250"),
            (170, "LLAVE AJUSTABLE"),
            (380, "12,80 EUR"),
            (450, "1"),
            (500, "38,40 EUR"),
        ),
        (
            (50, "10.000"),
            (100, "ARA-M8"),
            (170, "ARANDELA PLANA M8"),
            (380, "20,00 EUR"),
            (450, "1000"),
            (500, "200,00 EUR"),
        ),
    ]
    y = 160.0
    for r in rows:
        y += STEP
        lines.append(cells(y, *r))
    lines.append(cells(y + 2 * STEP, (430, "TOTAL"), (500, "250,40 EUR")))
    got = read(page(*lines))
    assert numbers(got) == [
        ("TUE-M8", "1000", "0.012"),
        ("LLA-AJ-250", "3", "12.8"),
        ("ARA-M8", "10000", "0.02"),
    ]


def test_a_quantity_cut_where_a_typewriters_group_point_was_lost_is_read_whole() -> None:
    # "1.000,000" printed in a fixed-pitch face: OCR lost the point and left its whole character cell
    # blank, reading "1" and "000,000" a letter's width apart.  Three figures and the decimals after a
    # first figure are the thousands of one number: 1,000 at 34,000 per 100 is 340,00
    lines = [
        cells(40, (50, "Nº pedido: PED-26/00123")),
        cells(54, (50, "Fecha: 23/11/2026")),
        cells(160, (50, "CÓDIGO"), (130, "DESCRIPCIÓN"), (300, "CANTIDAD"), (380, "PRECIO"), (450, "POR")),
        cells(160, (500, "TOTAL")),
        cells(174, (50, "TOR-M10-60"), (130, "TORNILLO M10X60"), (300, "1"), (380, "34,000"), (450, "100")),
        cells(174, (300 + CHAR + 1.1 * INK, "000,000"), (500, "340,00")),
        cells(188, (50, "SIL-TRA-300"), (130, "SILICONA NEUTRA"), (300, "12,000"), (380, "4,200")),
        cells(188, (450, "1"), (500, "50,40")),
    ]
    lines.append(cells(216, (430, "TOTAL"), (500, "390,40")))
    got = read(page(*lines))
    assert numbers(got) == [("TOR-M10-60", "1000", "0.34"), ("SIL-TRA-300", "12", "4.2")]


def test_a_row_a_speck_above_it_parted_in_two_lines_is_one_order_line() -> None:
    # a normal fax: a speck read "i" stands a little above the row, over a streak read "ú", and the
    # row stands a hair higher the further right it is (the skew left over).  The row is one order
    # line, not a quantity and code without their price and amount
    lines = [
        cells(40, (50, "Nº pedido: PED-26/00123")),
        cells(54, (50, "Fecha: 23/11/2026")),
        cells(160, (50, "QTD."), (100, "CÓDIGO"), (170, "DESIGNACAO"), (380, "PRECO"), (450, "POR")),
        cells(160, (500, "TOTAL")),
        cells(174, (50, "3"), (100, "LLA-AJ-250"), (170, "LLAVE AJUSTABLE"), (380, "12,80"), (450, "1")),
        cells(174, (500, "38,40")),
        [word("i", 260, 184.5)],
        cells(188.6, (50, "50"), (100, "CIN-AIS-19"), (170, "CINTA AISLANTE")),
        [word("ú", 260, 187.8)],
        cells(188, (270, "19 MM")),
        cells(187, (380, "950,00"), (450, "1000"), (500, "47,50")),
        cells(202, (50, "6"), (100, "GUA-NIT-L"), (170, "GUANTES DE NITRILO"), (380, "8,50"), (450, "1")),
        cells(202, (500, "51,00")),
    ]
    lines.append(cells(230, (430, "TOTAL"), (500, "136,90")))
    got = read(page(*lines))
    assert numbers(got) == [
        ("LLA-AJ-250", "3", "12.8"),
        ("CIN-AIS-19", "50", "0.95"),
        ("GUA-NIT-L", "6", "8.5"),
    ]


def test_a_letters_row_whose_quantity_ocr_lost_keeps_its_bracketed_code() -> None:
    # a letter prints each line's code in brackets at the head of its description and has no code
    # column; the fax lost one row's quantity ("4" read "A", on a line of its own above the row).
    # The code, price and amount still show an order line: it is not run into the row above as
    # more of its description, and its quantity is what its price and amount make (15,60 / 3,90)
    lines = [
        cells(40, (50, "Adjuntamos nuestro pedido 379/26, fechado el 24-nov-2026.")),
        cells(160, (50, "Denominación"), (330, "Cant."), (380, "Ud."), (430, "Precio"), (500, "Importe")),
        cells(174, (50, "[TOR-M8-40] Tornillo hexagonal M8x40"), (330, "50"), (380, "ud")),
        cells(174, (430, "0,1800 €"), (500, "9,00 €")),
        cells(188, (50, "[TAC-6] Taco de nailon 6 mm"), (380, "caja"), (430, "3,9000 €"), (500, "15,60 €")),
        cells(202, (50, "[SIL-TRA-300] Silicona neutra"), (330, "48"), (380, "ud")),
        cells(202, (430, "4,2000 €"), (500, "201,60 €")),
    ]
    lines.append(cells(230, (430, "Total pedido"), (500, "226,20 €")))
    got = read(page(*lines))
    assert numbers(got) == [("TOR-M8-40", "50", "0.18"), ("TAC-6", "4", "3.9"), ("SIL-TRA-300", "48", "4.2")]
