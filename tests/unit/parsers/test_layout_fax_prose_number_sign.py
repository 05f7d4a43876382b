"""An order number stated in a letter's sentence whose number sign a fax ran into it ("el pedido
n°'482/26" for "el pedido nº 482/26": the space after the sign lost, a speck read as a quote).

The business rule: the sign is printed, its ring stands for no figure, so the order number is the
figures after it as printed ("482/26"), and the date joined to it is the order's date. Figures after a
sign a fax read into a figure ("n159404-26") are no sign and no number read right: not this rule's.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(sentence: str) -> dict[str, Any]:
    """The order of GOOD without its labelled number, stating it in `sentence` over its table."""
    base = order(GOOD, drop="Nº pedido:")
    words = cells(140, (50, sentence))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def test_a_number_sign_run_into_the_order_number_in_a_sentence_is_no_part_of_it() -> None:
    got = _read("Les hacemos el pedido n°'482/26 de fecha 23/11/2026:")
    assert got["po_number"] == "482/26"
    assert got["order_date"] == "2026-11-23"


def test_a_sign_with_a_space_after_it_reads_as_before() -> None:
    assert _read("Les hacemos el pedido nº 482/26 de fecha 23/11/2026:")["po_number"] == "482/26"
