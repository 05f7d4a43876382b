"""A document's fax pages read again in another turn (`parsers.ocr.parser`): a page read illegibly in a
turn of its own read in the turn of the document's other pages, and a normal fax page fed on its side
read once more upright as one block of lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PIL import Image

from core.capture.domain.layout import PageWords
from parsers.ocr.engine import OcrOptions, PageOcr, normal_fax
from parsers.ocr.faxheader import find_header
from parsers.ocr.geometry import Orientation, turn
from parsers.ocr.images import PageImage
from parsers.ocr.preprocess import prepare
from parsers.ocr.turned_fax import LEGIBLE_MIN_WORDS, LEGIBLE_SHARE, legibility, legible

# A normal fax page fed on its side has its lines running down the fax's rows, 98 an inch, on a sheet
# shrunk to the fax's width: upright, about 70 dots an inch along the line.  Tesseract's automatic
# layout (--psm 3) drops much of such a page as noise; when it gave no order, the page is read again as
# one block of lines (--psm 6), which reads half as many words again (docs/fax.md, faxpage1).  Not
# always: where --psm 3 read such a page into an order, --psm 6 read its header worse.
SIDEWAYS_NORMAL_PSM = 6


def turned_as_the_others(
    engine: PageOcr, images: Sequence[PageImage], pages: list[PageWords], options: OcrOptions
) -> list[PageWords]:
    """The pages, each fax page read illegibly in a turn of its own read once more in the one turn
    the document's legible pages were read in, kept when it reads more legibly so.  A fax's sheets
    go through the feeder the same way: where the first page was taken for one lying on its other
    side (read in a quarter turn, its words reversed specks), the pages after it, read upright,
    say the turn it lies in."""
    if not (options.orient and options.fax_geometry) or len(pages) < 2:
        return pages
    turns = {
        round(p.rotation / 90) % 4
        for image, p in zip(images, pages, strict=True)
        if image.mode == "1" and len(p.words) >= LEGIBLE_MIN_WORDS and legibility(p) >= LEGIBLE_SHARE
    }
    if len(turns) != 1:
        return pages
    (quarters,) = turns
    out = list(pages)
    for i, (image, first) in enumerate(zip(images, pages, strict=True)):
        if image.mode != "1" or legible(first) or round(first.rotation / 90) % 4 == quarters:
            continue
        again = _read_turned(engine, image, quarters, options)
        if legibility(again) > legibility(first):
            out[i] = again
    return out


def _read_turned(engine: PageOcr, image: PageImage, quarters: int, options: OcrOptions) -> PageWords:
    """The fax page `image` read turned `quarters` quarter turns counter-clockwise, healed along
    the fax's own rows before the turn (`healed_and_turned`)."""
    again = healed_and_turned(image, Orientation(quarters))
    unhealed = replace(
        options,
        preprocess=tuple(s for s in options.preprocess if s != "heal"),
        preprocess_normal=tuple(s for s in options.preprocess_normal if s != "heal"),
        orient=False,
        deskew=False,
    )
    (words,) = engine.read_pages([again], unhealed)
    return replace(words, rotation=90.0 * quarters)


def sideways_as_block(
    engine: PageOcr, images: Sequence[PageImage], read: tuple[PageWords, ...], options: OcrOptions
) -> tuple[PageWords, ...] | None:
    """The pages again, those of a normal fax read turned a quarter turn (fed on their side) read
    once more upright as one block of lines (`SIDEWAYS_NORMAL_PSM`), the first read's fax header
    line kept; None when no page is such a page.  Asked only when the first read gave no order."""
    sideways = [
        i
        for i, (image, page) in enumerate(zip(images, read, strict=True))
        if normal_fax(image) and round(page.rotation / 90) % 2 == 1
    ]
    if not sideways:
        return None
    block = replace(
        options,
        psm=SIDEWAYS_NORMAL_PSM,
        preprocess_normal=tuple(s for s in options.preprocess_normal if s != "heal"),
        orient=False,
        deskew=False,
    )
    pages = list(read)
    for i in sideways:
        image, first = images[i], read[i]
        header = find_header(first)
        # the header line, printed across the page as it came (its words kept from the first read),
        # left out
        blank = round(max(w.y1 for w in header.words)) + 2 if header is not None else None
        again = healed_and_turned(image, Orientation.from_degrees(first.rotation), blank_above=blank)
        (words,) = engine.read_pages([again], block)
        kept = header.words if header is not None else ()
        pages[i] = replace(words, words=kept + words.words, rotation=first.rotation)
    return tuple(pages)


def healed_and_turned(
    image: PageImage, orientation: Orientation, blank_above: int | None = None
) -> PageImage:
    """A fax page healed along its own rows, where scan lines are lost, before it is turned by
    `orientation`, as a bilevel page to read again; what lies above `blank_above` left white."""
    healed = prepare(image.image(), ("heal",), image.dpi)
    if blank_above is not None:
        healed = healed.copy()
        healed.paste(255, (0, 0, healed.width, blank_above))
    upright = turn(healed, orientation)
    if upright.mode != "1":
        upright = upright.convert("1", dither=Image.Dither.NONE)
    return PageImage.from_image(image.number, upright, image.dpi, image.source_dpi)
