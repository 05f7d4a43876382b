"""A field's cell cut out of its page image as a page of its own, and the ways such a cut-out is read
(one line of a whitelist's characters, `--psm 7`): the number cells read again (`parsers.ocr.cells`),
header values confirmed from their own ink (`parsers.ocr.recheck`, `parsers.ocr.lookalike`), item
codes (`parsers.ocr.codes`), labels and bands.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial

import numpy as np
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.ocr import holes
from parsers.ocr.engine import OcrOptions
from parsers.ocr.geometry import UprightPages, upright_image
from parsers.ocr.images import PageImage

# digits and marks, and what else a number cell prints: left out, Tesseract reads a "$" or "€" before the
# number as one more digit ("$15.61" as 515.61: 9 of the 20 such cells on the tuning faxes), and a price
# basis's "/" ("3,50/100") not at all
WHITELIST = "0123456789.,-/$€£"
PAD_X = 0.6  # of the cell's height, left and right of its words, short of a neighbouring word
PAD_Y = 0.3  # of the cell's height, above and below
MARGIN = 0.5  # of the cell's height: white around the cut-out, where Tesseract finds a line best

# Reads page images (the cut-out cells) into words: the parser's engine with a cell's options
# (`cell_options`).
ReadCells = Callable[[Sequence[PageImage]], list[PageWords]]


def cell_options(page: OcrOptions, *, upscale: bool = True, whitelist: str = WHITELIST) -> OcrOptions:
    """How a cell is read: one line (`--psm 7`) of the whitelist's characters (any, when empty),
    upscaled to about 300 dpi as the fax header's strip is read again (or at the page's resolution);
    nothing turned, flattened or filled in.  A cell of a normal fax is smoothed first, as its page was
    (its rows are doubled)."""
    steps = ("heal", "upscale") if upscale else ("heal",)
    return replace(
        page,
        psm=7,
        whitelist=whitelist,
        preprocess=steps,
        preprocess_normal=(*steps[:1], "smooth", *steps[1:]),
        fill_holes=False,
        orient=False,
        deskew=False,
        flatten=False,
    )


def ways_to_read(
    read_pages: Callable[..., list[PageWords]], page: OcrOptions, *, whitelist: str = WHITELIST
) -> list[ReadCells]:
    """The ways a cell is read with an engine's `read_pages`, in the order
    `parsers.ocr.cells.reread_numbers` tries them: upscaled, then, where the line still does not add up,
    at the page's resolution."""
    return [
        partial(read_pages, options=cell_options(page, upscale=upscale, whitelist=whitelist))
        for upscale in (True, False)
    ]


@dataclass(frozen=True)
class Cell:
    """A field's place on a page: its path ("lines[2].unit_price", "order_number"), page and box."""

    path: str
    page: int
    box: tuple[float, float, float, float]


def cut_out(
    cells: Sequence[Cell],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    *,
    streaks: bool = True,
    alone: bool = False,
) -> list[PageImage]:
    """Each cell cut from its page turned the way its words were read, as a page of its own; without
    `streaks`, from the page with its streaks and column rules taken away (`holes.without_streaks`,
    measured on the whole page): cut into a number's cell, a streak through a figure is read as a
    figure of its own.  With `alone` (a header value read again: `parsers.ocr.recheck`,
    `parsers.ocr.lookalike`), the cut-out holds the value's own ink alone (`_alone`)."""
    upright = UprightPages(images, pages)
    seen: dict[int, Image.Image] = {}
    crops = []
    for n, cell in enumerate(cells):
        words = upright.words[cell.page]
        if cell.page not in seen:
            image = upright.images[cell.page]
            seen[cell.page] = (
                upright(cell.page) if streaks or alone else _streakless(image, words.rotation, words.words)
            )
        crop = (_alone if alone else _cut)(seen[cell.page], cell.box, words.words)
        # the page's stated resolution goes with the cut-out: a normal fax's cell is read as one
        crops.append(PageImage.from_image(n + 1, crop, words.dpi, upright.images[cell.page].source_dpi))
    return crops


@lru_cache(maxsize=2)
def _streakless(image: PageImage, rotation: float, words: tuple[Word, ...]) -> Image.Image:
    """The page turned as its `words` were read, its streaks and column rules taken away
    (`holes.without_streaks`); kept for the cells' next way of reading, which cuts them from it again.
    Shared: never drawn on."""
    return holes.without_streaks(upright_image(image, rotation), words)


