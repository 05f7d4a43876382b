"""An order date under a generic label ("Date", "Fecha": one word, no colon) that nothing else on the
document could be: on a purchase order such a heading dates the order, unless other dates stand about
it that it might as well name.

Such a label is only likely (`evidence.LIKELY`), whatever the date's reading: "Date" may head a due
date's column, or stand over the one date of a row of several.  It is unambiguous when it is the only
order-date sighting, no delivery label was seen without its value, and every other date printed on the
document is the value of a delivery label or a line's own delivery date, or the same date again.  Its
label is then no doubt; its figures still are until their ink, read again, says them
(`parsers.layout.recheck`, `parsers.ocr.recheck.confirm`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from parsers.layout.dates import find_date
from parsers.layout.evidence import LIKELY, SURE
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.header import Candidate


def unambiguous(
    pick: Candidate,
    found: Sequence[Candidate],
    pages: Sequence[Page],
    claimed: Iterable[Tok],
    *,
    month_first: bool = False,
) -> bool:
    """Whether the order date `pick`, found by a generic label, is the only date its label may name
    (module docstring); `claimed`: the words of the lines' own delivery dates."""
    if pick.name != "order_date" or not pick.generic or pick.prose or not isinstance(pick.value, date):
        return False
    if any(c.name == "order_date" and c.value != pick.value for c in found):
        return False  # another order date, or one seen and not read
    delivery = [c for c in found if c.name == "delivery_date"]
    if any(c.value is None for c in delivery):
        return False  # a delivery label whose date was not read: it may be this one
    own = {id(t) for t in pick.toks}
    if any(own & {id(t) for t in c.toks} for c in delivery):
        return False  # a delivery label names these very figures
    others = {id(t) for c in delivery for t in c.toks} | {id(t) for t in claimed}
    for value, toks in _dates(pages, month_first):
        if value != pick.value and not all(id(t) in others for t in toks):
            return False  # a date no label accounts for: the generic one may name it
    return True


def sure(pick: Candidate) -> Candidate:
    """`pick` with its label no doubt: as sure as its date reads."""
    return replace(pick, certainty=min(SURE, round(pick.certainty / LIKELY, 3)))


def _dates(pages: Sequence[Page], month_first: bool) -> Iterator[tuple[date, list[Tok]]]:
    """Every date printed on `pages` but on a fax machine's header line, with the words it stands in."""
    for page in pages:
        for line in page.lines:
            if line.kind == "fax":
                continue  # the day the fax was sent, not a date of the order
            for phrase in line.phrases():
                yield from _in(phrase, month_first)


def _in(phrase: Line, month_first: bool) -> Iterator[tuple[date, list[Tok]]]:
    spans, at = [], 0
    for tok in phrase.toks:
        spans.append((at, at + len(tok.text)))
        at += len(tok.text) + 1
    text = " ".join(t.text for t in phrase.toks)
    start = 0
    while start < len(text):
        found = find_date(text[start:], month_first=month_first)
        if found is None:
            return
        a, b = start + found.start, start + found.end
        yield found.value, [phrase.toks[i] for i, (x, y) in enumerate(spans) if x < b and y > a]
        start = max(b, a + 1)
