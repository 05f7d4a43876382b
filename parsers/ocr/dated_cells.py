"""A line's own delivery date read unsure, read again from its cell alone, narrowly: where the date
printed under or beside a line ("2626-12-16" for 2026-12-16, read at 0.53 beside a "*" mark) is the one
doubt that keeps the order's delivery date, taken from its lines, from flowing.

The cell is cut from the page holding the date's own ink alone (`parsers.ocr.cutouts.cut_out`) and read
twice (upscaled, then at the page's resolution; one line, `--psm 7`) with only the characters a date of
figures prints (`DATE_WHITELIST`).  The reading is no proof by itself: two readings of one ink alike say
nothing a fax spoilt in it.  What vouches for the date is the order itself: another of its lines prints
that very date and was read sure.  So a line's date is made as sure as its readings again only when

- the line's date, as the order carries it, is a date another line of the order carries read sure;
- the page read it in figures and marks alone (a date in words is not read narrowly);
- each reading again says one date exactly as printed (nothing mended), the same whichever of day and
  month comes first, and it is the line's date, with confidence (`ALIKE`).

A line's date the page read out of its place ("2626-12-16": before the order's date, or further after
it than a delivery is asked for, `dates.MAX_LEAD_DAYS`) was misread for certain, and no date of the order
(`parsers.layout.order_header.delivery_of` passes it over); read again so, it is the date the readings
say, when that is a date another line prints read sure.  A date in its place that the readings say
otherwise is two readings disagreeing, and stays as read, in doubt.

A date one figure off the others ("2026-12-18" read "2026-12-16") would have to be read so by the page and
both narrow readings, each with confidence, and still be a date another line prints: the readings again
of the cell alone, with no neighbour to guess from, are what the page's crowded reading was not.  Any
other outcome leaves the date as read, in doubt, for a person to see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedOrder, Evidence
from parsers.layout.dates import find_date, within_lead
from parsers.ocr.cutouts import Cell, ReadCells, cut_out, ways_to_read
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import EDGES, UNSURE

DATE_WHITELIST = "0123456789-./"  # the figures and separators of a date printed in figures
ALIKE = 0.8  # confidence each narrow reading must have (validation's floor)


def date_ways(read_pages: Callable[..., list[PageWords]], page: OcrOptions) -> list[ReadCells]:
    """The ways a line's date cell is read again: upscaled, then at the page's resolution, one line of a
    date's figures and separators."""
    return ways_to_read(read_pages, page, whitelist=DATE_WHITELIST)


def reread_line_dates(
    orders: Sequence[CapturedOrder],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    reads: Sequence[ReadCells],
) -> list[CapturedOrder]:
    """`orders` with each line date read unsure that the narrow readings of its cell say alike, and
    another line of its order prints read sure, made as sure as those readings (module docstring)."""
    wanted: list[tuple[int, str, date, Evidence, frozenset[date]]] = []
    for n, order in enumerate(orders):
        read = [
            (f"lines[{i}].requested_delivery_date", line.requested_delivery_date)
            for i, line in enumerate(order.lines)
        ]
        found = [(path, day, order.evidence_for(path)) for path, day in read]
        sure = {day for _, day, e in found if day is not None and e is not None and e.confidence >= UNSURE}
        for path, day, e in found:
            if day is None or e is None or e.confidence >= UNSURE:
                continue
            if day not in sure and not _out_of_place(day, order.order_date):
                continue
            where = e.provenance
            raw = (where.raw or "").strip()
            if where.page is None or where.box is None or not raw or any(c.isalpha() for c in raw):
                continue
            wanted.append((n, path, day, e, frozenset(sure)))
    if not wanted:
        return list(orders)
    cells = [
        Cell(path, e.provenance.page or 0, e.provenance.box or (0, 0, 0, 0)) for _, path, _, e, _ in wanted
    ]
    crops = cut_out(cells, images, pages, alone=True)
    said: list[list[tuple[date, float] | None]] = [[] for _ in wanted]
    for way in reads:
        for k, words in enumerate(way(crops)):
            said[k].append(_says(words))
    out = list(orders)
    for k, (n, path, day, e, printed) in enumerate(wanted):
        readings = said[k]
        days = {r[0] for r in readings if r is not None}
        if not readings or None in readings or len(days) != 1:
            continue
        (again,) = days
        confidence = round(min(r[1] for r in readings if r is not None), 3)
        if confidence < ALIKE or again not in printed or confidence <= e.confidence:
            continue
        if again != day and not _out_of_place(day, out[n].order_date):
            continue  # two readings of a date in its place that disagree: in doubt
        if again != day:
            # the page's reading out of its place, the readings again a date another line prints
            out[n] = _redated(out[n], int(path[len("lines[") : path.index("]")]), again)
        out[n] = out[n].with_confidence(path, confidence)
    return out


def _out_of_place(day: date, ordered: date | None) -> bool:
    """Whether a line's date `day` falls before the order's date `ordered` or further after it than a
    delivery is asked for: misread for certain."""
    return ordered is not None and not within_lead(day, ordered)


def _redated(order: CapturedOrder, index: int, day: date) -> CapturedOrder:
    lines = list(order.lines)
    lines[index] = replace(lines[index], requested_delivery_date=day)
    return replace(order, lines=tuple(lines))


def _says(words: PageWords) -> tuple[date, float] | None:
    """The date the reading says and its confidence, if it says, in one word, one date as printed,
    the same whichever of day and month it puts first; else None."""
    inked = [w for w in words.words if w.text.strip(EDGES)]
    if len(inked) != 1:
        return None
    text = inked[0].text.strip(EDGES)
    values = {
        found.value
        for month_first in (False, True)
        if (found := find_date(text, month_first=month_first, mend=False)) is not None
        and (found.start, found.end) == (0, len(text))
    }
    if len(values) != 1:
        return None
    (day,) = values
    return day, inked[0].confidence
