"""A unit-of-measure column whose heading OCR garbled past knowing ("VOM" for "UOM" on a dot-matrix fax):
with no column of its own, its words ran into the code column beside it ("ca REM Al, 4", "ea STI-IRA-300")
and spoilt every code.  The column's own print says what it is: short words standing apart at the left
of the code cells, row after row, among them units of measure."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.layout.columns import Segment, Unheaded
from parsers.layout.geometry import Line, Tok
from parsers.layout.text import one_substituted, token_key
from parsers.layout.vocab import UNITS

UNIT_WORDS = frozenset(w for words in UNITS.values() for w in words)
SHORT = 3  # letters of a unit word as a column prints it ("ea", "pcs", "CJ")
LEAD_SHARE = 0.6  # share of the code column's rows that must begin with such a word standing apart
UNIT_SHARE = 0.5  # share of those words that must read as units (one letter off at most)
GAP = 0.5  # of a text height: the space between the unit and the code, wider than a letter's


def split_units(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """`segs` with the unit column cut off the left of a code column its heading names, where the table
    has no unit column and most rows of the code column begin with a short word standing apart from
    the code (`LEAD_SHARE`), at least half of them units of measure as read or one letter off ("ca"
    for "ea"), one at least exactly; the cut falls right of the last such word."""
    if any(h.kind == "unit" for _, _, h in segs):
        return segs
    for i, (x0, x1, h) in enumerate(segs):
        if h.kind != "code" or isinstance(h, Unheaded):
            continue
        leads, rows = _leads(x0, x1, lines)
        if rows < 2 or len(leads) < LEAD_SHARE * rows:
            continue
        keys = [token_key(t.text) for t in leads]
        alike = sum(1 for k in keys if k in UNIT_WORDS or any(one_substituted(k, w) for w in _SHORT_UNITS))
        if alike < UNIT_SHARE * len(leads) or not any(k in UNIT_WORDS for k in keys):
            continue
        cut = max(t.x1 for t in leads)
        return [*segs[:i], (x0, cut, Unheaded("unit", x0, cut)), (cut, x1, h), *segs[i + 1 :]]
    return segs


_SHORT_UNITS = frozenset(w for w in UNIT_WORDS if 2 <= len(w) <= SHORT)


def _leads(x0: float, x1: float, lines: Sequence[Line]) -> tuple[list[Tok], int]:
    """The short lettered words that begin the column's cells standing apart from the rest of the cell,
    and how many lines have two words or more in the column (its rows, descriptions run on aside)."""
    leads: list[Tok] = []
    rows = 0
    for line in lines:
        toks = sorted((t for t in line.toks if x0 <= t.cx <= x1), key=lambda t: t.x0)
        if len(toks) < 2:
            continue
        rows += 1
        first, after = toks[0], toks[1]
        if first.text.isalpha() and len(first.text) <= SHORT and after.x0 - first.x1 >= GAP * first.h:
            leads.append(first)
    return leads, rows
