"""A header date printed year first one of whose two dashes a normal fax lost ("2026-1123" for
2026-11-23, "202611-23"): after a date's label, a year, then two figures for the month and two for the
day, the lost dash put back as the other; mended, so a person confirms it. Figures that make no month
and day ("2026-1323") give no date."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _dated(printed: str) -> dict[str, Any]:
    """The order of GOOD with its order date's line reading "Fecha pedido:" `printed`."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, (50, "Fecha pedido:"), (160, printed))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_year_first_date_with_its_second_dash_lost_is_that_date_for_a_person_to_confirm() -> None:
    got = _dated("2026-1123")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_year_first_date_with_its_first_dash_lost() -> None:
    got = _dated("202611-23")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date")


def test_figures_that_make_no_month_give_no_date() -> None:
    assert _dated("2026-1323")["order_date"] is None


def test_a_year_first_date_as_printed_is_not_doubted() -> None:
    got = _dated("2026-11-23")
    assert got["order_date"] == "2026-11-23"
    assert not doubted(got, "order_date")
