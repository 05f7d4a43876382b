"""An order number held for a character that looks like both a letter and a figure where its letters and
figures meet (`ProblemCode.LETTER_OR_FIGURE`, `parsers.layout.order_checks.two_faced_held`), settled by
the readings again of its own ink as before the hold existed.

The layout reader used to leave such a number doubtful (0.6), and the header re-reads
(`parsers.ocr.recheck.confirm`) made it as sure as its label where both readings of its cut-out said it
alike, each with confidence.  The number now keeps its reading's confidence and carries the hold, which
the customer's own earlier numbers may lift; so that no number those re-reads vouched for waits now, each
held number the layout offered to them is read again so, as doubtful as it used to be: where they vouch
for it, it is as sure as they make it and the hold is gone, as before.  Where they do not, it keeps the
hold and its reading, for the look-alike readings (`parsers.ocr.lookalike`) and the customer's history
to judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedOrder, ProblemCode
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.recheck import Recheck
from parsers.ocr.cutouts import ReadCells
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import UNSURE, confirm


def settle_by_rereads(
    orders: Sequence[CapturedOrder],
    rechecks: Sequence[Recheck],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    reads: Sequence[ReadCells],
    spare: ReadCells | None = None,
) -> list[CapturedOrder]:
    """`orders` with each held order number the header re-reads vouch for, read as doubtful as it used
    to be, made as sure as they make it and its hold taken off (module docstring)."""
    held = [
        n
        for n, order in enumerate(orders)
        if any(p.code is ProblemCode.LETTER_OR_FIGURE for p in order.problems)
        and any(c.order == n and c.path == "po_number" for c in rechecks)
    ]
    if not held:
        return list(orders)
    doubted = [o.with_confidence("po_number", DOUBTFUL) if n in held else o for n, o in enumerate(orders)]
    numbers = [c for c in rechecks if c.path == "po_number" and c.order in held]
    again = confirm(doubted, numbers, images, pages, reads, spare)
    out = list(orders)
    for n in held:
        found = again[n].evidence_for("po_number")
        if found is not None and found.confidence >= UNSURE:
            problems = tuple(p for p in out[n].problems if p.code is not ProblemCode.LETTER_OR_FIGURE)
            out[n] = replace(out[n].with_confidence("po_number", found.confidence), problems=problems)
    return out
