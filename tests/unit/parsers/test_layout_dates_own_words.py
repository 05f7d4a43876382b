"""A date's evidence is the ink the date is read from, and the ink printed with it that checks it.

The business rule: a date read on a scan is as sure as OCR was of the words the date is made of.  Words
of letters printed after it ("(goods-in closes at 3 pm).", a speck read "ON") say nothing of the date:
OCR's doubt of them does not hold the order.  A weekday printed with a date checks it, under a line as
in the header: the date falling on it bears it out (the weekday's own reading does not count against
it), and a date that does not fall on it ("miércoles, 3 de diciembre": the 3rd is a Thursday) was
misread, or its weekday was, and waits for a person however sure OCR was of its figures.  A figure
right after a date may be part of it that OCR parted, so it still counts.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import (
    CHAR,
    HEADING,
    SPACE,
    STEP,
    cells,
    header_rows,
    page,
    read,
    row,
    word,
)


def _words(y: float, x: float, *said: tuple[str, float]) -> list[Word]:
    """Words side by side from `x`, each (text, OCR confidence)."""
    out = []
    for text, conf in said:
        out.append(word(text, x, y, conf=conf))
        x += CHAR * len(text) + SPACE
    return out


def _lines_dated(*dates: tuple[tuple[str, float], ...]) -> PageWords:
    """Order PED-26/00123 of C-1001 dated 23/11/2026 with no delivery date of its own; under each of its
    lines "Fecha entrega:" and the words of `dates` (text, OCR confidence)."""
    lines: list[list[Word]] = header_rows(delivery=None)
    y = 160.0
    lines.append(cells(y, *HEADING))
    rows = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TOR-M8-40", "100", "0,18", "18,00")]
    for cells_of_row, said in zip(rows, dates, strict=True):
        y += STEP
        lines.append(cells(y, *cells_of_row))
        y += STEP
        lines.append([*cells(y, (130, "Fecha entrega:")), *_words(y, 212, *said)])
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, "63,00")))
    return page(*lines)


def _delivery_said(*said: tuple[str, float]) -> PageWords:
    """Order PED-26/00123 of C-1001 dated 23/11/2026, its delivery date the words `said` after
    "Fecha de entrega:", one line of 250 screws at 0,18."""
    lines: list[list[Word]] = header_rows(delivery=None)
    lines.append([*cells(126, (50, "Fecha de entrega:")), *_words(126, 150, *said)])
    lines.append(cells(160, *HEADING))
    lines.append(cells(160 + STEP, *row("TOR-M8-40", "250", "0,18", "45,00")))
    lines.append(cells(160 + 3 * STEP, (430, "Total"), (500, "45,00")))
    return page(*lines)


def _held(got: dict[str, Any]) -> list[str]:
    return [p["field"] for p in got["problems"]]


SURE = 0.95
WEDNESDAY_2ND = (
    ("miércoles,", SURE),
    ("2", SURE),
    ("de", SURE),
    ("diciembre", SURE),
    ("de", SURE),
    ("2026", SURE),
)


def test_a_line_date_that_does_not_fall_on_its_printed_weekday_waits() -> None:
    # "miércoles, 3 de diciembre de 2026" read sure: 3 December 2026 is a Thursday, so the day (or the
    # weekday) was misread; the other line's date falls on its Wednesday
    thursday_read = (
        ("miércoles,", SURE),
        ("3", SURE),
        ("de", SURE),
        ("diciembre", SURE),
        ("de", SURE),
        ("2026", SURE),
    )
    got = read(_lines_dated(thursday_read, WEDNESDAY_2ND))
    assert got["lines"][0]["requested_delivery_date"] == "2026-12-03"
    assert got["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(got)


def test_a_line_date_on_its_printed_weekday_is_not_held_by_how_the_weekday_read() -> None:
    # the weekday read unsure (0.5) names the day the date falls on: it bears the date out
    unsure_weekday = (("miércoles,", 0.5), *WEDNESDAY_2ND[1:])
    got = read(_lines_dated(unsure_weekday, WEDNESDAY_2ND))
    assert [line["requested_delivery_date"] for line in got["lines"]] == ["2026-12-02", "2026-12-02"]
    assert got["decision"] == "accept", _held(got)


def test_a_speck_read_as_letters_after_a_line_date_does_not_hold_it() -> None:
    got = read(_lines_dated((("06.12.2026", SURE), ("ON", 0.23)), (("13.12.2026", SURE),)))
    assert [line["requested_delivery_date"] for line in got["lines"]] == ["2026-12-06", "2026-12-13"]
    assert got["requested_delivery_date"] == "2026-12-06"
    assert got["decision"] == "accept", _held(got)


def test_words_of_a_sentence_after_the_delivery_date_do_not_hold_it_but_a_figure_beside_it_does() -> None:
    said = (
        ("06/12/2026", SURE),
        ("(el", SURE),
        ("muelle", SURE),
        ("cierra", SURE),
        ("a", SURE),
        ("las", SURE),
    )
    got = read(_delivery_said(*said, ("15", SURE), ("h).", 0.45)))
    assert got["requested_delivery_date"] == "2026-12-06"
    assert got["decision"] == "accept", _held(got)
    # "06/12/2026 1": the "1" may be a figure of the date OCR parted from it; the date itself read
    # unsure waits whatever follows it
    for unsure in (
        (("06/12/2026", SURE), ("1", 0.45)),
        (("06/12/2026", 0.5), ("(el", SURE), ("muelle", SURE)),
    ):
        got = read(_delivery_said(*unsure))
        assert got["decision"] != "accept"
        assert "requested_delivery_date" in _held(got)


def _dated(ordered: str, delivery: str, conf: float) -> PageWords:
    """Order PED-26/00123 of C-1001 dated `ordered`, delivery `delivery` after "Fecha de entrega:" read
    with confidence `conf`, one line of 250 screws at 0,18."""
    lines: list[list[Word]] = header_rows(ordered=ordered, delivery=None)
    lines.append([*cells(126, (50, "Fecha de entrega:")), word(delivery, 150, 126, conf=conf)])
    lines.append(cells(160, *HEADING))
    lines.append(cells(160 + STEP, *row("TOR-M8-40", "250", "0,18", "45,00")))
    lines.append(cells(160 + 3 * STEP, (430, "Total"), (500, "45,00")))
    return page(*lines)


def test_a_labelled_date_whose_day_and_month_the_documents_dates_settle_is_not_held_by_the_swap() -> None:
    # "05.12.26" read at 0.88: the order is dated "23.11.26", which no reading month first makes a date,
    # so the document writes the day first and 05.12 is the 5th of December; only the century's doubt
    # (0.95) is left: 0.84
    got = read(_dated("23.11.26", "05.12.26", 0.88))
    assert got["requested_delivery_date"] == "2026-12-05"
    assert got["decision"] == "accept", _held(got)
    # dated "03.11.26", nothing on the page says which comes first: 05.12 may be the 12th of May
    got = read(_dated("03.11.26", "05.12.26", 0.88))
    assert got["decision"] != "accept"
    assert "requested_delivery_date" in _held(got)
