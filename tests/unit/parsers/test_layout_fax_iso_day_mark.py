"""A year-first date whose day's second figure a fax read as a slash.

The business rule: "2026-12-1/" is no date of 1 December: a mark stands where the day's second figure
was printed (2026-12-10, 2026-12-17, ...), so the day is not known and a person reads it off the
document; the order waits.  A year-first date printed with a one-figure day and nothing glued after it
("2026-12-1") is that day, as before."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _delivery(value: str) -> dict[str, Any]:
    """The order with "Fecha de entrega:" printing `value`."""
    base = order(GOOD, drop="Fecha de entrega:")
    more = cells(140, (50, "Fecha de entrega:"), (150, value))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_day_whose_second_figure_was_read_as_a_slash_is_not_the_first() -> None:
    got = _delivery("2026-12-1/")
    assert got["requested_delivery_date"] != "2026-12-01"
    assert got["decision"] != "accept"


def test_a_year_first_date_printed_whole_is_read() -> None:
    assert _delivery("2026-12-10")["requested_delivery_date"] == "2026-12-10"
    assert _delivery("2026-12-1")["requested_delivery_date"] == "2026-12-01"
