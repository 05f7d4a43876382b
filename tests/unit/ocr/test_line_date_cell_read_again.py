"""A line's own delivery date read unsure, its cell read again narrowly (parsers.ocr.dated_cells).

The business rule, written out: an order's delivery date taken from its lines waits while one line's
date was read unsure.  Such a date is settled only by the order itself: another line prints that very
date, read sure, and the date's cell, read again alone with a date's figures and separators only, says
it exactly, with confidence, each way.  A page reading out of its place ("2626-12-16" on an order of
26 November 2026) was misread for certain and is taken as the readings again say it, under the same
conditions.  Readings again unsure, readings that disagree, a date no other line prints, a date in
its place that the readings again say otherwise, or a reading that may be day-first or month-first all
leave the date as read, in doubt.

Real Tesseract is not needed: the readings again are stated, as a reading function returns them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, Provenance
from parsers.ocr import dated_cells
from parsers.ocr.cutouts import ReadCells
from parsers.ocr.images import PageImage

DPI = 204.0
SURE = 0.96
FLOOR = 0.8  # validation's floor
ORDERED = date(2026, 11, 26)
DEC_16 = date(2026, 12, 16)


def _order(second: date, second_raw: str, conf: float, *, first: date = DEC_16) -> CapturedOrder:
    """An order of two lines: the first dated `first` read sure, the second read as `second_raw` (the
    date `second`) at `conf`."""
    boxes = ((400.0, 300.0, 530.0, 320.0), (400.0, 400.0, 530.0, 420.0))
    lines = (
        CapturedLine(line_no="1", item_code="TOR-M8-40", requested_delivery_date=first),
        CapturedLine(line_no="2", item_code="TUE-M8", requested_delivery_date=second),
    )
    evidence = (
        Evidence("lines[0].requested_delivery_date", SURE, Provenance(1, boxes[0], raw=first.isoformat())),
        Evidence("lines[1].requested_delivery_date", conf, Provenance(1, boxes[1], raw=second_raw)),
    )
    return CapturedOrder(po_number="4515570297", order_date=ORDERED, lines=lines, evidence=evidence)


def _again(order: CapturedOrder, *said: tuple[str, float]) -> CapturedOrder:
    """`order` after its unsure line dates were read again, the ways saying `said` in turn."""
    sheet = Image.new("1", (1728, 600), 1)
    words = tuple(_word(e) for e in order.evidence)
    page = PageWords(1, 1728.0, 600.0, DPI, words, "ocr")

    def way(text: str, conf: float) -> ReadCells:
        def reading(crops: Sequence[PageImage]) -> list[PageWords]:
            return [
                PageWords(c.number, 200.0, 40.0, DPI, (Word(text, 0, 0, 130, 20, conf),), "ocr")
                for c in crops
            ]

        return reading

    image = PageImage.from_image(1, sheet, DPI, (DPI, DPI))
    (got,) = dated_cells.reread_line_dates([order], [image], [page], [way(t, c) for t, c in said])
    return got


def _word(found: Evidence) -> Word:
    x0, y0, x1, y1 = found.provenance.box or (0.0, 0.0, 0.0, 0.0)
    return Word(found.provenance.raw or "", x0, y0, x1, y1, found.confidence)


def _second(order: CapturedOrder) -> tuple[date | None, float]:
    found = order.evidence_for("lines[1].requested_delivery_date")
    return order.lines[1].requested_delivery_date, (found.confidence if found else 0.0)


def test_a_date_read_unsure_that_another_line_prints_and_its_cell_says_sure_is_sure() -> None:
    got = _again(_order(DEC_16, "2026-12-16.", 0.68), ("2026-12-16", 0.94), ("2026-12-16", 0.95))
    when, confidence = _second(got)
    assert when == DEC_16
    assert confidence >= FLOOR


def test_a_year_read_out_of_place_is_taken_as_its_cell_says_when_another_line_prints_it() -> None:
    # sap_listing-183502: "2626-12-16" on an order of 26 November 2026, the other lines 2026-12-16
    got = _again(_order(date(2626, 12, 16), "2626-12-16", 0.53), ("2026-12-16", 0.94), ("2026-12-16", 0.95))
    when, confidence = _second(got)
    assert when == DEC_16
    assert confidence >= FLOOR


def test_readings_again_unsure_leave_it_unsure() -> None:
    # guard
    got = _again(_order(DEC_16, "2026-12-16.", 0.68), ("2026-12-16.", 0.66), ("2026-12-16", 0.72))
    assert _second(got) == (DEC_16, 0.68)


def test_a_date_no_other_line_prints_stays_unsure() -> None:
    # guard: the readings again alike are no proof by themselves
    got = _again(
        _order(DEC_16, "2026-12-16", 0.6, first=date(2026, 12, 23)),
        ("2026-12-16", 0.94),
        ("2026-12-16", 0.95),
    )
    assert _second(got) == (DEC_16, 0.6)


def test_a_date_in_its_place_read_again_as_another_lines_date_stays_as_read() -> None:
    # guard: "2026-12-18" in its place, read again "2026-12-16": two readings disagree
    got = _again(_order(date(2026, 12, 18), "2026-12-18", 0.6), ("2026-12-16", 0.94), ("2026-12-16", 0.95))
    assert _second(got) == (date(2026, 12, 18), 0.6)


def test_readings_again_that_disagree_leave_it_unsure() -> None:
    # guard
    got = _again(_order(DEC_16, "2026-12-16", 0.6), ("2026-12-16", 0.94), ("2026-12-18", 0.95))
    assert _second(got) == (DEC_16, 0.6)


def test_a_reading_day_or_month_first_settles_nothing() -> None:
    # guard: "12/07/26" is 12 July or 7 December; "07/12/26" the same
    day = date(2026, 12, 7)
    got = _again(_order(day, "07/12/26", 0.6, first=day), ("07/12/26", 0.94), ("07/12/26", 0.95))
    assert _second(got) == (day, 0.6)
