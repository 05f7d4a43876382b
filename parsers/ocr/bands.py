"""Table rows of a normal-resolution fax read again by their band: at 98 rows an inch OCR reads a row
of a busy table with its figures spoilt past reading ("¿.5UU" for 2.500, "64,bo", "als un" for 5 un)
or parts it among its neighbours, and the layout reader then loses the row or reads it without its
quantity, price or amount.  Read alone, upscaled, as one line (`--psm 7`), the same ink often reads
whole.

A row is read again when it stands in a table (between the order's rows, a row's pitch and a half
beyond the first and last, or further on up to the table's heading or total over lines that follow one
another a row apart: `_reach`), holds words in two of the columns where the rows that add up print
their quantity, price and amount, and is not one of those rows.  The band is cut from the page along
the row's slope (the page as faxed is a little askew: a straight cut across 1,700 pixels would take half
the next row), read in one Tesseract call for all the document's bands, and its words take the place
of the row's.  The layout reader then reads the document again, band by band: a band is kept only when
more lines add up (quantity × price = amount) or the lines then add up to the printed total, every line that
added up before still does, and the order's header and totals read as before.

Whatever a band brings is doubtful unless its own arithmetic and the order's total vouch for it: a line
read from a band that does not add up, or whose order's lines do not add up to the printed total,
has every field held below validation's floor, so it goes to a person.

Here: which rows are read again.  The band, its cut and its words put back: `band_cuts`; whether a
band's reading is kept, and how doubtful: `band_checks`.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

import numpy as np

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder
from parsers.layout import labels
from parsers.layout.extract import Extraction
from parsers.layout.geometry import Line, read_page
from parsers.layout.text import has_digit
from parsers.layout.vocab import CARRIED, TOTALS
from parsers.ocr.band_checks import adds_up, held_doubtful, reads_better
from parsers.ocr.band_cuts import HALF, Band, cut_bands, figures_in, placed_back
from parsers.ocr.cutouts import ReadCells, cell_options
from parsers.ocr.engine import OcrOptions, normal_fax
from parsers.ocr.images import PageImage

NUMBERS = ("quantity", "unit_price", "amount")
SLACK = 0.5  # of the row's ink height: a word this near a column's edge stands in it
BEYOND = 1.5  # row pitches above the first row and below the last that a lost row may stand at
MAX_BANDS = 6  # bands read again a page at most: each is one more (small) Tesseract read

Extractor = Callable[[Sequence[PageWords]], Extraction]


def way_to_read(read_pages: Callable[..., list[PageWords]], page: OcrOptions) -> ReadCells:
    """How a band is read with an engine's `read_pages`: one line, upscaled, any character."""
    return partial(read_pages, options=cell_options(page, whitelist=""))


def reread_rows(
    extraction: Extraction,
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    read: ReadCells,
    extract: Extractor,
) -> tuple[Extraction, list[PageWords]]:
    """The extraction and pages with the bands of rows lost or read without their figures read again
    where that makes more lines add up (module docstring)."""
    normal = {i.number for i in images if normal_fax(i)}
    # bands are looked for page by page: a fine page's are never read, so its lines are not read for them
    # (the layout reader again, about 0.013x of bare Tesseract a fine page on the fax bench)
    wanted = find_bands(extraction.orders, [p for p in pages if p.number in normal]) if normal else []
    if not wanted:
        return extraction, list(pages)
    said = read(cut_bands(wanted, images, pages))
    current, words = extraction, list(pages)
    kept: list[Band] = []
    for band, again in zip(wanted, said, strict=True):
        trial = [placed_back(p, band, again) if p.number == band.page else p for p in words]
        if figures_in(trial, band) == figures_in(words, band):
            continue  # read again as the page read it: the layout would find the same lines
        tried = extract(trial)
        if reads_better(current.orders, tried.orders):
            current, words = tried, trial
            kept.append(band)
    if not kept:
        return extraction, list(pages)
    return replace(current, orders=tuple(held_doubtful(o, kept) for o in current.orders)), words


def find_bands(orders: Sequence[CapturedOrder], pages: Sequence[PageWords]) -> list[Band]:
    """The bands of the rows worth reading again (module docstring), at most `MAX_BANDS` a page within
    `BEYOND` row pitches of the rows that add up and as many further off (`_reach`)."""
    out: list[Band] = []
    for words in pages:
        boxes = [b for o in orders for b in _agreeing_boxes(o, words.number)]
        if len(boxes) < 2:
            continue  # no two rows that add up: where the table's columns are is not known
        columns = _columns(boxes)
        centres = sorted({round(statistics.median(b[1] + b[3] for b in row) / 2, 1) for row in boxes})
        pitch = statistics.median(np.diff(centres)) if len(centres) > 1 else 0.0
        taken = [box for row in boxes for box in row]
        read = _read_boxes(orders, words.number)
        # one straightening of the page's words gives both its lines and their slope
        page = read_page(words)
        top, bottom = _reach(page.lines, centres, pitch, columns)
        found = []
        for line in page.lines:
            # a row OCR spoilt may pass for a page footer ("p2" read for "pz" is a page number): between
            # the rows, it is a row
            ink = [t.word for t in line.toks]
            if line.kind == "fax" or not ink:
                continue
            middle = statistics.median(w.cy for w in ink)
            if not top <= middle <= bottom or any(_overlaps(w.box, box) for w in ink for box in taken):
                continue
            if _row_shaped(ink, columns) and not _totals(line):
                lost = not any(_overlaps(w.box, box) for w in ink for box in read)
                band = replace(_band(words.number, ink, page.slope), columns=tuple(_widened(ink, columns)))
                found.append((not lost, middle, band))
        # at most MAX_BANDS near the rows that add up, as before the reach went further, and as many
        # further off; rows no line was read from first: a row lost puts every later line one off
        near = [f for f in found if centres[0] - BEYOND * pitch <= f[1] <= centres[-1] + BEYOND * pitch]
        far = [f for f in found if f not in near]
        chosen = sorted(near, key=lambda f: f[:2])[:MAX_BANDS] + sorted(far, key=lambda f: f[:2])[:MAX_BANDS]
        out += [band for _, _, band in sorted(chosen, key=lambda f: f[:2])]
    return out


