"""A long one-word total label with one character misread, the first too: a total, never an order row."""

from __future__ import annotations

from parsers.layout.geometry import Tok
from parsers.layout.text import one_substituted
from parsers.layout.vocab import CARRIED, TOTALS

LONG_LABEL = 8  # letters of a one-word total label long enough to know with one of them misread
_LONG_TOTALS = frozenset(
    p[0]
    for phrases in (*TOTALS.values(), CARRIED)
    for p in phrases
    if len(p) == 1 and len(p[0]) >= LONG_LABEL
)


def misread_total(toks: list[Tok]) -> bool:
    """Whether the line begins with a long one-word total label one character of which OCR misread,
    the first too ("7WISCHENSUMME" for "ZWISCHENSUMME"), which `labels.find` does not know."""
    first = next((t.key for t in toks if t.key), "")
    return any(one_substituted(first, word) for word in _LONG_TOTALS)
