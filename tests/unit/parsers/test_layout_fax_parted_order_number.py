"""Normal fax order numbers parted where a fax lost their separator ("PO 19552" for PO-19552, "26 61894"
for 26-61894) or where OCR set a space after it ("55213- 26"): joined, and doubtful, so a person
confirms them."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _numbered(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order whose "Nº pedido:" line is left out and `placed` printed under its header instead."""
    base = order(GOOD, drop="Nº pedido:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_prefix_whose_hyphen_was_lost_is_joined_with_a_hyphen_doubtful() -> None:
    # "PO-19552" printed; the hyphen, a scan line or two thick, lost whole on a normal fax
    got = _numbered((50, "Order number:"), (150, "PO 19552"))
    assert got["po_number"] == "PO-19552"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_prefix_is_joined_with_the_separator_the_rest_of_the_number_uses() -> None:
    got = _numbered((50, "N/Pedido"), (150, "PO 2026-87301"))
    assert got["po_number"] == "PO-2026-87301"
    assert doubted(got, "po_number")
    got = _numbered((50, "N/Pedido"), (150, "OC 26/87301"))
    assert got["po_number"] == "OC/26/87301"


def test_a_year_parted_from_the_number_is_joined_doubtful() -> None:
    got = _numbered((50, "Número de pedido:"), (150, "26 61894"))
    assert got["po_number"] == "26-61894"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_words_that_are_no_prefix_are_not_joined() -> None:
    # small letters, a number sign, three figures: no first part of an order number
    assert _numbered((50, "Número de pedido:"), (150, "ref 61894"))["po_number"] != "ref-61894"
    assert _numbered((50, "Número de pedido:"), (150, "NO 61894"))["po_number"] != "NO-61894"
    assert _numbered((50, "Número de pedido:"), (150, "261 61894"))["po_number"] != "261-61894"


def test_figures_a_space_parted_after_the_separator_in_a_sentence_are_joined_doubtful() -> None:
    got = _numbered((50, "Adjuntamos nuestro pedido 55213- 26, fechado el 23/11/2026. Les rogamos"))
    assert got["po_number"] == "55213-26"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_one_capital_read_small_in_an_order_number_is_put_upright_doubtful() -> None:
    got = _numbered((50, "P.O. No.:"), (150, "pC26074004"))
    assert got["po_number"] == "PC26074004"
    assert doubted(got, "po_number") and got["decision"] != "accept"
    # small letters of their own shape, or more than one small, are left as read
    assert _numbered((50, "P.O. No.:"), (150, "aC26074004"))["po_number"] == "aC26074004"
    assert _numbered((50, "P.O. No.:"), (150, "pc26074004"))["po_number"] == "pc26074004"


def test_another_fields_label_and_its_value_are_no_parted_order_number() -> None:
    # the buyer's GLN beside an order label whose number was not read; a year and a month
    got = _numbered((50, "N/Pedido"), (150, "GLN 5601000300012"))
    assert got["po_number"] != "GLN-5601000300012"
    assert _numbered((50, "Número de pedido:"), (150, "2026 11"))["po_number"] != "2026-11"
