"""A numeric date whose slashes a normal fax thinned to their two ends, read as colons ("11:26:2026",
"26:11/2026"): the date it prints, for a person to confirm; a time is no date."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(value: str, label: str = "Fecha:") -> dict[str, Any]:
    """The order of GOOD whose order-date line reads `label` with `value` apart to its right."""
    base = order(GOOD, drop="Fecha:")
    words = cells(84, (50, label), (130, value))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def _low(got: dict[str, Any]) -> set[str]:
    return {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}


def test_a_date_whose_slashes_read_as_colons_is_the_order_date_for_a_person_to_confirm() -> None:
    got = _read("23:11:2026")
    assert got["order_date"] == "2026-11-23"
    assert "order_date" in _low(got) and got["decision"] != "accept"


def test_one_slash_read_as_a_colon_takes_the_other_separator() -> None:
    got = _read("23/11:2026")
    assert got["order_date"] == "2026-11-23"
    assert "order_date" in _low(got)


def test_a_time_before_a_year_is_no_date() -> None:
    # "10:15 2026": hours and minutes, no day and month
    assert _read("10:15 2026")["order_date"] is None
