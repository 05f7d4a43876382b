"""Tesseract as a page-OCR engine: page images in, words with boxes and confidences out.

`PageOcr` is what the OCR parsers need; `SerialTesseract` reads pages one after the other in this
process.  The composition root may inject an engine that spreads pages over worker processes; both
call `ocr_page`, which is a plain top-level function so a process pool can run it.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

import numpy as np
import pytesseract
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.kernel.errors import ParseError
from parsers.ocr import faxheader, geometry, holes, tessapi
from parsers.ocr.images import PageImage
from parsers.ocr.preprocess import flatten, prepare

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
            words = _read(upright, page, steps, options, Path(tmp), holes=False, prepared=prepared)
            if page.mode == "1" and options.fax_geometry and options.orient and not legible(words):
                # the holes of a page read the wrong way up are more of the same: not read again
                words = _turned_fax(upright, page, steps, options, Path(tmp), words, prepared)
            elif options.fill_holes:
                words = _fill_holes(prepared, words, prepared.width / upright.width, Path(tmp), options)
    except pytesseract.TesseractNotFoundError as exc:
        raise ParseError("Tesseract is not installed (Debian package tesseract-ocr)") from exc
    except (pytesseract.TesseractError, RuntimeError, OSError) as exc:
        raise ParseError(f"Tesseract failed on page {page.number}: {exc}") from exc
    return words


def _read(
    upright: Image.Image,
    page: PageImage,
    steps: tuple[str, ...],
    options: OcrOptions,
    tmp: Path,
    holes: bool = True,
    prepared: Image.Image | None = None,
) -> PageWords:
    """`upright` read after the preprocessing `steps` (`prepared`: the image they give, when made
    already), with its holes filled when `holes` and `options.fill_holes`."""
    turned = upright.size
    image = prepared if prepared is not None else prepare(upright, steps, page.dpi)
    scale = image.width / turned[0]  # preprocessing may have resampled the page
    data = _tesseract(image, tmp / "page.png", options, options.config(page.dpi * scale))
    words = words_from_data(page, data, scale, turned, upright.info.get("rotation", 0.0))
    if holes and options.fill_holes:
        words = _fill_holes(image, words, scale, tmp, options)
    return words


def _holes_filled(
    upright: Image.Image,
    page: PageImage,
    steps: tuple[str, ...],
    options: OcrOptions,
    tmp: Path,
    words: PageWords,
    prepared: Image.Image | None = None,
) -> PageWords:
    """`words`, read from `upright` without its holes, with them read (`_fill_holes`); `prepared` is
    `upright` after the preprocessing `steps`, when made already."""
    image = prepared if prepared is not None else prepare(upright, steps, page.dpi)
    return _fill_holes(image, words, image.width / upright.width, tmp, options)


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


def _turned_fax(
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
            _holes_filled(image, page, steps, options, tmp, first, prepared) if options.fill_holes else first
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
    # `body` may have been set level already (`_straight_fax`): the words' boxes are in the page turned
    # by both, and a box cut from the page turned by the quarters alone misses its word (turns about the
    # centre add up, in either order)
    turned.info["rotation"] = round(90.0 * quarters + body.info.get("rotation", 0.0), 2)
    return _read(turned, page, steps, options, tmp)


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
    data = _tesseract(band, tmp / "probe.png", options, f"--psm 6 --dpi {round(page.dpi)}")
    words = words_from_data(page, data, size=band.size)
    if len(words.words) < LEGIBLE_MIN_WORDS // 2:
        return 0.0
    return sum(map(_clean, words.words)) / len(words.words)


def legibility(words: PageWords) -> float:
    """The share of the page's words (the fax header line left out) read as clean text across it."""
    body = [w for w in words.words if w.cy > words.height * faxheader.TOP_STRIP]
    return sum(map(_clean, body)) / max(1, len(body))


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
    across (a page fed turned is caught after reading, `_turned_fax`): the axis test and the letters'
    ascenders misjudge fax pages, whose streaks run down them and whose letters are a few pixels high
    (parsers/ocr/README.md)."""
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


def _fill_holes(
    image: Image.Image, words: PageWords, scale: float, tmp: Path, options: OcrOptions
) -> PageWords:
    """`words` and the words of the text Tesseract's segmentation left out, read in one more call."""
    lines, blanked = holes.find_patches(image, words.words, scale)
    if not lines:
        return words
    stacked, placed = holes.stack(blanked, lines, gap=round(2 * holes.text_height(words.words) * scale))
    data = _tesseract(stacked, tmp / "holes.png", options, f"--psm 6 --dpi {round(words.dpi * scale)}")
    block = max((w.block or 0 for w in words.words), default=0) + 1
    return replace(words, words=words.words + tuple(holes.place(data, placed, scale, block)))


