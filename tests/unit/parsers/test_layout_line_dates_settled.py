"""A scanned order's delivery dates printed under its lines ("Fecha entrega: 11.12.26" under each row).

The business rule: a line's own delivery date read on a scan is as sure as its figures were read, once
what the order's other facts settle is weighed.  A date before the order's date, or more than a year
after it, was misread ("11.12.24" for 11.12.26): it waits for a person however sure OCR was of its
figures.  A date in its place needs no more: a two-figure year's century is what puts it there, and a
day and a month that could be read the other way round ("11.12") are settled when the document's own
dates say which it writes first (an order dated 23/11/2026 cannot be read month first).  When its
dates do not say, the day and the month stay in doubt.  Such a date, printed alone after its label as
a date as it stands, is offered for a second reading of its ink (`parsers.ocr.recheck.confirm`); one
in no place is not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout import extract_orders
from parsers.layout.recheck import Recheck
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, read, row, word


def _order(line_dates: tuple[str, str], *, conf: float, ordered: str = "23/11/2026") -> PageWords:
    """Order PED-26/00123 of C-1001 dated `ordered`, two lines, each with its delivery date on a line of
    its own under it, the first read with confidence `conf`."""
    lines: list[list[Word]] = header_rows(ordered=ordered, delivery=None)
    y = 160.0
    lines.append(cells(y, *HEADING))
    rows = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TOR-M8-40", "100", "0,18", "18,00")]
    for n, (cells_of_row, printed) in enumerate(zip(rows, line_dates, strict=True)):
        y += STEP
        lines.append(cells(y, *cells_of_row))
        y += STEP
        lines.append(
            [*cells(y, (130, "Fecha entrega:")), word(printed, 212, y, conf=conf if n == 0 else 0.95)]
        )
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, "63,00")))
    return page(*lines)


def _held(got: dict[str, Any]) -> list[str]:
    return [p["field"] for p in got["problems"]]


def test_a_line_date_in_its_place_with_a_two_figure_year_and_a_day_that_could_be_a_month_flows() -> None:
    # 11.12.26 read at 0.82: the century and the day-or-month took 0.95 each off it (0.74) and it
    # waited; the order is dated 23/11/2026 (the day first, by its own date) and 11 December 2026 is
    # 18 days after it
    got = read(_order(("11.12.26", "18.12.26"), conf=0.82))
    assert [line["requested_delivery_date"] for line in got["lines"]] == ["2026-12-11", "2026-12-18"]
    assert got["requested_delivery_date"] == "2026-12-11"
    assert got["decision"] == "accept", _held(got)


def test_a_line_date_before_the_order_date_waits_however_sure_its_figures() -> None:
    # "11.12.24" read at 0.95 for 11.12.26: December 2024 is before an order of November 2026
    got = read(_order(("11.12.24", "18.12.26"), conf=0.95))
    assert got["lines"][0]["requested_delivery_date"] == "2024-12-11"
    assert got["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(got)


def test_a_line_date_more_than_a_year_after_the_order_waits() -> None:
    got = read(_order(("11.12.28", "18.12.26"), conf=0.95))
    assert got["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(got)


def test_a_day_and_month_the_document_does_not_settle_stay_in_doubt() -> None:
    # dated 03/11/2026 and delivering 11.12.26 and 12.12.26: no date of the document says whether it
    # writes the day or the month first, so "11.12" may be the 12th of November
    got = read(_order(("11.12.26", "12.12.26"), conf=0.82, ordered="03/11/2026"))
    assert got["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(got)


def test_a_line_date_in_its_place_is_offered_for_a_second_reading_and_one_out_of_it_is_not() -> None:
    offered = extract_orders([_order(("11.12.26", "18.12.26"), conf=0.7)]).rechecks
    assert {r.path: r.certainty for r in offered}["lines[0].requested_delivery_date"] == 1.0
    wrong = extract_orders([_order(("11.12.24", "18.12.26"), conf=0.7)])
    assert "lines[0].requested_delivery_date" not in {r.path for r in wrong.rechecks}


def test_a_line_date_read_again_alike_is_vouched_for_and_one_read_otherwise_is_not() -> None:
    # the second reading's rule, on a line's date: every reading of its ink again must say its figures
    path = "lines[0].requested_delivery_date"
    assert _again(path, "11.12.26", "11.12.26", "11.12.26") >= 0.8
    assert _again(path, "11.12.26", "11.12.26", "11.12.24") < 0.8
    assert _again(path, "11.12.26", "11.12.26", "17.12.26") < 0.8


def _again(path: str, printed: str, *said: str) -> float:
    """The confidence of the line date `printed` (read at 0.7) once its ink was read again as `said`."""
    box = (300.0, 80.0, 420.0, 110.0)
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), 204.0)
    words = PageWords(1, 1728.0, 400.0, 204.0, (Word(printed, *box, 0.7),), "ocr")
    order = CapturedOrder(evidence=(Evidence(path, 0.7, Provenance(page=1, box=box, raw=printed)),))

    def says(text: str) -> Callable[[Sequence[PageImage]], list[PageWords]]:
        def again(crops: Sequence[PageImage]) -> list[PageWords]:
            return [
                PageWords(c.number, 200.0, 60.0, 204.0, (Word(text, 20, 10, 180, 40, 0.93),), "ocr")
                for c in crops
            ]

        return again

    (got,) = confirm([order], [Recheck(0, path, 1.0)], [image], [words], [says(t) for t in said])
    found = got.evidence_for(path)
    assert found is not None
    return found.confidence
