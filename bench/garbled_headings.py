"""The fax bench with every table heading OCR read made unreadable: what the layout reader finds of the
rows by their geometry and arithmetic alone, as on a fax whose heading OCR garbled past knowing or one
worded as no vocabulary has it (`python -m bench.fax_ocr --garble-headings`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.capture.domain.layout import PageWords, Word
from parsers.layout.geometry import read_page
from parsers.layout.pages import without_copies
from parsers.layout.table import find_regions
from parsers.ocr.engine import OcrOptions, PageOcr
from parsers.ocr.faxheader import strip_headers
from parsers.ocr.images import PageImage


def garbled(pages: Sequence[PageWords]) -> list[PageWords]:
    """`pages` with the letters of every word of the table headings the reader finds made "x"."""
    stripped, _ = strip_headers(list(pages))
    read = without_copies([read_page(p) for p in stripped])
    heading = {
        (t.page, t.word.x0, t.word.y0) for r in find_regions(read) for line in r.heading for t in line.toks
    }
    return [
        replace(p, words=tuple(_x(w) if (p.number, w.x0, w.y0) in heading else w for w in p.words))
        for p in pages
    ]


def _x(word: Word) -> Word:
    return replace(word, text="".join("x" if c.isalpha() else c for c in word.text))


class GarbledHeadings:
    """A `PageOcr` whose whole pages come back with their table headings garbled (`garbled`); the
    strips and cells read again come back as `inner` read them."""

    def __init__(self, inner: PageOcr) -> None:
        self.inner = inner

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        read = self.inner.read_pages(pages, options)
        whole = not options.whitelist and all(p.width >= WHOLE_PAGE for p in pages)
        return garbled(read) if whole else read


WHOLE_PAGE = 1000  # pixels across: a page, not a strip or a cell cut out to be read again
