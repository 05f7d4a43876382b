"""A month-first date whose short month name a normal fax misread a letter of ("Now 25, 2026" for Nov
25, "Dee 7, 2026" for Dec 7): before a day, its comma and a four-figure year only a month's name
stands, so where exactly one month is a letter away it is that month; mended, so a person confirms it.
A word two months are a letter from ("Jum": Jun or Jul), or a payment term ("Net 30, 2026"), gives no
date."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _dated(printed: str) -> dict[str, Any]:
    """The order of GOOD with its order date's line reading "Order date:" `printed`."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, (50, "Order date:"), (160, printed))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_short_month_a_letter_off_before_the_day_is_that_month_for_a_person_to_confirm() -> None:
    got = _dated("Now 23, 2026")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_december_read_with_its_c_as_an_e() -> None:
    got = _dated("Dee 1, 2026")
    assert got["order_date"] == "2026-12-01"
    assert doubted(got, "order_date")


def test_a_word_two_months_are_a_letter_from_gives_no_date() -> None:
    assert _dated("Jum 23, 2026")["order_date"] is None


def test_a_payment_term_gives_no_date() -> None:
    assert _dated("Net 30, 2026")["order_date"] is None


def test_a_short_month_as_printed_is_not_doubted() -> None:
    got = _dated("Nov 23, 2026")
    assert got["order_date"] == "2026-11-23"
    assert not doubted(got, "order_date")
