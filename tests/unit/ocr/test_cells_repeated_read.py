"""Numeric cells read again (parsers.ocr.cells) that only repeat what the page said.  Written out: a
fax that lost both decimal marks of a line ("475€" for 4,75 € and "47500€" for 475,00 €) leaves a
line that adds up either way (100 × 475 = 47500 and 100 × 4.75 = 475.00); the layout reader puts the
marks back where the order's other amounts print their cents and holds the line for a person.  A
cell read again that gives the same bare figures the page gave is the same evidence read twice: it
must not take the line back to the figures the layout reader weighed and set aside.  A re-read that
says new figures still counts as before (tests/unit/ocr/test_cells.py, a digit the layout reader
repaired to fit overruled)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import CapturedOrder
from parsers.ocr.cells import settle
from tests.unit.ocr.test_cells import numbers, order, rereads


def _marks_put_back(
    quantity: str, price: str, amount: str, *, price_back: str, amount_back: str
) -> CapturedOrder:
    """One line whose price and amount cells read as bare figures, taken by the layout reader with
    their decimal marks put back (`price_back`, `amount_back`), doubtful as every mended figure is."""
    read = order(quantity, price, amount)
    line = replace(read.lines[0], unit_price=Decimal(price_back), amount=Decimal(amount_back))
    return replace(read, lines=(line,))


def test_a_reread_repeating_the_bare_figures_keeps_the_marks_put_back() -> None:
    # printed 100,00 × 4,75 € = 475,00 €; the page read "475" and "47500", read again "475" and
    # "476,00" (a 5 read 6): only the page's bare figures add up, and they say nothing new
    read = _marks_put_back("100,00", "475", "47500", price_back="4.75", amount_back="475.00")
    got = settle(read, rereads("100,00", "475", "476,00"))
    assert numbers(got) == (Decimal(100), Decimal("4.75"), Decimal("475.00"))
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.confidence < 0.8  # still for a person to confirm


def test_a_line_that_did_not_add_up_takes_a_repeated_reading_that_does() -> None:
    # 15 × 12,80 = 192,00 read "12,30" and the amount unread as a digit: the line disagreed, so the
    # one agreeing set is taken though the quantity read again only repeats the page
    read = order("15", "12,30", "192,00")
    got = settle(read, rereads("15", "12,80", "192,00"))
    assert numbers(got) == (Decimal(15), Decimal("12.80"), Decimal("192.00"))