def _cut(page: Image.Image, box: tuple[float, float, float, float], words: Sequence[Word]) -> Image.Image:
    """The cell's box, widened a little short of the words beside it on its line, on a white margin."""
    return _framed(page.crop(_area(page, box, words)), box)


def _area(
    page: Image.Image, box: tuple[float, float, float, float], words: Sequence[Word]
) -> tuple[int, int, int, int]:
    """The cell's box widened a little (`PAD_X`, `PAD_Y`), short of the words beside it on its line."""
    x0, y0, x1, y1 = box
    h = max(1.0, y1 - y0)
    beside = [w for w in words if w.y0 < y1 and w.y1 > y0 and (w.x1 <= x0 or w.x0 >= x1)]
    left = max([x0 - PAD_X * h, *(w.x1 + 1 for w in beside if w.x1 <= x0)])
    right = min([x1 + PAD_X * h, *(w.x0 - 1 for w in beside if w.x0 >= x1)])
    return (
        max(0, round(left)),
        max(0, round(y0 - PAD_Y * h)),
        min(page.width, round(right)),
        min(page.height, round(y1 + PAD_Y * h)),
    )


def _alone(page: Image.Image, box: tuple[float, float, float, float], words: Sequence[Word]) -> Image.Image:
    """The value's box cut as `_cut` does, holding the value's own ink alone: its band cut short of the
    words of the lines above and below it (never into the box), and outside the box the other words'
    boxes and every rule or streak across or down made white; within the box, streaks are taken away as
    from a number's cell (`holes.without_streaks`).  Widened by a third of its height above and below,
    a header value's cut-out takes in the tops or feet of a line set close to it, and a box's rule
    beside the value; read again with them, the value reads as other characters ("soos", "[26126")
    or, read alike, unsure, where the value's own ink reads with confidence.  Ink no word was read from
    and no rule makes stays: it may be the value's own, lost to the page's reading."""
    x0, y0, x1, y1 = box
    h = max(1.0, y1 - y0)
    left, top, right, bottom = _area(page, box, words)
    # the value's own words: those whose middle lies in its box (the words of a date)
    others = [
        w for w in words if not (x0 <= w.cx <= x1 and y0 <= w.cy <= y1) and w.x1 > left and w.x0 < right
    ]
    for w in others:
        if w.cy < y0:
            top = max(top, min(round(y0), math.ceil(w.y1) + 1))
        elif w.cy > y1:
            bottom = min(bottom, max(round(y1), math.floor(w.y0) - 1))
    # rules are looked for a rule's length around the cut-out: a rule's piece within it is too short to
    # tell from a letter's stroke
    reach = round(holes.RULE_LENGTH * h) + 1
    around = (
        max(0, left - reach),
        max(0, top - reach),
        min(page.width, right + reach),
        min(page.height, bottom + reach),
    )
    region = page.crop(around)
    inside = np.s_[top - around[1] : bottom - around[1], left - around[0] : right - around[0]]
    ink = np.asarray(region.convert("L"))[inside].copy()
    ruled = np.asarray(holes.rules(region, h))[inside] < holes.INK
    ink[ruled] = 255
    for w in others:
        ink[
            max(0, math.floor(w.y0) - top) : max(0, math.ceil(w.y1) - top + 1),
            max(0, math.floor(w.x0) - left) : max(0, math.ceil(w.x1) - left + 1),
        ] = 255
    # the box itself as the page has it, but for streaks through it: its ink is the value's
    own = np.s_[max(0, round(y0) - top) : round(y1) - top, max(0, round(x0) - left) : round(x1) - left]
    ink[own] = np.asarray(holes.without_streaks(region, words).convert("L"))[inside][own]
    clean = Image.fromarray(ink, mode="L")
    return _framed(
        clean.convert("1", dither=Image.Dither.NONE) if page.mode == "1" else clean.convert(page.mode), box
    )


def _framed(cut: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    """`cut` on a white margin of `MARGIN` heights of `box`."""
    h = max(1.0, box[3] - box[1])
    margin = round(MARGIN * h)
    white = 255 if cut.mode in ("1", "L") else (255, 255, 255)
    framed = Image.new(cut.mode, (cut.width + 2 * margin, cut.height + 2 * margin), white)
    framed.paste(cut, (margin, margin))
    return framed
