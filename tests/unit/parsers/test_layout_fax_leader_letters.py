"""A line printer's dot leader between a label and its value, read by OCR as letters it was all but
unsure of ("BESTELL-NR. ......: 26/17684" read "BESTELL-NR.  «sisi  26/17684").

The business rule: dots are no value. A word of letters alone that OCR read with next to no
confidence, standing between a label and the value printed after it, is what OCR made of the dots,
and the value is the words after it. A word of letters read with confidence is a word: it stays the
label's value (an order number of letters alone is none, so no number is taken).
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, order, read, row, word

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(leader_conf: float) -> dict[str, Any]:
    """Order 26/97126 of 23.11.2026 whose number's leader OCR read as the letters "«sisi" at
    `leader_conf`."""
    base = order(GOOD, header=False)
    header: list[Word] = [
        word("BESTELL-NR.", 50, 70),
        word("«sisi", 120, 71, conf=leader_conf, h=5.0),
        word("26/97126", 160, 70),
        *cells(84, (50, "DATUM:"), (160, "23.11.2026")),
        *cells(112, (50, "Nº cliente: C-1001")),
    ]
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(header), "ocr"))


def test_letters_read_with_next_to_no_confidence_between_a_label_and_its_value_are_its_leader() -> None:
    assert _read(0.0)["po_number"] == "26/97126"


def test_letters_read_with_confidence_after_a_label_are_its_value_and_no_number() -> None:
    assert _read(0.9)["po_number"] is None
