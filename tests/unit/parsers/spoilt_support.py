"""A two-line fax order whose second line holds figures the fax spoilt, read by the layout reader: for the
tests of what the line's own figures and the order's total say those figures were."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.unit.parsers.ocr_support import order, read, row

FIRST = row("TUE-M8", "500", "0,05", "25,00", desc="Tuerca")
SPOILT = 0.4  # OCR's confidence in a cell the fax spoilt


def spoilt_order(second: tuple, total: str, *, unsure: tuple[str, ...] = ()) -> dict[str, Any]:
    """The order with `second` under a line read as printed, the words `unsure` read at `SPOILT`."""
    page = order([FIRST, second], total=total)
    words = tuple(replace(w, confidence=SPOILT) if w.text in unsure else w for w in page.words)
    return read(replace(page, words=words))
