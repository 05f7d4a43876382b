"""A dot leader's end OCR garbled into letters between a label and its value.

The business rule: a value found past a word the label ends in that OCR garbled ("PO fo...  010762" for
"PO NO.") is doubtful: the garbled word may be the label's own, and the label is then not sure.  A
label's word follows it a word space away.  A garbled phrase that stands nearer the value than the
label ("FECHA ...........et 26/11/2026": the leader's colon read as "et", a dot-matrix fine fax
dotmatrix-109504) is what is left of the leader, no word of the label's: the value is the label's as
far as any value under a one-word label is (likely), and a date read sure flows.  The garbled word
beside the label keeps its value doubtful, as before.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _dated(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order (delivery 30/11/2026) whose "Fecha:" line is left out and `placed` printed instead."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_garbled_leader_end_next_to_the_value_leaves_the_date_the_labels() -> None:
    got = _dated((50, "FECHA"), (150, "et"), (170, "23/11/2026"))
    assert got["order_date"] == "2026-11-23"
    assert not doubted(got, "order_date")


def test_a_garbled_word_next_to_the_label_keeps_the_date_doubtful() -> None:
    got = _dated((50, "FECHA"), (85, "et"), (170, "23/11/2026"))
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"
