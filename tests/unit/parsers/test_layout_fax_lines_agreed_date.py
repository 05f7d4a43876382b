"""A scanned order whose lines each print the same delivery date, the order's date taken from them.

The business rule: an order with no delivery date of its own needs its goods on the earliest date its
lines print; where every line prints that one date, each line's date is a copy of the order's, and the
order's date is as sure as the surest copy (read sure, it is likely: taken from the lines, not a label).
One copy OCR read less sure (a speck, a faint figure) says nothing of the others.  Lines that print
different dates keep the order's date doubtful, however sure each was read.
"""

from __future__ import annotations

from datetime import date

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, row

DAY = date(2026, 12, 2)


def _order(dates: list[tuple[str, float]]) -> PageWords:
    """Order PED-26/00123 of C-1001 dated 23/11/2026, one line per (date, OCR confidence), each dated on
    a labelled line under it."""
    lines: list[list[Word]] = header_rows(delivery=None)
    y = 160.0
    lines.append(cells(y, *HEADING))
    for when, conf in dates:
        y += STEP
        lines.append(cells(y, *row("TOR-M8-40", "250", "0,18", "45,00")))
        y += STEP
        lines.append(cells(y, (130, f"DELIVERY DATE: {when}"), conf=conf))
    total = f"{45 * len(dates)},00"
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, total)))
    return page(*lines)


def _delivery(dates: list[tuple[str, float]]) -> tuple[list[date | None], date | None, float]:
    """The lines' delivery dates, the order's, and how sure the order's is."""
    (order,) = extract_orders([_order(dates)]).orders
    found = order.evidence_for("requested_delivery_date")
    assert found is not None
    return (
        [line.requested_delivery_date for line in order.lines],
        order.requested_delivery_date,
        found.confidence,
    )


def test_lines_that_agree_give_the_order_the_surest_copy_of_their_date() -> None:
    lines, wanted, confidence = _delivery([("02.12.2026", 0.87), ("02.12.2026", 0.96), ("02.12.2026", 0.96)])
    assert lines == [DAY] * 3 and wanted == DAY
    assert confidence >= 0.8


def test_lines_that_disagree_keep_the_order_date_doubtful() -> None:
    lines, wanted, confidence = _delivery([("02.12.2026", 0.96), ("09.12.2026", 0.96), ("02.12.2026", 0.96)])
    assert lines == [DAY, date(2026, 12, 9), DAY] and wanted == DAY
    assert confidence < 0.8


def test_every_copy_read_unsure_leaves_the_order_date_unsure() -> None:
    lines, wanted, confidence = _delivery([("02.12.2026", 0.85), ("02.12.2026", 0.85)])
    assert lines == [DAY] * 2 and wanted == DAY
    assert confidence < 0.8
