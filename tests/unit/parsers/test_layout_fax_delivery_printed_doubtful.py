"""A delivery date printed for the order itself, read unsure, beside lines that each print their own.

The business rule: where each line carries its own delivery date, each read sure, the order's delivery
date is the earliest of them and no separate fact: the order flows though the lines disagree. A
delivery date the page prints for the order (a header label's) is a fact of its own: read unsure, the
order waits for a person, even where it matches the earliest line's date (a "09/12" misread "02/12").
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, read
from tests.unit.parsers.test_layout_fax_lines_agreed_date import _order

LINES = [("02.12.2026", 0.96), ("09.12.2026", 0.96), ("02.12.2026", 0.96)]


def _with(extra: str, conf: float) -> PageWords:
    base = _order(LINES)
    words = base.words + tuple(cells(126, (50, extra), conf=conf))
    return PageWords(base.number, base.width, base.height, base.dpi, words, base.source)


def test_lines_that_disagree_each_read_sure_let_the_order_flow() -> None:
    got = read(_order(LINES))
    assert got["requested_delivery_date"] == "2026-12-02"
    assert got["decision"] == "accept"


def test_a_delivery_date_the_page_prints_for_the_order_read_unsure_still_waits() -> None:
    got = read(_with("Fecha de entrega: 02/12/2026", 0.6))
    assert got["requested_delivery_date"] == "2026-12-02"
    assert got["decision"] == "review"
    assert [p["field"] for p in got["problems"]] == ["requested_delivery_date"]


def test_one_read_sure_flows() -> None:
    got = read(_with("Fecha de entrega: 02/12/2026", 0.96))
    assert got["decision"] == "accept"
