"""The sending number in a fax's header line (`parsers.ocr.faxheader`), read again from the header's
strip alone, one line, upscaled, when the page's read of it is damaged."""

from __future__ import annotations

from dataclasses import replace

from core.capture.domain.layout import PageWords
from core.kernel.domain.phone import normalise_phone, plausible
from parsers.ocr.engine import OcrOptions, PageOcr
from parsers.ocr.faxheader import FaxHeader, line_text, sender_in
from parsers.ocr.geometry import Orientation, turn
from parsers.ocr.images import PageImage

HEADER_PAD = 0.04  # inches above and below the header line when it is read again alone


def header_sender(
    engine: PageOcr, image: PageImage, page: PageWords, header: FaxHeader | None, options: OcrOptions
) -> str | None:
    """The sending number in page 1's header line; a damaged one is read again from the strip alone."""
    if header is None:
        return None
    found = normalise_phone(header.sender)
    if plausible(found):
        return found
    pad = HEADER_PAD * page.dpi
    upright = turn(image.image(), Orientation.from_degrees(page.rotation))  # as the words were read
    top = max(0, int(min(w.y0 for w in header.words) - pad))
    bottom = min(upright.height, int(max(w.y1 for w in header.words) + pad))
    strip = PageImage.from_image(image.number, upright.crop((0, top, upright.width, bottom)), image.dpi)
    one_line = replace(
        options,
        psm=7,
        preprocess=("heal", "upscale"),
        fill_holes=False,
        orient=False,
        deskew=False,
        flatten=False,
    )
    (words,) = engine.read_pages([strip], one_line)
    again = normalise_phone(sender_in(line_text(sorted(words.words, key=lambda w: w.x0))))
    return again if plausible(again) else None
