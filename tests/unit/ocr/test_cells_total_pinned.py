"""A total the lines did not add up to, vouched for once a re-read of a line's cells makes them add up.

The business rule: the printed total is sure when the lines, each agreeing with itself, add up to it
as read; when they do not, the total is taken as read but doubtful (a person looks).  A re-read of a
line's number cells that settles the line (its quantity × price now its amount) and so makes the lines
add up to the total as printed is the same check holding after all: the total, read apart from the
lines, says their sum.  Only a total read exactly as printed and with no tax beside it; a re-read that
leaves the sums apart vouches for nothing.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr.cells import settle
from tests.unit.ocr.test_cells import WRONG, order, rereads

TOTAL_BOX = (700.0, 300.0, 790.0, 320.0)


def _with_total(read: CapturedOrder, raw: str, *, tax: str | None = None) -> CapturedOrder:
    found = Evidence("total", WRONG, Provenance(page=1, box=TOTAL_BOX, raw=raw))
    taxed = {"tax_total": Decimal(tax.replace(",", "."))} if tax else {}
    return replace(read, evidence=(*read.evidence, found), **taxed)


def _total_confidence(got: CapturedOrder) -> float:
    found = got.evidence_for("total")
    assert found is not None
    return found.confidence


def test_a_reread_that_makes_the_lines_add_up_to_the_total_vouches_for_it() -> None:
    # 15 × 12.80 = 192.00, the amount read "182,00": the lines did not add up to the total 192,00
    read = _with_total(order("15", "12,80", "182,00", total="192,00"), "192,00")
    got = settle(read, rereads("15", "12,80", "192,00"))
    assert got.lines[0].amount == Decimal("192.00")
    assert _total_confidence(got) >= 0.8


def test_a_total_read_with_a_figure_repaired_is_not_vouched_for() -> None:
    # "l92,00": the total's reading was mended; the lines' sum says 192.00 but the ink did not
    read = _with_total(order("15", "12,80", "182,00", total="192,00"), "l92,00")
    got = settle(read, rereads("15", "12,80", "192,00"))
    assert _total_confidence(got) < 0.8


def test_a_reread_that_leaves_the_lines_apart_from_the_total_vouches_for_nothing() -> None:
    # the line now agrees (15 × 12.80 = 192.00), but the total printed is 200,00
    read = _with_total(order("15", "12,80", "182,00", total="200,00"), "200,00")
    got = settle(read, rereads("15", "12,80", "192,00"))
    assert _total_confidence(got) < 0.8


def test_a_total_with_tax_beside_it_is_left_as_it_was() -> None:
    # the lines (192.00) are the total less its tax (40.32): the net and the tax say it, not the total
    read = _with_total(order("15", "12,80", "182,00", total="232,32"), "232,32", tax="40,32")
    got = settle(read, rereads("15", "12,80", "192,00"))
    assert got.lines[0].amount == Decimal("192.00")
    assert _total_confidence(got) < 0.8
