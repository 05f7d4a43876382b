"""A table carried over to the next page under a heading OCR garbled there: the columns that page's
heading left unnamed take the kinds the same columns had under the page before's heading."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.layout.code_columns import loose
from parsers.layout.columns import Segment, Unheaded

CARRIED_KINDS = ("code", "price", "amount")  # what a column no heading names on the page may take over
MIN_SHARED = 2  # columns of other kinds the two pages' tables must share, where they stand, to be one table
OVERLAP = 0.5  # share of the narrower of two columns they must share across to stand in one place


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) >= OVERLAP * min(a[1] - a[0], b[1] - b[0])


def _positions_as_before(segs: list[Segment], before: Sequence[Segment]) -> list[Segment]:
    """A column this page types as the codes under a heading that may as well number the rows ("Item",
    "Art."), standing where the page before's table had its positions under it: the same heading over
    the same column of the same table, which the page before's cells showed to count the rows up.  Its
    cells here did not show it (a fax spoilt one: "4010" between 009 and 011), but a column does not
    change what it holds overleaf.  The lines' codes then come from where the page before found them."""
    if any(h.kind == "pos" for _, _, h in segs):
        return segs
    places = [(a, b) for a, b, h in before if h.kind == "pos"]
    coded = [i for i, (_, _, h) in enumerate(segs) if h.kind == "code"]
    if len(places) != 1:
        return segs
    under = [i for i in coded if loose(segs[i][2]) and _overlap(segs[i][:2], places[0])]
    if len(under) != 1:
        return segs
    out = list(segs)
    x0, x1, _ = out[under[0]]
    out[under[0]] = (x0, x1, Unheaded("pos", x0, x1))
    return out


def as_before(segs: Sequence[Segment], before: Sequence[Segment]) -> list[Segment]:
    """`segs` (the table's columns on a page that continues the table of the page before) with each
    code, price or amount column this page names nowhere taken from the one unnamed column ("other")
    standing where the page before had it, when that page's table is this one: at least `MIN_SHARED`
    columns of the same kinds standing in the same places on both ("Pos." and "Bestellmenge" read,
    "Materialnummer" or "Preis" garbled).  A lone column of figures that stands where the price stood
    one page up is that price, whatever OCR made of its heading; its values stay as read."""
    kinds = {h.kind for _, _, h in segs}
    shared = sum(
        1
        for x0, x1, h in segs
        if h.kind not in ("other", *CARRIED_KINDS)
        and any(k.kind == h.kind and _overlap((x0, x1), (a, b)) for a, b, k in before)
    )
    if shared < MIN_SHARED:
        return list(segs)
    out = _positions_as_before(list(segs), before)
    for kind in CARRIED_KINDS:
        places = [(a, b) for a, b, h in before if h.kind == kind]
        if kind in kinds or len(places) != 1:
            continue
        under = [
            i for i, (x0, x1, h) in enumerate(out) if h.kind == "other" and _overlap((x0, x1), places[0])
        ]
        if len(under) == 1:
            x0, x1, _ = out[under[0]]
            out[under[0]] = (x0, x1, Unheaded(kind, x0, x1))
    return out
