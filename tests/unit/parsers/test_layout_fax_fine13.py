"""Fine fax lines, thirteenth round (faxfine13).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout.decimal_mark import decide_mark
from tests.unit.parsers.ocr_support import CHAR, cells, numbers, order, page, read

_HEADER = [
    cells(40, (50, "Nº pedido: PC26036259")),
    cells(54, (50, "Fecha: 24/11/2026")),
    cells(68, (50, "Nº cliente: C-1001")),
]


def test_a_number_printing_both_marks_outweighs_lone_marks_a_fax_turned() -> None:
    # A fax loses a comma's tail as easily as not: "35,00" reads "35.00", and one misread mark turns a
    # lone mark's evidence round.  A number printing both marks keeps it through one misread mark
    # ("1.495,25" read "1.495.25" still groups with points): two such totals outweigh four amounts read
    # with a point
    lone = ["35.00", "78.75", "200.00", "147.00", "24,00"]
    assert decide_mark([*lone, "1.495,25", "1.809,25"], "es")[0] == ","
    # with nothing but lone marks, the majority still decides
    assert decide_mark(lone, "es")[0] == "."


def test_a_mark_at_a_numbers_edge_is_no_evidence_of_the_decimal_mark() -> None:
    # "67.75." (a speck or a sentence's point after it), "0.18," and ".210.00": a number never ends
    # with its decimal mark, and a mark before its first figure with another inside is a speck; what
    # is left says the point is the decimal mark
    assert decide_mark(["67.75.", "0.18,", ".210.00"], "es") == (".", 1.0)
    # a lone point before the figures is the decimal mark of a price under a dollar
    assert decide_mark([".50"], "es") == (".", 1.0)


def _per_thousand() -> list[list[Word]]:
    """A Spanish order (decimal comma) whose price column is for the units a "Por" column prints
    (1 or 1 000), faxed so that more of its lone commas read as points than kept their tails; its
    net and total print both marks."""
    heading = (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (390, "Ud."), (425, "Precio")
    heading += (470, "Por"), (505, "Importe")
    at = (50, 130, 335, 390, 425, 475, 505)
    rows = [
        ("TUE-M8", "Tuerca M8", "10.000", "uds", "50.000", "1000", "500.00"),
        ("ARA-M8", "Arandela M8", "10.000", "uds", "20,000", "1000", "200,00"),
        ("TOR-M8-40", "Tornillo M8x40", "500", "uds", "180.000", "1000", "90.00"),
        ("SIL-TRA-300", "Silicona", "50", "uds", "4.200", "1", "210.00"),
        ("TAC-6", "Taco 6 mm", "2", "caja", "3,900", "1", "7.80"),
    ]
    lines = [*_HEADER, cells(160, *heading)]
    lines += [cells(174 + 14 * i, *zip(at, r, strict=True)) for i, r in enumerate(rows)]
    lines.append(cells(258, (400, "Base imponible"), (500, "1.007,80")))
    lines.append(cells(272, (400, "IVA 21 %"), (500, "211.64")))
    lines.append(cells(286, (400, "Total"), (500, "1.219,44")))
    return lines


def test_a_decimal_comma_kept_where_a_fax_read_most_lone_commas_as_points() -> None:
    # Under the point a fax made the majority, "10.000" nuts at "50.000" for 1 000 read as 10 at 50
    # (500,00 as well); the totals' "1.007,80" and "1.219,44" say the comma is the mark: ten thousand
    # at 0,05
    got = read(page(*_per_thousand()))
    assert numbers(got) == [
        ("TUE-M8", "10000", "0.05"),
        ("ARA-M8", "10000", "0.02"),
        ("TOR-M8-40", "500", "0.18"),
        ("SIL-TRA-300", "50", "4.2"),
        ("TAC-6", "2", "3.9"),
    ]


def _sap_listing() -> list[list[Word]]:
    """An SAP listing whose heading stacks "Precio / unitario" and "Cant. / precio" (the units the
    price is for, 1 or 1 000): "Cant." twice on the heading's first line."""
    first = (50, "Pos."), (80, "Cant."), (120, "UM"), (150, "Ref."), (200, "Denominación")
    first += (420, "Precio"), (470, "Cant."), (515, "Importe")
    lines = [*_HEADER, cells(160, *first), cells(170, (420, "unitario"), (470, "precio"), (515, "neto"))]
    at = (50, 80, 120, 150, 200, 420, 480, 515)
    rows = [
        ("10", "250", "uds", "TOR-M10-60", "Tornillo M10x60", "0,3400", "1", "85,00"),
        ("20", "25.000", "uds", "ARA-M8", "Arandela M8", "20,0000", "1000", "500,00"),
        # the "1" under "Cant. precio" with a speck before it, as a fine fax read it
        ("30", "15", "uds", "LLA-AJ-250", "Llave ajustable", "12,8000", "_1", "192,00"),
    ]
    lines += [cells(184 + 14 * i, *zip(at, r, strict=True)) for i, r in enumerate(rows)]
    lines.append(cells(240, (420, "Total"), (515, "777,00")))
    return lines


