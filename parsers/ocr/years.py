"""A header date whose year OCR misread by one figure, put right by the day the fax was sent.

At normal resolution a fax keeps every other scan line, and Tesseract reads the 6 of "2026" as a 0 or
the 2 as a 7 with confidence ("24th November 2020", "2076-11-24"): a date years away from the day
the order came, with nothing on the page to say so when it is the only date there.  The sending
machine's header line ("26/11/2026 10:15 FROM …") states the day the fax was sent, and an order is
dated on or before the day it is sent and asks for delivery after it.  So an order date (or a
delivery date) two or more years from that day whose year is one figure off the only year that puts
it in its place (the order date in the half year before the sending day, the delivery date in the
half year after it) is taken in that year, doubtful: a person confirms it.  So is a date only a year
off that cannot be in its year: a delivery asked for before the fax was sent, an order dated after
it.  Any other date stays as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from core.capture.domain.order import CapturedOrder
from parsers.layout.dates import find_date
from parsers.layout.evidence import DOUBTFUL

MIN_GAP = 2  # years between a date and the sending day before its year may be a misreading
HALF_YEAR = timedelta(days=183)
SLACK = timedelta(days=31)  # a machine's clock a little off, an order dated a few days ahead
# field: the span around the sending day its date falls in (before, after); shorter than a year, so
# that one year at most puts a day and month in it
SPANS = {
    "order_date": (HALF_YEAR, SLACK),
    "requested_delivery_date": (SLACK, HALF_YEAR),
}


def sent_on(headers: Sequence[str], received: date) -> date | None:
    """The day a fax was sent, as its pages' header lines print it ("26/11/2026 10:15 FROM …"), when
    every header line that prints a date prints the same one and it is within a month of the day the
    fax arrived (a machine whose clock was never set prints 01/01/2000); None otherwise."""
    days = {found.value for text in headers if (found := find_date(text, mend=False)) is not None}
    if len(days) != 1:
        return None
    (day,) = days
    return day if abs(day - received) <= SLACK else None


def mend_years(orders: Sequence[CapturedOrder], sent: date | None) -> list[CapturedOrder]:
    """`orders` with each header date whose year is one figure off its place by the sending day taken
    in that year, doubtful (module docstring)."""
    if sent is None:
        return list(orders)
    return [_mended(order, sent) for order in orders]


def _mended(order: CapturedOrder, sent: date) -> CapturedOrder:
    for path in SPANS:
        read = getattr(order, path)
        mended = placed(path, read, sent) if isinstance(read, date) else None
        if mended is None:
            continue
        if path == "order_date":
            order = replace(order, order_date=mended)
        else:
            order = replace(order, requested_delivery_date=mended)
        found = order.evidence_for(path)
        if found is not None and found.confidence > DOUBTFUL:
            order = order.with_confidence(path, DOUBTFUL)
    return order


def placed(path: str, read: date, sent: date) -> date | None:
    """The date the sending day puts the header date `read` (of the field `path`, one of `SPANS`) at when
    its year is one figure off its place (module docstring); None when it stands as read, or no one
    year one figure off puts it in its place."""
    if abs(read.year - sent.year) < MIN_GAP and not _impossible(path, read, sent):
        return None
    places = [d for d in _in_years(read, sent) if in_place(path, d, sent)]
    if len(places) != 1 or not _one_figure(read.year, places[0].year):
        return None
    return places[0]


def in_place(path: str, day: date, sent: date) -> bool:
    """Whether the header date `day` of the field `path` falls in its span around the sending day."""
    before, after = SPANS[path]
    return sent - before <= day <= sent + after


def _impossible(path: str, read: date, sent: date) -> bool:
    """Whether a date a year from the sending day cannot be what the order printed: a delivery asked
    for more than a month before the fax was sent, or an order dated more than a month after it (the
    "2025" of "01/12/2025" under an order of 24/11/2026 faxed on 26/11/2026). An order date a year
    before may be an old order faxed again, and stays as read."""
    if path == "requested_delivery_date":
        return read < sent - SLACK
    return read > sent + SLACK


def _in_years(read: date, sent: date) -> list[date]:
    out = []
    for year in (sent.year - 1, sent.year, sent.year + 1):
        try:
            out.append(read.replace(year=year))
        except ValueError:  # the 29th of February in a year without it
            continue
    return out


def _one_figure(a: int, b: int) -> bool:
    x, y = str(a), str(b)
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1
