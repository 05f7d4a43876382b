"""Tesseract's reads of a page image: Tesseract run on it (kept loaded or as a command), its rows
turned into words in the page's own pixels, and the text its page segmentation left out read again
(`parsers.ocr.holes`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytesseract
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.ocr import holes, tessapi
from parsers.ocr.images import PageImage
from parsers.ocr.preprocess import prepare

if TYPE_CHECKING:
    from parsers.ocr.engine import OcrOptions


def read_upright(
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
    data = run_tesseract(image, tmp / "page.png", options, options.config(page.dpi * scale))
    words = words_from_data(page, data, scale, turned, upright.info.get("rotation", 0.0))
    if holes and options.fill_holes:
        words = fill_holes(image, words, scale, tmp, options)
    return words


def holes_filled(
    upright: Image.Image,
    page: PageImage,
    steps: tuple[str, ...],
    options: OcrOptions,
    tmp: Path,
    words: PageWords,
    prepared: Image.Image | None = None,
) -> PageWords:
    """`words`, read from `upright` without its holes, with them read (`fill_holes`); `prepared` is
    `upright` after the preprocessing `steps`, when made already."""
    image = prepared if prepared is not None else prepare(upright, steps, page.dpi)
    return fill_holes(image, words, image.width / upright.width, tmp, options)


def fill_holes(
    image: Image.Image, words: PageWords, scale: float, tmp: Path, options: OcrOptions
) -> PageWords:
    """`words` and the words of the text Tesseract's segmentation left out, read in one more call."""
    lines, blanked = holes.find_patches(image, words.words, scale)
    if not lines:
        return words
    stacked, placed = holes.stack(blanked, lines, gap=round(2 * holes.text_height(words.words) * scale))
    data = run_tesseract(stacked, tmp / "holes.png", options, f"--psm 6 --dpi {round(words.dpi * scale)}")
    block = max((w.block or 0 for w in words.words), default=0) + 1
    return replace(words, words=words.words + tuple(holes.place(data, placed, scale, block)))


def run_tesseract(
    image: Image.Image, path: Path, options: OcrOptions, config: str
) -> dict[str, list[object]]:
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
