"""A normal fax's order-number label whose number sign a speck beside it left as a mark of its own
("ENCOMENDA N,2 +   26/99027" for "ENCOMENDA Nº: 26/99027"). The business rule: no order number is one
character, let alone a sign; the number is the one printed after the label, found past the mark, and
since it was found past a spoilt word a person confirms it. A letter after the label is left to the
rules for garbled label words."""

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


def test_a_lone_mark_after_the_number_sign_gives_the_number_after_it_doubtful() -> None:
    got = _numbered((50, "ENCOMENDA N,2 +"), (200, "26/99027"))
    assert got["po_number"] == "26/99027"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_lone_letter_after_the_number_sign_is_not_taken_for_a_mark() -> None:
    # "ENCOMENDA N,2 A": a letter may be a word of the label's; it is no sign read past
    got = _numbered((50, "ENCOMENDA N,2 A"), (200, "26/99027"))
    assert got["decision"] != "accept"
