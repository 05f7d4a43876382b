"""A scanned order whose line descriptions wrap, each line's delivery date on a labelled line under it.

The business rule: a line's delivery date is the date its own labelled sub-line prints ("DELIVERY DATE:
02.12.26").  A wrapped description whose first word is, or is read as, a delivery word ("PLANO ADJUNTO
REV. VIGENTE" after "... SEGUN", "PLANO" a letter from "plazo") with no colon after it and no date in
its words is more of the description, not the line's delivery line: taken as one, it kept the real
date under it from being read, so the order's delivery date from its lines, which agree, waited.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, read, row


def _order(wrapped: str) -> PageWords:
    """Order PED-26/00123 of C-1001 dated 23/11/2026, two lines, each dated 02.12.26 on a labelled line
    under it; the second line's description wraps onto a line of its own that reads `wrapped`."""
    lines: list[list[Word]] = header_rows(delivery=None)
    y = 160.0
    lines.append(cells(y, *HEADING))
    y += STEP
    lines.append(cells(y, *row("TOR-M8-40", "250", "0,18", "45,00")))
    y += STEP
    lines.append(cells(y, (130, "DELIVERY DATE: 02.12.26")))
    y += STEP
    lines.append(cells(y, *row("TOR-M8-40", "100", "0,18", "18,00", desc="Tornillo según")))
    y += STEP
    lines.append(cells(y, (130, wrapped)))
    y += STEP
    lines.append(cells(y, (130, "DELIVERY DATE: 02.12.26")))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, "63,00")))
    return page(*lines)


def test_a_wrapped_description_read_as_a_delivery_word_leaves_the_line_its_dated_line() -> None:
    got = read(_order("PLANO ADJUNTO REV. VIGENTE"))
    assert [line["requested_delivery_date"] for line in got["lines"]] == ["2026-12-02", "2026-12-02"]
    assert "plano adjunto" in got["lines"][1]["description"].lower()
    assert got["requested_delivery_date"] == "2026-12-02"
    assert got["decision"] == "accept", [p["message"] for p in got["problems"]]


def test_a_delivery_word_before_a_date_is_still_the_lines_delivery() -> None:
    # "Plazo 05.12.26" with no colon: the words after the label hold a date, so it is the line's date
    got = read(_order("Plazo 05.12.26"))
    assert [line["requested_delivery_date"] for line in got["lines"]] == ["2026-12-02", "2026-12-05"]
