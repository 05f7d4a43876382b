"""Normal fax order numbers OCR parted at one of their own separators, and a number sign's "º" read as a
figure between a label and its number.

The business rule: no order number starts or ends in a hyphen or a slash, and none is one figure alone.
A number read "26/ 78280" or "OC /26/26667" after its label is the number with the gap closed
(26/78280, OC/26/26667); "ENCOMENDA N, 9   : 000957" is order 000957, the "9" the sign's raised "º".
Each was read only once mended, so a person confirms it: the order waits.  Words that run together into
a date, a number sign's letters before a slash, or two figures after the label, are left as they were."""

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


def test_a_number_parted_after_its_slash_is_joined_doubtful() -> None:
    got = _numbered((50, "P.O. NO."), (150, "26/ 78280"))
    assert got["po_number"] == "26/78280"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_number_parted_before_its_slash_is_joined_doubtful() -> None:
    got = _numbered((50, "Pedido n°:"), (150, "OC /26/26667"))
    assert got["po_number"] == "OC/26/26667"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_number_parted_after_its_hyphen_is_joined_doubtful() -> None:
    got = _numbered((50, "Order number:"), (150, "PO-2026- 36556"))
    assert got["po_number"] == "PO-2026-36556"
    assert doubted(got, "po_number")


def test_words_that_make_a_date_or_a_number_sign_are_not_joined() -> None:
    assert _numbered((50, "Pedido n°:"), (150, "26/ 11/2026"))["po_number"] != "26/11/2026"
    assert _numbered((50, "Pedido:"), (150, "N/ 78280"))["po_number"] != "N/78280"


def test_a_number_printed_whole_is_not_doubted() -> None:
    got = _numbered((50, "Pedido n°:"), (150, "OC/26/26667"))
    assert got["po_number"] == "OC/26/26667"
    assert not doubted(got, "po_number")


def test_a_number_signs_ring_read_as_a_figure_before_the_number_gives_the_number_doubtful() -> None:
    # "ENCOMENDA Nº : 000957" printed in a dot-matrix face; the raised "º" read as a "9" by the label
    got = _numbered((50, "ENCOMENDA N, 9"), (200, ": 000957"))
    assert got["po_number"] == "000957"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_two_figures_after_the_label_are_no_sign_read_as_a_figure() -> None:
    assert _numbered((50, "ENCOMENDA N, 96"), (200, ": 000957"))["po_number"] != "000957"
