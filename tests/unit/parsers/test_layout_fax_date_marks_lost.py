"""Normal fax header dates whose separators the fax lost, read only as a label's value, words after it:
"para el dia 12.12 2026.", "antes del 2026 11 29 en horario", "Need by: 11 30 2026". Read only once a
lost mark is put back, so each is doubtful and the order waits for a person."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from parsers.layout.date_marks_lost import marks_lost
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _dated(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order (delivery 30/11/2026) whose "Fecha:" line is left out and `placed` printed instead."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_an_order_date_whose_second_point_was_lost_is_read_doubtful() -> None:
    # 24.11.2026 printed, the point before the year lost: "24.11 2026"
    got = _dated((50, "Fecha:"), (120, "24.11 2026 (pedido abierto)"))
    assert got["order_date"] == "2026-11-24"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_year_first_date_whose_dashes_were_lost_is_read_with_words_after_it() -> None:
    # 2026-11-25 printed, both dashes lost, then the rest of the sentence
    got = _dated((50, "Fecha:"), (120, "2026 11 25 en horario de mañana"))
    assert got["order_date"] == "2026-11-25"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_figures_that_are_no_date_with_a_lost_mark_stay_unread() -> None:
    assert marks_lost("12.50 2026") is None  # an amount and a year: no space for a mark
    assert marks_lost("24.11.2026") is None  # nothing lost: an ordinary date, read by find_date
    assert marks_lost("2026 1 425,00") is None  # a year and an amount
    assert marks_lost("24.13 2026") is None  # no thirteenth month
    assert marks_lost("ref 24.11 2026") is None  # not where a label's value starts
    assert find_date("24.11 2026") is None  # in any other text, such figures are no date


def test_the_day_and_month_of_a_date_with_a_lost_mark_follow_the_document() -> None:
    found = marks_lost("11 30 2026")  # only month first makes a date of it
    assert found is not None and found.value.isoformat() == "2026-11-30"
    day_first = marks_lost("05 12 2026", month_first=False)
    month_first = marks_lost("05 12 2026", month_first=True)
    assert day_first is not None and day_first.value.isoformat() == "2026-12-05"
    assert month_first is not None and month_first.value.isoformat() == "2026-05-12"
    assert day_first.certainty < 0.8 and month_first.certainty < 0.8
