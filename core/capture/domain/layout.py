"""Words with their boxes on pages: what a PDF text layer or OCR gives, and what layout extraction reads.

Both the pdfplumber reader and the Tesseract reader produce `PageWords`; the layout-independent
extractor turns them into captured orders whose evidence points back at page and box.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One word as read, in page pixels at the page's dpi (origin top-left, y downwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float = 1.0  # 0..1; a text layer is 1.0, OCR gives its own
    line: int | None = None  # reader's line number on the page, when it knows one
    block: int | None = None  # reader's block number on the page, when it knows one
    # OCR asked for the alternatives of each character (parsers.ocr.tessapi): the highest probability
    # (0..1) it gave another figure in the place of one of the word's figures; None when not asked
    rival: float | None = None

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class PageWords:
    """The words of one page, with the page's size and the resolution its coordinates are in."""

    number: int  # 1-based
    width: float
    height: float
    dpi: float
    words: tuple[Word, ...]
    source: str = "text"  # "text" (a PDF text layer) or "ocr"
    # degrees counter-clockwise the page image was turned before it was read (OCR of a page scanned on
    # its side, upside down or askew); the boxes are in the turned page, `width` x `height`
    rotation: float = 0.0

    @property
    def mean_confidence(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.confidence for w in self.words) / len(self.words)
