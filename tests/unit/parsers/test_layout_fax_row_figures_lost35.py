"""A row whose figures a fax lost altogether: fine fax modern_clean (tuning), "10 pce BRO-HSS-8 HSS drill
bit 8 mm for metal €2,450 €24,50" read "pce BRO-HSS-8. HSSDRILLBIT MM FOR METAL", no quantity, price or
amount left.  It was taken as a stray of the row above, made no line, and every later line stood one
place up.

The business rule (issue 10, "no silent drop"): every order line the document prints is a line of the
order in its place.  A line with a unit of measure in the unit column and an article code in the code
column is an order row (a wrapped description has neither), even with its figures lost; between two
rows read with their own codes and figures it is kept in its place with nothing read (what its figures
were is not on the page), named for a person, and the order waits.  A description wrapped under a row
(no unit, no code of its own) stays that row's description.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import CHAR, assert_kept_between, numbers, order, read

HEADING = ((30, "Qty"), (60, "Unit"), (100, "Code"), (180, "Description"), (440, "Price"), (510, "Amount"))
QTY_END, PRICE_END, AMOUNT_END = 50.0, 480.0, 550.0  # figures are set right-aligned


def _at(end: float, text: str) -> tuple[float, str]:
    return end - CHAR * len(text), text


def _row(qty: str, unit: str, code: str, desc: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    cells = [(60.0, unit), (100.0, code), (180.0, desc)]
    figures = [(QTY_END, qty), (PRICE_END, price), (AMOUNT_END, amount)]
    return tuple([*[_at(end, text) for end, text in figures if text], *cells])


FIRST = _row("50", "pce", "TOR-M8-40", "Hex bolt M8x40", "3,15", "157,50")
LAST = _row("50", "pce", "LLA-AJ-250", "Adjustable wrench", "4,75", "237,50")


def _order(middle: list[tuple[tuple[float, str], ...]], total: str) -> dict[str, Any]:
    return read(
        order([FIRST, *middle, LAST], total=total, heading=HEADING, total_at=_at(AMOUNT_END, total)[0])
    )


def test_a_coded_row_whose_figures_the_fax_lost_keeps_its_place_and_is_named() -> None:
    middle = [_row("", "pce", "BRO-HSS-8.", "HSS drill bit 8 mm for metal", "", "")]
    got = _order(middle, total="419,50")  # 157,50 + 24,50 + 237,50
    assert_kept_between(got, ("TOR-M8-40", "50", "3.15"), ("LLA-AJ-250", "50", "4.75"))


def test_a_description_wrapped_under_a_row_stays_its_description() -> None:
    wrapped = ((180.0, "zinc plated, delivered palletised"),)
    got = _order([wrapped], total="395,00")
    assert numbers(got) == [("TOR-M8-40", "50", "3.15"), ("LLA-AJ-250", "50", "4.75")]
