"""A numeric date a fax printed with a speck glued before its day and its separators doubled
(".24.11,.2026" for 24.11.2026). The business rule: a date starts with its day; a point glued before
it, after a space, is no figure of it. The date is that day, and since marks were mended a person
confirms it. A day and month alone are no date, and a point after a figure is no speck: "1.24.11,.2026"
reads as it did."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, order, read, row


def test_a_speck_before_a_day_is_left_out_doubtful() -> None:
    for text in (".24.11,.2026", "Date .24.11,.2026"):
        found = find_date(text)
        assert found is not None and found.value.isoformat() == "2026-11-24", text
        assert found.certainty < 0.8, text


def test_a_day_and_month_alone_after_a_speck_is_no_date() -> None:
    # guards
    assert find_date(".24.11") is None
    found = find_date("1.24.11,.2026")
    assert found is not None and found.value.isoformat() == "2011-01-24"


def test_an_order_date_so_printed_is_read_and_waits() -> None:
    base = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00", drop="Fecha:")
    more = cells(84, (50, "Date"), (150, ".24.11,.2026"))
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["order_date"] == "2026-11-24"
    assert got["decision"] != "accept"
