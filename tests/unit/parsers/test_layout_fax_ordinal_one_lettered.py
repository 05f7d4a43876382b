"""A date whose ordinal "1st" a fax read with its 1 as an I or an l ("December Ist, 2026", "lst
December 2026", "December 2Ist, 2026"). The business rule: "st" follows only a day ending in 1, so
beside a month's name the letter before it stands for that 1; the date is read, and since a figure
was mended a person confirms it. A word that is no ordinal ("list") or an I with no month beside it
is no date."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, order, read, row


def test_an_ordinal_one_read_as_a_letter_beside_its_month_is_the_first_doubtful() -> None:
    for text, day in (
        ("December Ist, 2026", "2026-12-01"),
        ("December lst, 2026", "2026-12-01"),
        ("Ist December 2026", "2026-12-01"),
        ("December 2Ist, 2026", "2026-12-21"),
    ):
        found = find_date(text, month_first=True)
        assert found is not None and found.value.isoformat() == day, text
        assert found.certainty < 0.8, text


def test_a_word_that_is_no_ordinal_is_no_date() -> None:
    assert find_date("December list, 2026", month_first=True) is None
    assert find_date("Ist, 2026", month_first=True) is None


def test_a_delivery_date_with_its_ordinal_lettered_is_read_and_waits() -> None:
    base = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00", drop="Fecha de entrega:")
    more = cells(140, (50, "Delivery date: December Ist, 2026"))
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["requested_delivery_date"] == "2026-12-01"
    assert got["decision"] != "accept"