def _reach(
    lines: Sequence[Line], centres: Sequence[float], pitch: float, columns: list[tuple[float, float]]
) -> tuple[float, float]:
    """How far above the first row that adds up and below the last a row lost may stand: `BEYOND`
    pitches, and on over the lines of the page that follow one another no more than that apart (rows,
    and a description's further lines beside no figures), up to the first line that prints in the
    number columns and is no row (a heading above, a total below) or stands further off.  A table whose
    first rows all read wrong has its rows that add up further down: its lost rows are still the
    table's, between its heading and the first row read."""
    step = BEYOND * pitch
    middles = sorted(
        (
            (statistics.median(t.word.cy for t in line.toks), line)
            for line in lines
            if line.kind != "fax" and line.toks
        ),
        key=lambda m: m[0],
    )
    top, bottom = centres[0], centres[-1]
    for middle, line in reversed([m for m in middles if m[0] < centres[0]]):
        if top - middle > step or _ends_rows(line, columns):
            break
        top = middle
    for middle, line in (m for m in middles if m[0] > centres[-1]):
        if middle - bottom > step or _ends_rows(line, columns):
            break
        bottom = middle
    return min(top, centres[0] - step), max(bottom, centres[-1] + step)


def _ends_rows(line: Line, columns: list[tuple[float, float]]) -> bool:
    """Whether `line` closes a table's rows: it prints a word in a number column but is no row's shape
    (a heading), or it is a total.  A speck read as a letter or a mark ("y", "|") is no word."""
    ink = [t.word for t in line.toks]
    printed = any(
        w.x1 > x0 and w.x0 < x1 and sum(c.isalnum() for c in w.text) >= 2
        for w in ink
        for x0, x1 in _widened(ink, columns)
    )
    return (printed and not _row_shaped(ink, columns)) or _totals(line)


def _read_boxes(orders: Sequence[CapturedOrder], page: int) -> list[tuple[float, float, float, float]]:
    """The boxes of the code and numbers of every order line read on `page` (a description may run
    over a lost row's words)."""
    return [
        e.provenance.box
        for o in orders
        for e in o.evidence
        if e.field.startswith("lines[")
        and e.field.endswith((*NUMBERS, "item_code"))
        and e.provenance.page == page
        and e.provenance.box is not None
    ]


def _agreeing_boxes(order: CapturedOrder, page: int) -> list[list[tuple[float, float, float, float]]]:
    """The boxes of the quantity, price and amount of each line of `order` on `page` that adds up."""
    out = []
    for i, line in enumerate(order.lines):
        if not adds_up(line):
            continue
        found = [order.evidence_for(f"lines[{i}].{name}") for name in NUMBERS]
        where = [e.provenance for e in found if e is not None]
        boxes = [w.box for w in where if w.page == page and w.box is not None]
        if len(boxes) == len(NUMBERS):
            out.append(boxes)
    return out


def _columns(rows: list[list[tuple[float, float, float, float]]]) -> list[tuple[float, float]]:
    """Where each of quantity, price and amount stands across the page, by the rows that add up."""
    return [(min(r[k][0] for r in rows), max(r[k][2] for r in rows)) for k in range(len(NUMBERS))]


def _row_shaped(ink: list[Word], columns: list[tuple[float, float]]) -> bool:
    """Whether a line holds ink in two of the number columns, a figure among it: a row's shape."""
    inside = [[w for w in ink if w.x1 > x0 and w.x0 < x1] for x0, x1 in _widened(ink, columns)]
    return sum(bool(c) for c in inside) >= 2 and any(has_digit(w.text) for c in inside for w in c)


def _widened(ink: list[Word], columns: list[tuple[float, float]]) -> list[tuple[float, float]]:
    height = statistics.median(w.y1 - w.y0 for w in ink)
    return [(x0 - SLACK * height, x1 + SLACK * height) for x0, x1 in columns]


def _totals(line: Line) -> bool:
    """Whether the line is a total or a carried-forward sum, not a row."""
    return bool(labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}))


def _band(page: int, ink: list[Word], slope: float) -> Band:
    centre = statistics.median(w.cy - slope * w.cx for w in ink)
    height = statistics.median(w.y1 - w.y0 for w in ink)
    return Band(page, centre, slope, HALF * height)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
