"""Tesseract as a page-OCR engine: page images in, words with boxes and confidences out.

`PageOcr` is what the OCR parsers need; `SerialTesseract` reads pages one after the other in this
process.  The composition root may inject an engine that spreads pages over worker processes; both
call `ocr_page`, which is a plain top-level function so a process pool can run it.  Here too: how a
page is set upright and level before it is read; Tesseract's reads themselves are in
`parsers.ocr.tesseract_reads`, a fax fed sideways or upside down in `parsers.ocr.turned_fax`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

import numpy as np
import pytesseract
from PIL import Image

from core.capture.domain.layout import PageWords
from core.kernel.errors import ParseError
from parsers.ocr import faxheader, geometry
from parsers.ocr.images import PageImage
from parsers.ocr.preprocess import flatten, prepare
from parsers.ocr.tesseract_reads import fill_holes, read_upright
from parsers.ocr.turned_fax import legible, read_turned_fax

DEFAULT_LANGUAGES = ("eng", "spa")


@dataclass(frozen=True)
class OcrOptions:
    """How Tesseract is run on every page."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    psm: int = 3  # fully automatic page segmentation: orders mix blocks, tables and free text
    timeout: float = 180.0  # seconds for one page before Tesseract is stopped
    # steps from parsers.ocr.preprocess, in order, chosen by measurement (parsers/ocr/README.md):
    # for pages at fine fax or scanner resolution, and for normal faxes (their rows doubled)
    preprocess: tuple[str, ...] = ("heal",)
    preprocess_normal: tuple[str, ...] = ("heal", "smooth")
    fill_holes: bool = True  # read again the text the page segmentation dropped (parsers.ocr.holes)
    orient: bool = True  # turn pages lying on their side or upside down upright (parsers.ocr.geometry)
    deskew: bool = True  # straighten pages scanned or photographed askew (parsers.ocr.geometry)
    flatten: bool = True  # even out uneven light on grey pages (photos, scans): preprocess.flatten
    # 1-bit fax pages too: set level when askew, read again turned when they read as no text
    # (`orient` and `deskew` still say which of the two)
    fax_geometry: bool = True
    # degrees: a fine fax page less askew than this is read as it came (turning a 1-bit page blurs its
    # letters; on the fax bench turning lost more at 0.3-0.9 degrees than it won, and won above 1);
    # normal faxes are never turned for skew
    fax_min_skew: float = 1.0
    # a normal fax page at least this askew is set level, by shears that keep its pixels black and
    # white (geometry.sheared_turn); less askew, it is read as it came: on the tuning faxes pages 1-2.1
    # degrees askew set level read no better (fewer header fields), those 2.3-2.7 degrees askew far better
    fax_min_skew_normal: float = 2.2
    # keep Tesseract loaded in this process between reads (parsers.ocr.tessapi) when tesserocr is
    # installed, else spawn the `tesseract` command per read; both read the same (out of repr: a choice
    # of speed, not of what is read, so the fax bench's cache of reads stays valid across it)
    keep_loaded: bool = field(default=True, repr=False, compare=False)
    # characters Tesseract may read ("" for any): digits and marks when a numeric cell is read again
    # (parsers.ocr.cells); out of repr so the fax bench's cache keys of whole pages stay as they were (its
    # key names a whitelist itself)
    whitelist: str = field(default="", repr=False)
    # numeric cells whose arithmetic fails read again alone, digits only (parsers.ocr.cells): what the
    # parser does after the layout reader, not how a page is read
    reread_numbers: bool = field(default=True, repr=False, compare=False)
    # each word's `rival` asked for (the LSTM's alternatives of its figures, parsers.ocr.tessapi): for the
    # cut-outs of header fields read again (parsers.ocr.lookalike), never for whole pages; out of repr as
    # the whitelist, so the fax bench's cache keys of whole pages stay as they were (its key names it)
    rivals: bool = field(default=False, repr=False)

    def steps_for(self, page: PageImage) -> tuple[str, ...]:
        return self.preprocess_normal if normal_fax(page) else self.preprocess

    def config(self, dpi: float) -> str:
        allowed = f" -c tessedit_char_whitelist={self.whitelist}" if self.whitelist else ""
        return f"--psm {self.psm} --dpi {round(dpi)}{allowed}"


def normal_fax(page: PageImage) -> bool:
    """Whether the page came at fax normal resolution (about half as many rows an inch as columns)."""
    stated = page.source_dpi
    return bool(stated and stated[1] * 1.5 < stated[0])


class PageOcr(Protocol):
    """Reads page images into words; implementations may work in parallel but keep page order."""

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]: ...


