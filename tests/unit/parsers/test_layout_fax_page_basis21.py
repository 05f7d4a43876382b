"""Prices per 100 units on a scanned page whose heading states no basis the reader could find (a heading
"Precio (por 100)" the fax garbled, or none printed): the page's own amounts say it, each a hundredth of
its quantity times its price, where at least two lines read sure say so and no line says another basis.
Pages built word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from parsers.layout.extract import Basis
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, doubted, header_rows, numbers, page, read

# 500 × 18,00 a hundred = 90,00 and 25.000 × 34,00 a hundred = 8.500,00: two lines whose amounts say
# the prices are for a hundred units
PER_HUNDRED = [
    ("TOR-M8-40", "Tornillo M8x40", "500", "18,00", "90,00"),
    ("TOR-M10-60", "Tornillo M10x60", "25.000", "34,00", "8.500,00"),
]
# 100 units at 5,00 a hundred = 5,00: as printed it adds up as well as 1,00 unit (a decimal comma the fax
# lost) at 5,00 a unit, and nothing on the line says which
AMBIGUOUS = ("TUE-M8", "Tuerca M8", "100", "5,00", "5,00")


def _row(y: float, code: str, desc: str, qty: str, price: str, amount: str, conf: float = 0.95) -> list[Word]:
    words = cells(y, (50, code), (130, desc), (350, qty), (390, "uds"), (440, price), conf=0.95)
    return words + cells(y, (505, amount), conf=conf) if amount else words


def _page(rows: list[tuple[Any, ...]], total: str | None = None) -> Any:
    lines = [*header_rows(), cells(160, *HEADING)]
    y = 160.0
    for r in rows:
        y += STEP
        lines.append(_row(y, *r))
    if total is not None:
        lines.append(cells(y + 2 * STEP, (430, "Total"), (500, total)))
    return page(*lines)


# a spanner priced by the piece: 20 × 12,80 = 256,00 as printed
PIECE = ("LLA-AJ-250", "Llave ajustable", "20", "12,80", "256,00")


def _sure_per_hundred(rows: list[tuple[Any, ...]], i: int) -> bool:
    """Whether line `i` of the page of `rows` is read 100 units at 0,05 (5,00 a hundred), its quantity
    and price sure enough to go on without a person (validation's floor, 0.8)."""
    order = extract_orders([_page(rows)]).orders[0]
    line = order.lines[i]
    sure = [order.evidence_for(f"lines[{i}].{name}") for name in ("quantity", "unit_price")]
    read_so = (line.quantity, line.unit_price) == (Decimal(100), Decimal("0.05"))
    return read_so and all(e is not None and e.confidence >= 0.8 for e in sure)


def test_a_line_the_page_prices_per_hundred_is_read_per_hundred() -> None:
    # the lines' amounts are a hundredth of quantity × price: the page's prices are for a hundred, so the
    # line that adds up either way is 100 units at 0,05, not one unit at 5,00
    got = read(_page([*PER_HUNDRED, AMBIGUOUS]))
    assert numbers(got) == [
        ("TOR-M8-40", "500", "0.18"),
        ("TOR-M10-60", "25000", "0.34"),
        ("TUE-M8", "100", "0.05"),
    ]
    assert _sure_per_hundred([*PER_HUNDRED, AMBIGUOUS], 2)


def test_two_lines_are_enough_and_the_line_itself_is_one() -> None:
    # the ambiguous line's figures as printed say a hundred too: with one more line that says so, two do
    assert _sure_per_hundred([PER_HUNDRED[0], AMBIGUOUS], 1)


def test_one_line_is_no_pages_basis() -> None:
    # only the ambiguous line says a hundred, beside a line priced for one unit: that may be chance, and
    # the page says nothing, so the line is not read per hundred on its own word
    assert not _sure_per_hundred([PIECE, AMBIGUOUS], 1)


def test_an_amount_read_unsure_says_no_basis() -> None:
    # the other line's amount read with little confidence: it says nothing, one line is left
    assert not _sure_per_hundred([(*PER_HUNDRED[1], 0.5), AMBIGUOUS], 1)


def test_a_line_saying_another_basis_leaves_the_page_without_one() -> None:
    # a line whose amount is a thousandth of quantity × price (250 at 80,00 a thousand = 20,00) beside
    # lines a hundredth: the page prices by more than one basis, so it states none for the ambiguous line
    thousand = ("ARA-M8", "Arandela M8", "250", "80,00", "20,00")
    assert not _sure_per_hundred([*PER_HUNDRED, thousand, AMBIGUOUS], 3)


def test_a_price_that_lost_its_decimal_mark_says_no_basis() -> None:
    # "1800" for 18,00 beside 5 × 18,00 = 90,00 is a hundredth too, of a figure the fax spoilt: a price per
    # hundred units prints its decimal mark, so the line says nothing of the page's basis
    assert not _sure_per_hundred([("TOR-M8-40", "Tornillo", "5", "1800", "90,00"), AMBIGUOUS], 1)


def test_a_line_priced_for_one_unit_stays_so_on_a_page_per_hundred() -> None:
    # a spanner priced by the piece beside screws priced by the hundred
    got = read(_page([*PER_HUNDRED, PIECE]))
    assert numbers(got)[2] == ("LLA-AJ-250", "20", "12.8")
    assert not doubted(got, "lines[2].unit_price")


def test_a_line_without_an_amount_on_a_page_per_hundred_is_for_a_person() -> None:
    # no amount to say whether its price is for a hundred, as the page's are, or for one unit: taken as
    # read, and doubtful
    alone = ("TUE-M8", "Tuerca M8", "100", "5,00", "")
    got = read(_page([*PER_HUNDRED, alone]))
    assert numbers(got)[2] == ("TUE-M8", "100", "5")
    assert doubted(got, "lines[2].unit_price")


def test_the_page_basis_goes_with_the_line_to_its_cells_read_again() -> None:
    # a price cell read again prints the price of a hundred units: the line read per hundred by the
    # page's amounts is handed to the cells' re-read with that basis (parsers.ocr.cells.settle)
    found = extract_orders([_page([*PER_HUNDRED, AMBIGUOUS])])
    assert Basis(0, 2, 100) in found.bases
    assert found.orders[0].lines[2].unit_price == Decimal("0.05")