def _tesseract(image: Image.Image, path: Path, options: OcrOptions, config: str) -> dict[str, list[object]]:
    if options.keep_loaded and tessapi.available() and image.mode in tessapi.RAW_MODES:
        # handed over as its pixels: the image the PNG file below would hold, read the same way, without
        # writing and decoding a file for every read (about 2 % of a normal fax page read's CPU)
        return tessapi.image_to_data(
            image, "+".join(options.languages), config, options.timeout, rivals=options.rivals
        )
    # written by us, lightly compressed: pytesseract's own PNG costs more than Tesseract's read
    image.save(path, format="PNG", compress_level=1)
    if options.keep_loaded and tessapi.available():
        # the same file read the same way by Tesseract kept loaded: the same words, without the start
        return tessapi.image_to_data(
            path, "+".join(options.languages), config, options.timeout, rivals=options.rivals
        )
    data: dict[str, list[object]] = pytesseract.image_to_data(
        str(path),
        lang="+".join(options.languages),
        config=config,
        output_type=pytesseract.Output.DICT,
        timeout=options.timeout,
    )
    return data


def words_from_data(
    page: PageImage,
    data: dict[str, list[object]],
    scale: float = 1.0,
    size: tuple[int, int] | None = None,
    rotation: float = 0.0,
) -> PageWords:
    """Tesseract's TSV rows (pytesseract's dict) to `PageWords` in the page's own pixels.

    `scale` is how much larger the image Tesseract read was than the page; `size` and `rotation` the
    page's once turned upright (parsers.ocr.geometry); line numbers count the reader's lines in its
    reading order.
    """
    words: list[Word] = []
    lines: dict[tuple[int, int, int], int] = {}
    for i, raw in enumerate(data.get("text", [])):
        text = str(raw).strip()
        confidence = _number(data["conf"][i])
        if not text or confidence < 0:
            continue
        key = (
            int(_number(data["block_num"][i])),
            int(_number(data["par_num"][i])),
            int(_number(data["line_num"][i])),
        )
        line = lines.setdefault(key, len(lines) + 1)
        rival = _number(data["rival"][i]) if "rival" in data else None
        left, top = _number(data["left"][i]) / scale, _number(data["top"][i]) / scale
        width, height = _number(data["width"][i]) / scale, _number(data["height"][i]) / scale
        words.append(
            Word(
                text=text,
                x0=round(left, 1),
                y0=round(top, 1),
                x1=round(left + width, 1),
                y1=round(top + height, 1),
                confidence=round(min(100.0, confidence) / 100, 4),
                line=line,
                block=key[0],
                rival=rival,
            )
        )
    width, height = size or (page.width, page.height)
    return PageWords(
        number=page.number,
        width=float(width),
        height=float(height),
        dpi=page.dpi,
        words=tuple(words),
        source="ocr",
        rotation=float(rotation),
    )


def _number(value: object) -> float:
    try:
        return float(str(value))
    except ValueError:
        return -1.0


class SerialTesseract:
    """Pages one after the other in this process: the default, and what tests use."""

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        return [ocr_page(page, options) for page in pages]
