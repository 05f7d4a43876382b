"""A row's band on a fax page (`parsers.ocr.bands`): where it runs, the band cut from the page along its
slope to be read again, and what it read put back in the page's words where it stands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.ocr.geometry import UprightPages
from parsers.ocr.images import PageImage

HALF = 1.0  # of the row's ink height: the band's half height about the row's middle
MARGIN = 1.0  # of the row's ink height: white around the band, where Tesseract finds a line best


@dataclass(frozen=True)
class Band:
    """A row's band on a page, in the pixels its words were read in: its middle runs through
    (0, `centre`) at `slope`, `half` pixels either side."""

    page: int
    centre: float
    slope: float
    half: float
    # where the quantity, price and amount stand across the page, each widened by a little slack
    columns: tuple[tuple[float, float], ...] = ()

    def middle(self, x: float) -> float:
        return self.centre + self.slope * x

    def holds(self, word: Word) -> bool:
        return abs(word.cy - self.middle(word.cx)) < self.half

    def figures(self, word: Word) -> bool:
        """Whether `word` stands in one of the number columns."""
        return any(word.x1 > x0 and word.x0 < x1 for x0, x1 in self.columns)


def cut_bands(
    bands: Sequence[Band], images: Sequence[PageImage], pages: Sequence[PageWords]
) -> list[PageImage]:
    """Each band cut from its page (turned as its words were read) along its slope, across the page,
    straightened by whole pixels down each column, on a white margin."""
    upright = UprightPages(images, pages)
    grey: dict[int, np.ndarray] = {}
    out = []
    for n, band in enumerate(bands):
        image = upright.images[band.page]
        if band.page not in grey:
            grey[band.page] = np.asarray(upright(band.page).convert("L"))
        page = grey[band.page]
        rows, width = _rows(band), page.shape[1]
        xs = np.arange(width)
        tops = np.rint(band.centre + band.slope * xs - band.half).astype(int)
        take = np.clip(tops[None, :] + np.arange(rows)[:, None], 0, page.shape[0] - 1)
        margin = _margin(band)
        framed = np.full((rows + 2 * margin, width + 2 * margin), 255, dtype=np.uint8)
        framed[margin : margin + rows, margin : margin + width] = page[take, xs[None, :]]
        cut = Image.fromarray(framed)
        if image.mode == "1":
            cut = cut.convert("1")
        out.append(PageImage.from_image(n + 1, cut, upright.words[band.page].dpi, image.source_dpi))
    return out


def _rows(band: Band) -> int:
    return max(1, round(2 * band.half))


def _margin(band: Band) -> int:
    return max(1, round(MARGIN * band.half / HALF))


def placed_back(words: PageWords, band: Band, again: PageWords) -> PageWords:
    """`words` with those in `band`'s number columns given up for what the band read again there, put
    back where they stand.  The row's code and description stay as the page read them: read again,
    item codes came out worse as often as better (parsers.ocr.codes), and no arithmetic checks them."""
    margin = _margin(band)
    block = max((w.block or 0 for w in words.words), default=0) + 1
    placed = []
    for w in again.words:
        x0, x1 = w.x0 - margin, w.x1 - margin
        top = round(band.middle((x0 + x1) / 2) - band.half) - margin
        moved = replace(w, x0=x0, x1=x1, y0=w.y0 + top, y1=w.y1 + top, line=None, block=block)
        if band.figures(moved):
            placed.append(moved)
    kept = tuple(w for w in words.words if not (band.holds(w) and band.figures(w)))
    return replace(words, words=kept + tuple(placed))


def figures_in(pages: Sequence[PageWords], band: Band) -> list[str]:
    """What `pages` read in `band`'s number columns, left to right."""
    (page,) = (p for p in pages if p.number == band.page)
    return [w.text for w in sorted(page.words, key=lambda w: w.x0) if band.holds(w) and band.figures(w)]