def ocr_page(page: PageImage, options: OcrOptions) -> PageWords:
    """Tesseract on one page: every word with its box (page pixels at the page's dpi) and confidence;
    with `options.fill_holes`, text the page segmentation left out read again (parsers.ocr.holes)."""
    image = page.image()
    steps = options.steps_for(page)
    if image.mode == "1" and "heal" in steps:
        # lost scan lines run along the fax's rows: mended before any turn tilts them
        image = prepare(image, ("heal",), page.dpi)
        steps = tuple(s for s in steps if s != "heal")
    upright = _upright(image, page, options)
    if options.flatten and page.mode != "1":
        upright = flatten(upright, page.dpi)
    try:
        with tempfile.TemporaryDirectory(prefix="oms-ocr-") as tmp:
            # prepared once: the holes are looked for in the image that was read
            prepared = prepare(upright, steps, page.dpi)
            words = read_upright(upright, page, steps, options, Path(tmp), holes=False, prepared=prepared)
            if page.mode == "1" and options.fax_geometry and options.orient and not legible(words):
                # the holes of a page read the wrong way up are more of the same: not read again
                words = read_turned_fax(upright, page, steps, options, Path(tmp), words, prepared)
            elif options.fill_holes:
                words = fill_holes(prepared, words, prepared.width / upright.width, Path(tmp), options)
    except pytesseract.TesseractNotFoundError as exc:
        raise ParseError("Tesseract is not installed (Debian package tesseract-ocr)") from exc
    except (pytesseract.TesseractError, RuntimeError, OSError) as exc:
        raise ParseError(f"Tesseract failed on page {page.number}: {exc}") from exc
    return words


def _upright(image: Image.Image, page: PageImage, options: OcrOptions) -> Image.Image:
    """The page image turned to read upright and straight, as far as `options` allow; the turn (degrees
    counter-clockwise) in its info["rotation"]."""
    if image.mode == "1" or page.mode == "1":
        return _straight_fax(image, page, options)
    if not (options.orient or options.deskew):
        return image
    found = geometry.measure(image, page.dpi, ask=options.orient, keep_loaded=options.keep_loaded)
    if not options.orient and found.quarters:
        return image  # on its side: its skew was measured across the columns
    if not options.deskew:
        found = replace(found, skew=0.0)
    turned = geometry.turn(image, found)
    turned.info["rotation"] = found.degrees
    return turned


def _straight_fax(image: Image.Image, page: PageImage, options: OcrOptions) -> Image.Image:
    """A 1-bit fax page set level when it went through the feeder askew.  Its lines are taken to run
    across (a page fed turned is caught after reading, `read_turned_fax`): the axis test and the
    letters' ascenders misjudge fax pages, whose streaks run down them and whose letters are a few
    pixels high (parsers/ocr/README.md)."""
    if not (options.fax_geometry and options.deskew):
        return image
    normal = normal_fax(page)
    skew = geometry.row_skew(image, page.dpi)
    if abs(skew) < (options.fax_min_skew_normal if normal else options.fax_min_skew):
        return image
    if normal:
        # turned by shears, its pixels kept black and white: turned in grey, a normal fax's coarse
        # letters (98 rows an inch, doubled) were blurred and it lost more than it won on the fax bench
        turned = geometry.sheared_turn(image, skew)
    else:
        turned = geometry.turn(image, geometry.Orientation(skew=skew))
    band = _header_band(image)
    if band:
        # the sending machine printed its header line level after the page went askew: kept as it came
        turned.paste(image.crop((0, 0, image.width, band)).convert(turned.mode), (0, 0))
    turned.info["rotation"] = skew
    return turned


def _header_band(image: Image.Image) -> int:
    """The rows (from the top) of the first line of ink in the page's top strip and the gap under it, where
    a fax header line is printed; 0 when the strip holds no such line."""
    limit = round(image.height * faxheader.TOP_STRIP)
    ink = np.asarray(image.crop((0, 0, image.width, limit)).convert("L")) < 128
    inked = ink.sum(axis=1) > HEADER_ROW_INK
    rows = np.nonzero(inked)[0]
    if not len(rows):
        return 0
    end = int(rows[0])
    while end < limit and inked[end : end + HEADER_GAP].any():
        end += 1
    return end + HEADER_GAP // 2 if end < limit else 0


HEADER_ROW_INK = 8  # inked pixels in a row of the header line at least (specks make a few)
HEADER_GAP = 6  # blank rows under the header line before the page's own text


class SerialTesseract:
    """Pages one after the other in this process: the default, and what tests use."""

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        return [ocr_page(page, options) for page in pages]
