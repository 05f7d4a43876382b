"""A fax page fed sideways or upside down: whether a page reads as text the right way up, and a
page that does not read again in the turn that reads best."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.ocr import faxheader, geometry, tesseract_reads
from parsers.ocr.images import PageImage
from parsers.ocr.preprocess import prepare

if TYPE_CHECKING:
    from parsers.ocr.engine import OcrOptions


# A page read upright gives many clean words (a third to two thirds of them, on the fax bench); one fed
# sideways or upside down gives specks and fragments read with low confidence (none to 7%).
LEGIBLE_SHARE = 0.15
LEGIBLE_MIN_WORDS = 12  # fewer words than this say nothing either way (a short note, a blank page)
_CLEAN_WORD = re.compile(r"^(?:[^\W\d_]{3,}|\d[\d.,/-]*)[.,:;)]?$")


def legible(words: PageWords) -> bool:
    """Whether the page reads as text the right way up: enough words read with confidence that are
    plain words (three letters or more) or numbers running across the page, the fax header line left
    out."""
    body = [w for w in words.words if w.cy > words.height * faxheader.TOP_STRIP]
    if len(body) < LEGIBLE_MIN_WORDS:
        return True
    return sum(map(_clean, body)) >= LEGIBLE_SHARE * len(body)


def _clean(word: Word) -> bool:
    """A word read with confidence, a plain word or a number, and running across the page.  Tesseract
    reads a page fed on one of its sides in blocks it turns by itself: the words come out right, but
    standing on end in the page (taller than wide), and the layout reader, which puts words in rows
    across the page, finds no order in them."""
    if word.confidence < 0.8 or not _CLEAN_WORD.match(word.text):
        return False
    return len(word.text) < 3 or word.x1 - word.x0 >= word.y1 - word.y0


def read_turned_fax(
    image: Image.Image,
    page: PageImage,
    steps: tuple[str, ...],
    options: OcrOptions,
    tmp: Path,
    first: PageWords,
    prepared: Image.Image | None = None,
) -> PageWords:
    """A fax page fed sideways or upside down (`first` read as it came, without its holes), read again
    the right way up.  Which way that is, Tesseract's orientation detection says (`--psm 0`, about half
    a page read), and the whole page is read again in that turn.  When it names no turn, or the page
    read in its turn is still illegible (it took a quarter turn for the opposite one), a band across
    the page is read in each turn not yet tried, and the most legible band, if it is legible at all,
    says the turn to read the page in.  Of the reads, the most legible is kept; the page as it came on
    a tie.  The sending machine's header line is printed upright on the turned page: its words are
    kept from the first read and its strip left out of the rest.  `prepared` is `image` after the
    preprocessing `steps`, when made already."""
    header = faxheader.find_header(first)
    body = image
    if header is not None:
        body = image.copy()
        body.paste(
            255 if body.mode in ("1", "L") else (255, 255, 255),
            (0, 0, body.width, round(max(w.y1 for w in header.words)) + 2),
        )
    reads = [first]
    said = geometry.asked(body, page.dpi, options.keep_loaded).quarters
    if said:
        reads.append(_turned_read(body, said, page, steps, options, tmp))
    if not legible(reads[-1]):
        # no turn named, or the page still illegible in the one named (detection took a quarter turn
        # for the opposite one, or a page upside down for one on its side): the bands decide the rest
        others = tuple(q for q in (2, 1, 3) if q != said)
        probes = {q: _probe(body.transpose(geometry.TRANSPOSE[q]), page, steps, options, tmp) for q in others}
        quarters = max(probes, key=lambda q: probes[q])
        if probes[quarters] >= LEGIBLE_SHARE:
            reads.append(_turned_read(body, quarters, page, steps, options, tmp))
    best = max(reads, key=legibility)  # the first of equals: as it came, unless a turn reads better
    if best is first:
        # no turn reads: a page spoilt beyond reading, left as it was read
        return (
            tesseract_reads.holes_filled(image, page, steps, options, tmp, first, prepared)
            if options.fill_holes
            else first
        )
    if header is None:
        return best
    line = max((w.line or 0 for w in best.words), default=0) + 1
    block = max((w.block or 0 for w in best.words), default=0) + 1
    kept = tuple(replace(w, line=line, block=block) for w in header.words)
    return replace(best, words=kept + best.words)


def _turned_read(
    body: Image.Image, quarters: int, page: PageImage, steps: tuple[str, ...], options: OcrOptions, tmp: Path
) -> PageWords:
    """The whole page read again turned by `quarters` quarter turns counter-clockwise."""
    turned = body.transpose(geometry.TRANSPOSE[quarters])
    # `body` may have been set level already (`engine._straight_fax`): the words' boxes are in the page turned
    # by both, and a box cut from the page turned by the quarters alone misses its word (turns about the
    # centre add up, in either order)
    turned.info["rotation"] = round(90.0 * quarters + body.info.get("rotation", 0.0), 2)
    return tesseract_reads.read_upright(turned, page, steps, options, tmp)


PROBE_WIDTH = (0.1, 0.9)  # the band's left and right, as shares of the turned page's width
PROBE_HEIGHT = 0.3  # the band's height, as a share of the turned page's


def _probe(
    turned: Image.Image, page: PageImage, steps: tuple[str, ...], options: OcrOptions, tmp: Path
) -> float:
    """How legible the inkiest band across the turned page reads (0 when it holds too few words)."""
    w, h = turned.size
    left, right = round(w * PROBE_WIDTH[0]), round(w * PROBE_WIDTH[1])
    rows = (np.asarray(turned.convert("L").crop((left, 0, right, h))) < 128).sum(axis=1)
    tall = max(1, round(h * PROBE_HEIGHT))
    window = np.convolve(rows, np.ones(tall, dtype=np.int64), mode="valid")
    top = int(np.argmax(window)) if len(window) else 0
    band = prepare(turned.crop((left, top, right, top + tall)), steps, page.dpi)
    # one block of lines across: --psm 3 would find lines running down the band and read them
    data = tesseract_reads.run_tesseract(band, tmp / "probe.png", options, f"--psm 6 --dpi {round(page.dpi)}")
    words = tesseract_reads.words_from_data(page, data, size=band.size)
    if len(words.words) < LEGIBLE_MIN_WORDS // 2:
        return 0.0
    return sum(map(_clean, words.words)) / len(words.words)


def legibility(words: PageWords) -> float:
    """The share of the page's words (the fax header line left out) read as clean text across it."""
    body = [w for w in words.words if w.cy > words.height * faxheader.TOP_STRIP]
    return sum(map(_clean, body)) / max(1, len(body))
