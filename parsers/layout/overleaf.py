"""A table carried over to the next page under a heading OCR garbled there: the columns that page's
heading left unnamed take the kinds the same columns had under the page before's heading."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.layout.columns import Segment, Unheaded

CARRIED_KINDS = ("code", "price", "amount")  # what a column no heading names on the page may take over
MIN_SHARED = 2  # columns of other kinds the two pages' tables must share, where they stand, to be one table
OVERLAP = 0.5  # share of the narrower of two columns they must share across to stand in one place


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) >= OVERLAP * min(a[1] - a[0], b[1] - b[0])


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
    out = list(segs)
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
