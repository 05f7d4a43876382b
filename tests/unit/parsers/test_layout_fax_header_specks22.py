"""Normal fax header fields a speck or a lost stroke kept from being read: the comma after a month-first
date's day read with a speck ("December 4+. 2026"), a letter's place-and-date line with a speck before
the place ('"Madrid, martes, 24 de noviembre de 2026') or its date's mark lost ("Madrid, 2311/2026"),
and an order number's 7 that lost its bar read as a slash after a dash ("PO-2026-/0139")."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import HEADING, cells, doubted, header_rows, order, page, read, row
from tests.unit.parsers.tax_support import GOOD


def _with(base: PageWords, *more: list[Word]) -> dict[str, Any]:
    words = base.words + tuple(w for line in more for w in line)
    return read(PageWords(1, base.width, base.height, base.dpi, words, "ocr"))


def test_a_month_first_delivery_date_whose_comma_was_read_with_a_speck_is_read_doubtful() -> None:
    # "December 4, 2026" printed; the fax left a speck by the comma, read "4+.": the day, the month
    # and the year are all there, the mark between them mended, so a person confirms the date
    base = order(GOOD, drop="Fecha de entrega:")
    for printed in ("December 4+. 2026", "December 4*, 2026"):
        got = _with(base, cells(140, (50, "Delivery date:"), (150, printed)))
        assert got["requested_delivery_date"] == "2026-12-04", printed
        assert doubted(got, "requested_delivery_date") and got["decision"] != "accept", printed


def test_a_speck_and_a_figure_after_a_month_make_no_date() -> None:
    # a speck after a month and a day, then no four-figure year: nothing to read as a date
    base = order(GOOD, drop="Fecha de entrega:")
    got = _with(base, cells(140, (50, "Delivery date:"), (150, "December 4+. 12")))
    assert got["requested_delivery_date"] is None
    assert got["decision"] != "accept"


def test_a_letters_place_and_date_with_a_speck_before_the_place_gives_the_order_date() -> None:
    # a letter dated '"Madrid, martes, 24 de noviembre de 2026': the quote is a speck OCR read before
    # the place, no part of the line; the date is the order's
    base = order(GOOD, drop="Fecha:")
    got = _with(base, cells(140, (330, '"Madrid, martes, 24 de noviembre de 2026')))
    assert got["order_date"] == "2026-11-24"
    got = _with(base, cells(140, (330, "‘ Madrid, 24 de noviembre de 2026")))
    assert got["order_date"] == "2026-11-24"


def test_a_letters_place_and_date_with_a_mark_lost_is_the_order_date_doubtful() -> None:
    # "Madrid, 23/11/2026" printed, its first slash lost: "2311/2026"; the day and the month are put
    # apart again, doubtful
    base = order(GOOD, drop="Fecha:")
    got = _with(base, cells(140, (330, "Madrid, 2311/2026")))
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_place_followed_by_figures_that_are_no_date_gives_no_order_date() -> None:
    # "Madrid, 2311/2026 45": more after the figures, no place-and-date line; "Madrid, 4511/2026":
    # no month 45 or day 45
    base = order(GOOD, drop="Fecha:")
    for text in ("Madrid, 2311/2026 45", "Madrid, 4513/2026"):
        got = _with(base, cells(140, (330, text)))
        assert got["order_date"] is None, text


def _po_page(po_number: str) -> dict[str, Any]:
    return read(
        page(
            *header_rows(po_number),
            cells(160, *HEADING),
            cells(174, *row("TOR-M8-40", "250", "0,18", "45,00")),
            cells(202, (430, "Total"), (500, "45,00")),
        )
    )


def test_an_order_number_with_a_slash_after_a_dash_has_its_seven_put_back_doubtful() -> None:
    # PO-2026-70139 printed; the 7 lost its bar and reads as a slash right after the dash: no number
    # prints two separators side by side, so the slash is the 7, for a person to confirm
    got = _po_page("PO-2026-/0139")
    assert got["po_number"] == "PO-2026-70139"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_an_order_number_with_slashes_between_figures_is_left_as_read() -> None:
    # "PED-26/00123": a slash between figures, as printed; nothing is mended, the number as read
    got = _po_page("PED-26/00123")
    assert got["po_number"] == "PED-26/00123"
    assert not doubted(got, "po_number")


def test_an_order_number_with_a_dash_read_as_a_plus_has_its_dash_put_back_doubtful() -> None:
    # OC-2026-96736 printed; a speck crossed its first dash, read "OC+2026-96736": the number's other
    # separator is a dash, so the plus is one too, for a person to confirm
    got = _po_page("OC+2026-96736")
    assert got["po_number"] == "OC-2026-96736"
    assert doubted(got, "po_number") and got["decision"] != "accept"
    # a plus in a number with no dash beside it is not known for one: nothing taken for the number
    assert _po_page("OC+2026/96736")["po_number"] != "OC-2026/96736"
