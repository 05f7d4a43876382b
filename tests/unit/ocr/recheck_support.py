"""A header field read again with scripted readings (parsers.ocr.recheck.confirm): what Tesseract says
of the cut-out is not the rules' business, so each reading says a given text at a given confidence; the
page is a blank image of a fax page's size with the field's box on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.recheck import Recheck
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm

BOX = (300.0, 80.0, 460.0, 110.0)
FAX_WIDTH = 1728  # a fax page's pixels across; anything narrower is a cut-out read again


class Scripted:
    """A way of reading cut-outs that says `text` at `confidence` of each, and counts its calls."""

    def __init__(self, text: str, confidence: float) -> None:
        self.text, self.confidence, self.calls = text, confidence, 0

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        self.calls += 1
        said = (Word(self.text, 20, 10, 180, 40, self.confidence),)
        return [PageWords(c.number, 200.0, 60.0, 204.0, said, "ocr") for c in crops]


def confirmed_date(
    printed: str, unsure: float, dpi: float, first: Scripted, second: Scripted, third: Scripted
) -> float:
    """The confidence of an order date the page read as `printed` at `unsure`, once `confirm` has read its
    box again with `first` and `second` (and `third`, when the rule asks for a third reading)."""
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), dpi)
    page = PageWords(1, 1728.0, 400.0, dpi, (Word(printed, *BOX, unsure),), "ocr")
    found = Evidence("order_date", unsure, Provenance(page=1, box=BOX, raw=printed))
    order = CapturedOrder(evidence=(found,))
    (got,) = confirm([order], [Recheck(0, "order_date", 1.0)], [image], [page], [first, second], third)
    vouched = got.evidence_for("order_date")
    assert vouched is not None
    return vouched.confidence


class CutOutsSaid:
    """An OCR engine for a fax page `FAX_WIDTH` pixels across: reads the whole page as `words`, and each
    field cut out and read again alone (any narrower image) as the one word `said` gives for the
    cut-out's number, sure: what the fax's ink says to a reading of the field alone."""

    def __init__(self, words: PageWords, said: Callable[[int], str]) -> None:
        self.words, self.said = words, said

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        return [
            self.words
            if image.width == FAX_WIDTH
            else PageWords(
                image.number,
                image.width,
                image.height,
                image.dpi,
                (Word(self.said(image.number), 2, 2, image.width - 2, image.height - 2, 0.96),),
                "ocr",
            )
            for image in pages
        ]