def test_cant_precio_stacked_under_a_second_cant_heads_the_price_basis_column() -> None:
    # "Cant." over "precio" is the quantity the price is for, not a second quantity column: read
    # alone, the heading line named two quantity columns, the basis figures fell into the quantity's
    # cell beside it, and a row whose "1" had a speck was reported as a row that could not be read,
    # though it was.  The heading read with the line stacked under it names the basis column, as a
    # text layer reads it
    got = read(page(*_sap_listing()))
    assert numbers(got) == [
        ("TOR-M10-60", "250", "0.34"),
        ("ARA-M8", "25000", "0.02"),
        ("LLA-AJ-250", "15", "12.8"),
    ]
    assert not [p for p in got["problems"] if p["field"] == "lines"]


# a typewriter's space between two figures' ink on a fine fax: a character cell and its margins
CELL_SPACE = 1.27 * CHAR

Placed = tuple[tuple[float, str], ...]


def _row(code: str, qty: Placed, price: Placed, amount: Placed) -> Placed:
    """An order row: `code`, a description, the quantity's words, "uds", the price's and the amount's."""
    return ((50, code), (130, "Producto"), *qty, (390, "uds"), *price, *amount)


def test_a_price_per_hundred_whose_point_a_fax_lost_or_read_as_a_dash_is_one_number() -> None:
    # A dot-matrix order prints "29.24/100" and "2.00/100" in a typewriter face. A fine fax lost the
    # first point, its character cell left blank between "29" and "24/100", and read the second as a
    # dash ("2" and "-00/100"): the price was read as 29 (200 at 0,29 is 58,00, not the 58,48 printed)
    # and nothing at all.  Figures a character cell apart in a price's cell, the second two to four of
    # them with the basis, are one price whose point was lost; a dash opening the second is the point
    rows = [
        _row(
            "TOR-M10-60",
            ((350, "200"),),
            ((430, "29"), (430 + 2 * CHAR + CELL_SPACE, "24/100")),
            ((505, "58.48"),),
        ),
        _row("ARA-M8", ((350, "2,000"),), ((430, "2"), (430 + CHAR + 1.0, "-00/100")), ((505, "40.00"),)),
        _row("SIL-TRA-300", ((350, "10"),), ((430, "4.20"),), ((505, "42.00"),)),
    ]
    got = read(order(rows, total="140.48"))
    assert numbers(got) == [
        ("TOR-M10-60", "200", "0.2924"),
        ("ARA-M8", "2000", "0.02"),
        ("SIL-TRA-300", "10", "4.2"),
    ]


def test_a_quantitys_head_group_left_in_the_cell_before_it_is_read_with_it() -> None:
    # "10 000,000" and "25 000,000" pieces in a typewriter face, wider than the "Cantidad" heading
    # over them: the head group stands left of the column, in the cell before it, a typewriter space
    # from "000,000" (1.46 inked figures on a fine fax), and the quantity was read as 0 (the order
    # held with two quantities of nothing).  The figures just before a three-figure group are offered
    # with it as one number, and the arithmetic chooses: ten thousand at 0,0200 is the 200,00 printed
    at = 300 + 2 * CHAR + 1.46 * CHAR
    rows = [
        _row("ARA-M8", ((300, "10"), (at, "000,000")), ((430, "0,0200"),), ((505, "200,00"),)),
        _row("TUE-M8", ((300, "25"), (at, "000,000")), ((430, "0,0500"),), ((500, "1 250,00"),)),
        _row("SIL-TRA-300", ((318, "12,000"),), ((430, "4,2000"),), ((510, "50,40"),)),
    ]
    got = read(order(rows, total="1 500,40"))
    assert numbers(got) == [
        ("ARA-M8", "10000", "0.02"),
        ("TUE-M8", "25000", "0.05"),
        ("SIL-TRA-300", "12", "4.2"),
    ]
