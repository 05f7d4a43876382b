"""Fine faxes of typewriter and dot-matrix orders that price per thousand units: the price column
under a heading that states its basis in brackets, a quantity printed with a space between its
thousands beside a narrow unit column, and a price OCR read with a figure too many.  Each test builds
its page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout.arith import solve
from parsers.layout.codes import misreadings
from parsers.layout.numbers import Reading, readings
from tests.unit.parsers.ocr_support import CHAR, INK, cells, numbers, order, page, read, row, word


def _fields(got: dict) -> set[str]:
    return {p["field"] for p in got["problems"]}


def test_the_price_column_reaches_over_the_basis_its_heading_states_in_brackets() -> None:
    # "P. UNITARIO (1000 UM)": the prices are for a thousand units and stand right-aligned under the
    # bracket, past "UNITARIO"; the discount heading "% DTO." is nearer to them than "UNITARIO" is.
    # They are the price column's, read from the page: 7 rolls of tape at 0,95 less 12,5 % are 5,82
    # (before, the prices went to a column of no kind and were computed from the amounts, and the
    # amount rounded to the cent made this one 0,9502)
    heading = (
        (50, "CÓDIGO"),
        (130, "DENOMINACIÓN"),
        (323, "UDS."),
        (350, "UM"),
        (380, "P. UNITARIO (1000 UM)"),
        (493, "% DTO."),
        (530, "IMPORTE"),
    )
    rows = [
        ((50, "TUE-M8"), (323, "5.000"), (350, "ud"), (459, "50,00"), (498, "12,50"), (532, "218,75")),
        ((50, "ARA-M8"), (323, "2.500"), (350, "ud"), (459, "20,00"), (503, "5,00"), (538, "47,50")),
        ((50, "CIN-AIS-19"), (334, "7"), (350, "ud"), (465, "0,95"), (498, "12,50"), (543, "5,82")),
    ]
    got = read(order(rows, heading=heading, total="272,07"))
    assert numbers(got) == [
        ("TUE-M8", "5000", "0.05"),
        ("ARA-M8", "2500", "0.02"),
        ("CIN-AIS-19", "7", "0.95"),
    ]
    assert not {f for f in _fields(got) if f.startswith("lines")}, got["problems"]


def test_a_quantity_run_into_its_unit_on_one_row_does_not_part_the_thousands_of_the_others() -> None:
    # a dot-matrix order prints its quantities flush right against a narrow unit column, some with a
    # space between their thousands ("1 000", "2 500"); on one row OCR ran the quantity into its unit
    # ("6u."), so ink runs from under "UDS." to under "UM" there.  The rows where quantity and unit
    # stand apart say where the two columns part: 1 000 nuts at 50,00 a thousand are 1,000 nuts for
    # 50,00, never 1 nut with "000" taken for its unit
    y0 = 160.0
    lines = [cells(40, (50, "Nº pedido: PED-26/00123")), cells(54, (50, "Fecha: 23/11/2026"))]
    lines += [cells(68, (50, "Nº cliente: C-1001")), cells(82, (50, "Moneda: EUR"))]
    heading = (
        (50, "CÓDIGO"),
        (130, "DESCRIPCIÓN"),
        (330, "UDS."),
        (361, "UM"),
        (400, "PRECIO"),
        (500, "IMPORTE"),
    )
    lines.append(cells(y0, *heading))

    def quantity_row(y: float, code: str, groups: list[str], price: str, amount: str) -> list:
        # the groups of the quantity one character cell apart, the last ending under the heading's end
        out = cells(y, (50, code), (130, "Tuerca"), (400, price), (500, amount))
        x = 352.0
        for group in reversed(groups):
            x -= CHAR * len(group)
            out.append(word(group, x, y))
            x -= CHAR + 0.6  # a space and the side bearings of a typewriter's figures
        out.append(word("ud", 362, y))
        return out

    rows = [
        quantity_row(y0 + 14, "TUE-M8", ["1", "000"], "50,00/1000", "50,00"),
        quantity_row(y0 + 28, "ARA-M8", ["2", "500"], "20,00/1000", "50,00"),
        quantity_row(y0 + 42, "TOR-M8-40", ["24"], "0,18", "4,32"),
        quantity_row(y0 + 56, "CIN-AIS-19", ["20"], "0,95", "19,00"),
        [
            *cells(y0 + 70, (50, "TUE-M8"), (400, "0,05"), (500, "0,30")),
            word("6u.", 352 - CHAR, y0 + 70, h=INK),
        ],
    ]
    lines += rows
    lines.append(cells(y0 + 98, (400, "Total"), (500, "123,62")))
    got = read(page(*lines))
    assert numbers(got)[:2] == [("TUE-M8", "1000", "0.05"), ("ARA-M8", "2500", "0.02")]


def test_a_price_read_with_a_figure_too_many_is_put_right_only_at_its_own_places() -> None:
    # "5 000" read as "5" and "000" (a number cut in two is read whole only as a costlier reading),
    # and "50,00" a thousand read "560,00" with a figure too many.  250,00 is 5,000 at 50,00 a
    # thousand: one figure from what was read.  Computed from the quantity's first reading, 5 at
    # 50,00 each adds up as well, but that price is a thousand times what was printed: the same
    # figures at other places is no slip of one figure
    cut = [Reading(Decimal(5), 0), Reading(Decimal(5000), 1, "cut in two")]
    price = [Reading(Decimal("0.56"), 0, "per 1000"), Reading(Decimal(560), 3)]
    solved = solve(cut, price, readings("250,00", ","), ([], [], []))
    assert solved.check == "agrees"
    assert (solved.quantity.value, solved.unit_price.value) == (5000, Decimal("0.05"))  # type: ignore[union-attr]
    # a price for one unit read with a figure too many ("12,38" for 12,8) is still put right
    solved = solve(readings("100", ","), readings("12,38", ","), readings("1280,00", ","), ([], [], []))
    assert Decimal("12.8") in [o.unit_price.value for o in (solved, *solved.options) if o.unit_price]


def test_a_quantity_cut_at_a_lost_group_point_with_a_speck_after_it_is_read_whole() -> None:
    # a typewriter prints "25.000,000"; the fax lost the group point, leaving its character cell blank,
    # and a speck after the decimals was read as a colon: "25" and "000,000:".  25,000 rivets at
    # 0,0120 are 300,00; the speck is no part of the number and does not make "000,000" another word
    rows = [
        ((50, "TUE-M8"), (325, "25"), (343, "000,000:"), (410, "uds"), (440, "0,0120"), (505, "300,00")),
        ((50, "ARA-M8"), (348, "100,000"), (410, "uds"), (440, "0,0200"), (511, "2,00")),
    ]
    got = read(order(rows, total="302,00"))
    assert numbers(got) == [("TUE-M8", "25000", "0.012"), ("ARA-M8", "100", "0.02")]


def test_a_code_read_with_its_t_as_an_i_resolves_when_the_description_names_the_product() -> None:
    # a fine fax thinned the bar of a "T" to nothing and read "TUE-M8" as "IUE-MB" (the 8 as a B too):
    # the hex nut, which the line's description names, is the one product those two slips make of it
    assert "TUE-M8" in misreadings("IUE-MB")
    rows = [row("IUE-MB", "100", "0,05", "5,00", desc="Tuerca hexagonal M8 zincada")]
    got = read(order(rows, total="5,00"))
    assert (got["lines"][0]["item_code"], got["lines"][0]["sku"]) == ("IUE-MB", "TUE-M8")
