"""Tesseract as a page-OCR engine: page images in, words with boxes and confidences out.

`PageOcr` is what the OCR parsers need; `SerialTesseract` reads pages one after the other in this
process.  The composition root may inject an engine that spreads pages over worker processes; both
call `ocr_page`, which is a plain top-level function so a process pool can run it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import pytesseract
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.kernel.errors import ParseError
from parsers.ocr import geometry, holes
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

    def steps_for(self, page: PageImage) -> tuple[str, ...]:
        stated = page.source_dpi
        return self.preprocess_normal if stated and stated[1] * 1.5 < stated[0] else self.preprocess

    def config(self, dpi: float) -> str:
        return f"--psm {self.psm} --dpi {round(dpi)}"


class PageOcr(Protocol):
    """Reads page images into words; implementations may work in parallel but keep page order."""

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]: ...


def ocr_page(page: PageImage, options: OcrOptions) -> PageWords:
    """Tesseract on one page: every word with its box (page pixels at the page's dpi) and confidence;
    with `options.fill_holes`, text the page segmentation left out read again (parsers.ocr.holes)."""
    upright = _upright(page, options)
    if options.flatten:
        upright = flatten(upright, page.dpi)
    turned = upright.size
    image = prepare(upright, options.steps_for(page), page.dpi)
    scale = image.width / turned[0]  # preprocessing may have resampled the page
    dpi = page.dpi * scale
    try:
        with tempfile.TemporaryDirectory(prefix="oms-ocr-") as tmp:
            data = _tesseract(image, Path(tmp) / "page.png", options, options.config(dpi))
            words = words_from_data(page, data, scale, turned, upright.info.get("rotation", 0.0))
            if options.fill_holes:
                words = _fill_holes(image, words, scale, Path(tmp), options)
    except pytesseract.TesseractNotFoundError as exc:
        raise ParseError("Tesseract is not installed (Debian package tesseract-ocr)") from exc
    except (pytesseract.TesseractError, RuntimeError, OSError) as exc:
        raise ParseError(f"Tesseract failed on page {page.number}: {exc}") from exc
    return words


def _upright(page: PageImage, options: OcrOptions) -> Image.Image:
    """The page image turned to read upright and straight, as far as `options` allow; the turn (degrees
    counter-clockwise) in its info["rotation"]."""
    image = page.image()
    if not (options.orient or options.deskew) or image.mode == "1":
        # a 1-bit fax page is read as it came: Tesseract copes with a feeder's skew of a degree or two,
        # and the letters' ascenders, a few pixels at 204 dpi among the line's specks, do not say
        # reliably enough which way is up (measured: parsers/ocr/README.md)
        return image
    found = geometry.measure(image, page.dpi, ask=options.orient)
    if not options.orient and found.quarters:
        return image  # on its side: its skew was measured across the columns
    if not options.deskew:
        found = replace(found, skew=0.0)
    turned = geometry.turn(image, found)
    turned.info["rotation"] = found.degrees
    return turned


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
    # written by us, lightly compressed: pytesseract's own PNG costs more than Tesseract's read
    image.save(path, format="PNG", compress_level=1)
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
