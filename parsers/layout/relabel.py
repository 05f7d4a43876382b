"""Header labels OCR garbled past knowing, which a second reading of their ink may give back: a short
phrase that is no label, beside or above a word shaped like a header field the order lacks ("N¢ pedido
OC/26/21862" for "Nº pedido", "Pedidon®: 26-31203", "POR" over "PO94738" for "PO #").

The layout finds such spots; the OCR parser cuts each phrase from the page and reads it alone
(`parsers.ocr.labels`).  Only when that reading is a label of a field the value beside it could be, and
the page then reads with that field filled and nothing else changed, is the field taken, and doubtful:
its label was read only the second time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.layout import labels
from parsers.layout.geometry import Line, Page, Tok, box_around
from parsers.layout.header import Candidate
from parsers.layout.header_values import value_of
from parsers.layout.text import has_alpha
from parsers.layout.value_words import MAX_VALUE_GAP
from parsers.layout.vocab import CARRIED, HEADER_LABELS, TOTALS

# the layout's names of the fields a garbled label may hide, and the order's paths of them
FIELDS = {"po_number": "po_number", "order_date": "order_date", "delivery_date": "requested_delivery_date"}
MAX_LABEL_WORDS = 3  # words of a phrase that may be a label
MIN_LETTERS = 2  # letters a label garbled still shows
BELOW_GAP = 2.2  # line heights between a row of labels and the values under them
MAX_SPOTS = 6  # phrases read again on one document, at most
_AMOUNT = re.compile(r"^[\d.,' ]*[.,]\d{2}$")  # "18.00", "1.234,50": a sum of money, no order number
_TOTAL_WORDS = (*(p for phrases in TOTALS.values() for p in phrases), *CARRIED)


@dataclass(frozen=True)
class LabelSpot:
    """A phrase that may be a garbled label: its page, the box of its words as read (in the page's
    pixels), and the fields (layout names) the value beside it could be."""

    page: int
    box: tuple[float, float, float, float]
    kinds: tuple[str, ...]


def spots(
    pages: Sequence[Page],
    seen: Sequence[Sequence[Candidate]],
    skip: set[int],
    missing: set[str],
    month_first: bool,
) -> tuple[LabelSpot, ...]:
    """The phrases on scanned `pages` outside the tables (`skip`, line ids) that no sighting in `seen`
    used, each beside (right of it on its line, or under it) an unused word that reads as one of the
    `missing` fields; the nearest the top first."""
    if not missing:
        return ()
    claimed = {id(t) for found in seen for c in found for t in (*c.toks, *c.label)}
    out: list[LabelSpot] = []
    for page in pages:
        if page.source == "text":
            continue
        for index, line in enumerate(page.lines):
            if line.kind != "text" or id(line) in skip:
                continue
            for label, value in _pairs(page, index):
                if not _may_be_label(label.toks, claimed) or any(id(t) in claimed for t in value.toks):
                    continue
                kinds = tuple(k for k in FIELDS if k in missing and _fits(k, value.toks, month_first))
                if kinds:
                    out.append(LabelSpot(page.number, box_around([t.word for t in label.toks]), kinds))
    return tuple(out[:MAX_SPOTS])


def _fits(kind: str, toks: list[Tok], month_first: bool) -> bool:
    """Whether the words read as the field `kind`; a sum of money is no order number."""
    if kind == "po_number" and _AMOUNT.match(toks[0].text.strip()):
        return False
    return value_of(kind, toks, month_first) is not None


def _pairs(page: Page, index: int) -> list[tuple[Line, Line]]:
    """Each phrase of the line with the phrase after it on the line (close enough to be its value),
    and with the phrase of the next line it stands over most (a row of boxes, labels over values)."""
    line = page.lines[index]
    phrases = line.phrases()
    out = [(a, b) for a, b in itertools.pairwise(phrases) if b.x0 - a.x1 <= MAX_VALUE_GAP * page.width]
    below = page.lines[index + 1] if index + 1 < len(page.lines) else None
    if below is None or below.kind != "text" or below.y0 - line.y1 > BELOW_GAP * line.height:
        return out
    under = below.phrases()
    for phrase in phrases:
        overlaps = [(min(phrase.x1, p.x1) - max(phrase.x0, p.x0), p) for p in under]
        best = max(overlaps, key=lambda o: o[0], default=None)
        if best is not None and best[0] > 0:
            out.append((phrase, best[1]))
    return out


def _may_be_label(toks: Sequence[Tok], claimed: set[int]) -> bool:
    """A phrase of a few words that no sighting used, with letters, no total's words, and no value
    itself."""
    return (
        0 < len(toks) <= MAX_LABEL_WORDS
        and not any(id(t) in claimed for t in toks)
        and sum(c.isalpha() for t in toks for c in t.text) >= MIN_LETTERS
        and not labels.contains(toks, _TOTAL_WORDS)
        and not any(value_of(k, list(toks), False) for k in FIELDS)
    )


def says_label(page: Page, kinds: Sequence[str]) -> bool:
    """Whether a phrase read again (`page`, its words alone) is a label of one of `kinds`: its first
    line starts with one, and has letters."""
    lines = [line for line in page.lines if any(has_alpha(t.text) for t in line.toks)]
    if len(lines) != 1:
        return False
    hit = labels.starts_with(lines[0].toks, HEADER_LABELS)
    return hit is not None and hit.kind in kinds
