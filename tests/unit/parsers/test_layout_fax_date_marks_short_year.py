"""Normal fax header dates: a date printed with a two-figure year whose second point the fax lost
("25.1126" for 25.11.26), and a date printed year first with a dash read as a colon ("2026-11:26").
Each read only once mended, so doubtful."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from parsers.layout import dates
from parsers.layout.date_marks_lost import short_year_mark_lost
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, doubted, order, read
from tests.unit.parsers.tax_support import GOOD


def _dated(printed: str) -> dict[str, Any]:
    """An order whose "Fecha:" line is left out and printed as "Fecha de pedido:" `printed`."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, (50, "Fecha de pedido:"), (150, printed))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_short_year_date_with_a_point_lost_is_read_doubtful() -> None:
    for printed in ("25.1126", "2511.26"):
        got = _dated(printed)
        assert got["order_date"] == "2026-11-25", printed
        assert doubted(got, "order_date") and got["decision"] != "accept"


def test_six_figures_and_a_mark_are_a_date_only_after_a_date_label() -> None:
    assert find_date("25.1126") is None  # a price to four places, in any other text
    assert short_year_mark_lost("45.1326") is None  # no month 13
    assert short_year_mark_lost("25.11266") is None  # a figure run on
    assert short_year_mark_lost("25.11.26") is None  # as printed: find_date reads it, unmended
    found = short_year_mark_lost("25.1126")
    assert found is not None and found.certainty <= dates.MISREAD_PENALTY


def test_a_year_first_date_with_a_dash_read_as_a_colon_is_read_doubtful() -> None:
    got = _dated("2026-11:25")
    assert got["order_date"] == "2026-11-25"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_time_is_no_year_first_date() -> None:
    # "10:15" after a year is a time of day, not a month and a day
    assert find_date("2026 10:15") is None
