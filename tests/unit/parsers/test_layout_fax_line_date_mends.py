"""A scanned order's delivery dates printed under its lines, spoilt by the fax past a plain reading.

The business rule: a line's date cut in two words with a figure too many ("11-14" "2-2026" for
11-12-2026) is put together where leaving out one figure gives exactly one date in its place after the
order's date, read in the document's day/month order; a letter read for a figure in a date whose shape
is otherwise whole ("1I.12.2026", "O5/12/2O26") is read as that figure.  Either mended date, and any
line date read only once a separator read as another mark was mended ("12-12:2026"), waits for a person
unless every other line prints the very same date, read as it stands.  Then the lines agree, and the
order's delivery date, the earliest of them, flows.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, read, row, word


def _order(*printed: tuple[str, ...], ordered: str = "23/11/2026") -> PageWords:
    """Order PED-26/00123 of C-1001 dated `ordered`, one line per entry of `printed`, each with its
    delivery date under it in the words given (read at 0.95), a word space apart."""
    lines: list[list[Word]] = header_rows(ordered=ordered, delivery=None)
    y = 160.0
    lines.append(cells(y, *HEADING))
    for words in printed:
        y += STEP
        lines.append(cells(y, *row("TOR-M8-40", "100", "0,18", "18,00")))
        y += STEP
        x, dated = 212.0, []
        for text in words:
            dated.append(word(text, x, y))
            x = dated[-1].x1 + 2.8
        lines.append([*cells(y, (130, "Fecha entrega:")), *dated])
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, f"{18 * len(printed)},00")))
    return page(*lines)


def _dates(got: dict[str, Any]) -> list[str | None]:
    return [line["requested_delivery_date"] for line in got["lines"]]


def _held(got: dict[str, Any]) -> list[str]:
    return [p["field"] for p in got["problems"]]


def test_a_date_cut_in_two_with_a_figure_too_many_is_read_and_flows_when_the_other_lines_agree() -> None:
    got = read(_order(("11-14", "2-2026"), ("11-12-2026",), ("11-12-2026",)))
    assert _dates(got) == ["2026-12-11", "2026-12-11", "2026-12-11"]
    assert got["requested_delivery_date"] == "2026-12-11"
    assert got["decision"] == "accept", _held(got)


def test_a_date_cut_in_two_waits_when_another_line_prints_another_date() -> None:
    got = read(_order(("11-14", "2-2026"), ("18-12-2026",)))
    assert _dates(got) == ["2026-12-11", "2026-12-18"]
    assert got["requested_delivery_date"] == "2026-12-11"  # the earliest, now known
    assert got["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(got)


def test_a_date_cut_in_two_that_two_dates_fit_is_not_guessed() -> None:
    # "11-12" "1-2026" on an order of 3 November: a 1 too many gives 11-11-2026 or 11-12-2026, both
    # in their place after the order's date; which was printed, nothing says
    got = read(_order(("11-12", "1-2026"), ("11-12-2026",), ordered="03/11/2026"))
    assert _dates(got)[0] is None
    assert got["decision"] != "accept"


def test_a_date_cut_in_two_out_of_its_place_is_not_read() -> None:
    # leaving out a figure gives 11-12-2024 only: before the order of November 2026
    got = read(_order(("11-14", "2-2024"), ("11-12-2026",)))
    assert _dates(got)[0] is None
    assert got["decision"] != "accept"


def test_letters_read_for_figures_in_a_whole_date_are_read_as_figures() -> None:
    got = read(_order(("1I.12.2026",), ("11.12.2026",)))
    assert _dates(got) == ["2026-12-11", "2026-12-11"]
    assert got["decision"] == "accept", _held(got)
    alone = read(_order(("O5/12/2O26",), ("07/12/2026",)))
    assert _dates(alone) == ["2026-12-05", "2026-12-07"]
    assert alone["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(alone)


def test_a_separator_read_as_a_colon_flows_only_when_every_other_line_agrees() -> None:
    agreed = read(_order(("12-12:2026",), ("12-12-2026",), ("12-12-2026",)))
    assert _dates(agreed) == ["2026-12-12"] * 3
    assert agreed["decision"] == "accept", _held(agreed)
    other = read(_order(("12-12:2026",), ("12-12-2026",), ("19-12-2026",)))
    assert other["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(other)


def test_a_mended_date_alone_on_its_order_waits() -> None:
    got = read(_order(("11-14", "2-2026")))
    assert _dates(got) == ["2026-12-11"]
    assert got["decision"] != "accept"
    assert "lines[0].requested_delivery_date" in _held(got)
