"""A line whose price a fax misread by one figure OCR does not confuse, on an order that prints its net
total: fine fax letter (tuning), "1,000 units 0.3400 EUR 340.00 EUR" read with the price "0.3100".

The business rule: the net total is the sum of the line amounts.  The line alone cannot say whether its
price or its amount was misread (1000 × 0,31 = 310,00 is one figure from 340,00); the net total printed
under the lines can: the lines add up to it only with 340,00 as printed.  The amount is then the
printed one and the price the one quantity and amount make (340,00 / 1000 = 0,34), one figure from its
reading, and doubtful: a price that contradicts its own line is for a person to confirm, so the order
waits.  A plain total is no such sum (a tax OCR lost may stand in it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.unit.parsers.ocr_support import STEP, cells, doubted, numbers, order, read, row

FIRST = row("TUE-M8", "500", "0,05", "25,00", desc="Tuerca")
BOLT = row("TOR-M10-60", "1000", "0,3100", "340,00", desc="Tornillo")  # 0,3400 printed


def _order(net: str | None, total: str = "443,65") -> dict[str, Any]:
    page = order([FIRST, BOLT], total=None)
    words = list(page.words)
    y = 160 + 4 * STEP
    if net is not None:
        words += cells(y, (400, "Base imponible"), (500, net))
    words += cells(y + STEP, (400, "IVA 21%"), (500, "76,65"))
    words += cells(y + 2 * STEP, (430, "Total"), (500, total))
    return read(replace(page, words=tuple(words)))


def test_the_net_total_says_the_amount_as_printed_and_the_price_is_worked_out() -> None:
    got = _order(net="365,00")  # 25,00 + 340,00
    assert numbers(got) == [("TUE-M8", "500", "0.05"), ("TOR-M10-60", "1000", "0.34")]
    assert doubted(got, "lines[1].unit_price")
    assert got["decision"] != "accept"


def test_without_a_net_total_the_line_is_left_as_before() -> None:
    got = _order(net=None, total="365,00")
    assert numbers(got)[1] != ("TOR-M10-60", "1000", "0.34")


def test_a_net_total_that_adds_up_as_read_changes_nothing() -> None:
    got = _order(net="335,00")  # 25,00 + 310,00: the line as its amount was worked out
    assert numbers(got)[1] == ("TOR-M10-60", "1000", "0.31")


def _letter(tax: str, gross: str) -> dict[str, Any]:
    page = order([FIRST, BOLT], total=None)
    y = 160 + 4 * STEP
    words = [*page.words, *cells(y, (430, "Total"), (500, "365,00"))]
    words += cells(y + STEP, (400, "IVA 21%"), (500, tax))
    words += cells(y + 2 * STEP, (400, "Total IVA incl."), (500, gross))
    return read(replace(page, words=tuple(words)))


def test_a_plain_total_that_with_the_tax_makes_the_total_with_tax_is_the_net() -> None:
    got = _letter(tax="76,65", gross="441,65")  # 365,00 + 76,65
    assert numbers(got)[1] == ("TOR-M10-60", "1000", "0.34")
    assert doubted(got, "lines[1].unit_price")


def test_a_plain_total_that_the_tax_does_not_make_up_to_the_gross_says_nothing() -> None:
    got = _letter(tax="76,65", gross="450,00")
    assert numbers(got)[1] != ("TOR-M10-60", "1000", "0.34")
