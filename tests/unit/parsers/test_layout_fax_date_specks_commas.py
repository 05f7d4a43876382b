"""Header dates a normal fax spoiled with a comma: a speck after a month-first date's month name read
as a comma ("November, 24th, 2026"), a year-first date's first dash read as a comma with a word space
after it ("2026, 11-25").

The business rule: a date is read as printed; one that reads only once such a comma is taken for the
speck or the dash it is is read, and a person confirms it (the order waits). A comma after a month
name with no day and year after it ("November, 24 units") makes no date.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(value: str) -> dict[str, Any]:
    """The order of GOOD whose order-date line reads "Date:" with `value` apart to its right."""
    base = order(GOOD, drop="Fecha:")
    words = cells(84, (50, "Date:"), (130, value))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def test_a_comma_after_the_month_name_of_a_month_first_date_is_a_speck() -> None:
    got = _read("November, 24th, 2026")
    assert got["order_date"] == "2026-11-24"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_year_first_dates_dash_read_as_a_comma_before_a_space() -> None:
    got = _read("2026, 11-23")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_month_name_and_a_comma_before_no_day_and_year_is_no_date() -> None:
    assert find_date("November, 24 units") is None
    assert find_date("in 2026, 11 boxes") is None
