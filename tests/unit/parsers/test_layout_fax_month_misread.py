"""A header date whose month a fax misread into a number over 12 ("02.17.2026" for 02.12.2026) on a
page that writes its dates day first: read as printed it is a month-first date unlike every other date
on the page. The order's other date settles which month it was when only one fits; mended, so doubtful."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from parsers.layout.date_order import month_misread
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _delivered(printed: str, source: str = "ocr") -> dict[str, Any]:
    """An order dated 23/11/2026 whose delivery line reads `printed`."""
    base = order(GOOD, drop="Fecha de entrega:")
    more = cells(140, (50, "Fecha de entrega:"), (160, printed))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), source))


def test_a_month_misread_over_twelve_is_the_one_month_a_figure_off_after_the_order_date() -> None:
    # 17 may be 07, 10, 11 or 12: only the 2nd of December falls after the order of 23/11/2026
    got = _delivered("02.17.2026")
    assert got["requested_delivery_date"] == "2026-12-02"
    assert doubted(got, "requested_delivery_date") and got["decision"] != "accept"


def test_the_months_a_figure_from_a_number_over_twelve() -> None:
    found = month_misread("02.17.2026")
    assert {d.isoformat() for d in found} == {"2026-07-02", "2026-10-02", "2026-11-02", "2026-12-02"}
    assert month_misread("23.11.2026") == []  # a day-first date as it is
    assert month_misread("02.11.2026") == []  # a month: nothing misread
    assert month_misread("23.17.2026") == []  # both over 12: no month-first reading to mend


def _labelled(*placed: tuple[float, str], drop: str) -> dict[str, Any]:
    """An order whose `drop` line is left out and `placed` printed under its header instead."""
    base = order(GOOD, drop=drop)
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_named_month_date_whose_dash_before_its_year_read_as_a_colon_is_read_doubtful() -> None:
    got = _labelled((50, "Fecha:"), (120, "23-Nov:26"), drop="Fecha:")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_speck_after_a_colon_read_as_a_one_run_into_the_day_is_left_out_doubtful() -> None:
    # "Fecha: 23.11.26" with a speck between the colon and the day read as a 1
    got = _labelled((50, "Fecha"), (120, ":123.11.26"), drop="Fecha:")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_an_order_number_label_whose_number_sign_read_as_a_mark_and_a_two() -> None:
    # "Pedido nº" with its º read as "?2"
    got = _labelled((50, "Pedido n?2"), (150, "PED-26/00777"), drop="Nº pedido:")
    assert got["po_number"] == "PED-26/00777"


def test_a_date_label_whose_first_letter_read_as_its_look_alike_is_read_doubtful() -> None:
    # "Date:" with its D thinned into a b
    got = _labelled((50, "bate:"), (120, "23/11/2026"), drop="Fecha:")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_short_month_name_a_letter_off_between_day_and_year_is_read_doubtful() -> None:
    got = _labelled((50, "Fecha:"), (120, "23-nev-2026"), drop="Fecha:")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"
    # a word a letter from two months says neither
    assert find_date("23-jen-2026") is None


def test_a_date_label_whose_d_read_as_a_p_is_read_doubtful() -> None:
    got = _labelled((50, "pate:"), (120, "23.11.26"), drop="Fecha:")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_an_order_number_in_a_sentence_whose_slash_read_as_a_colon_is_read_doubtful() -> None:
    # "This letter confirms our purchase order 164/26 of 2026-11-23": the slash thinned to a colon
    got = _labelled((50, "This letter confirms our purchase order 164:26 of 2026-11-23."), drop="Nº pedido:")
    assert got["po_number"] == "164/26"
    assert doubted(got, "po_number") and got["decision"] != "accept"
