"""A date label OCR wore in more than one letter over its words ("Requasted dolivary", "BRCHA DEDIDO"):
the date after it is the order's or its delivery date by what survived of the label, for a person to
confirm; a label near neither kind alone, or with no date after it, gives nothing."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(drop: str, y: float, label: str, value: str) -> dict[str, Any]:
    """The order of GOOD without its line labelled `drop`, and `label` with `value` apart to its right
    printed in that line's place."""
    base = order(GOOD, drop=drop)
    words = cells(y, (50, label), (150, value))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def test_a_delivery_label_worn_in_both_words_gives_the_delivery_date_doubtful() -> None:
    got = _read("Fecha de entrega:", 98, "Requasted dolivary", "01/12/2026")
    assert got["requested_delivery_date"] == "2026-12-01"
    assert doubted(got, "requested_delivery_date") and got["decision"] != "accept"
    # a label read right, though a word of it is not the vocabulary's ("Required delivery:"), stays sure
    got = _read("Fecha de entrega:", 98, "Required delivery:", "01/12/2026")
    assert got["requested_delivery_date"] == "2026-12-01"
    assert not doubted(got, "requested_delivery_date")
    # "Doc date": "doc" is two letters off "due" (of "due date"), too many for a word that short
    assert _read("Fecha de entrega:", 98, "Doc date", "01/12/2026")["requested_delivery_date"] is None
    # a worn label with a name after it, no date ("Requested by  Karen Mitchell")
    got = _read("Fecha de entrega:", 98, "Requasted dolivary", "Karen Mitchell")
    assert got["requested_delivery_date"] is None


def test_an_order_date_label_worn_in_both_words_gives_the_order_date_doubtful() -> None:
    got = _read("Fecha:", 84, "BRCHA DEDIDO", "23/11/2026")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"
