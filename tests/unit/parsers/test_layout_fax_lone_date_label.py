"""A one-word date label OCR misread a letter of ("DALE:" for "DATE:"): the date after it is the
order's, for a person to confirm."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(label: str, value: str) -> dict[str, Any]:
    """The order of GOOD whose order-date line reads `label` with `value` apart to its right."""
    base = order(GOOD, drop="Fecha:")
    words = cells(84, (50, label), (130, value))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def _low(got: dict[str, Any]) -> set[str]:
    return {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}


def test_a_date_label_a_letter_off_before_its_colon_gives_the_order_date_for_a_person() -> None:
    got = _read("DALE:", "23 November 2026")
    assert got["order_date"] == "2026-11-23"
    assert "order_date" in _low(got) and got["decision"] != "accept"


def test_a_word_a_letter_off_a_date_label_before_no_date_is_no_label() -> None:
    # "Dale: Cruz" (a name) is no misread "Date:", and no date is reported unread because of it
    got = _read("Dale:", "Cruz Herrero")
    assert got["order_date"] is None
    assert not [u for u in got.get("unread") or [] if u.get("label") == "Dale:"]


def test_a_short_word_whose_first_letter_differs_is_no_date_label() -> None:
    assert _read("GATE:", "23 November 2026")["order_date"] is None
