"""Normal fax header dates printed by a monospaced face with the day standing apart from its month
("FECHA DE PEDIDO  26   Nov-26"): the day one phrase, the month name and year the next. Nothing is
misread, so the date is read as printed; a month name that is not beside a lone day joins nothing."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _dated(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order (delivery 30/11/2026) whose "Fecha:" line is left out and `placed` printed instead."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_day_printed_apart_from_its_month_and_year_is_the_order_date() -> None:
    # 26 November 2026 printed "26 Nov-26": the day, a wide space, the month and the year
    got = _dated((50, "FECHA DE PEDIDO"), (150, "26"), (175, "Nov-26"))
    assert got["order_date"] == "2026-11-26"
    assert not doubted(got, "order_date")


def test_a_month_name_and_year_apart_from_a_day_in_english_too() -> None:
    got = _dated((50, "Order date:"), (150, "5th"), (180, "December"), (250, "2026"))
    assert got["order_date"] == "2026-12-05"


def test_a_word_that_is_no_month_after_the_day_makes_no_date() -> None:
    # "26  Nav-26": no month is named, so the day alone is no order date
    got = _dated((50, "FECHA DE PEDIDO"), (150, "26"), (175, "Nube-26"))
    assert got["order_date"] is None
