"""A scanned order's delivery date printed with a two-figure year ("07-DEC-26"), its century settled
by where it falls after the order's own date, as a line's own date already is (`line_dating`)."""

from __future__ import annotations

from datetime import date

from parsers.layout.dates import SHORT_YEAR, find_date, within_lead
from parsers.layout.evidence import SURE
from parsers.layout.header import Candidate


def delivery_certainty(pick: Candidate, ordered: date | None) -> float:
    """How sure the layout is of the delivery date `pick` found after its label on a scan, once the
    order's date `ordered` is weighed: `pick.certainty`, less nothing for a two-figure year when the
    date falls on or after `ordered` and within the longest lead time an order asks for.

    The two-figure year costs a date its certainty (`dates.SHORT_YEAR`) for its century alone: "26" is
    read as 2026 whatever the page meant.  A century off is never within a year after the order's date,
    so a delivery date that falls there has its century settled, as a line's own date in its place has
    (`line_dating.line_date_certainty`) and as a date read again is (`recheck.recheck_certainty`).
    Nothing else is settled: every figure of it is still weighed by how sure OCR read it, and, read
    sure, looked at again twice from its own ink (`parsers.ocr.lookalike`) before the order flows.  A
    date stated in a sentence (`pick.prose`) is judged against the document elsewhere
    (`order_header.prose_delivery`) and left as it is; so is one read by mending a misread figure, and
    one whose day and month may be read the other way round (05.12.26: the 5th of December or the 12th
    of May), however the document's other dates settle that."""
    if pick.prose or not isinstance(pick.value, date) or ordered is None:
        return pick.certainty
    if not within_lead(pick.value, ordered):
        return pick.certainty
    text = " ".join(t.text for t in pick.toks)
    read = [
        found
        for month_first in (False, True)
        if (found := find_date(text, month_first=month_first, mend=False))
    ]
    # a day and month that may be read the other way round ("05.12.26") keep every doubt: the century is
    # settled only for a date that reads one way
    if not read or any(found.value != pick.value or not found.short_year for found in read):
        return pick.certainty
    return round(min(pick.certainty / SHORT_YEAR, SURE), 3)
