"""The readable parts of a supplier's arrival (`parsers.supplier_documents`), best first: an e-mail's
PDFs by their text layer, its scans by OCR, its subject and body laid out as a page of fixed width; a
faxed or uploaded file by its text layer, else by OCR.  Each part as the layout reader's pages and the
same text as lines."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from core.capture.domain.layout import PageWords, Word
from core.kernel.errors import ParseError
from parsers.email.html import to_text
from parsers.email.mime import parse_message
from parsers.ocr.engine import OcrOptions, PageOcr
from parsers.ocr.faxheader import strip_headers
from parsers.ocr.images import Limits, load_pages, sniff
from parsers.ocr.pdf import rasterise
from parsers.pdf_text import is_pdf, read_words
from parsers.supplier_text import pdf_text

# a fixed-width page for a typed body: each character this wide, each line this far below the last
CHAR_W, LINE_H, TEXT_H = 6.0, 14.0, 10.0
MAX_BODY_LINES = 300


@dataclass(frozen=True)
class Source:
    """One readable part of an arrival: the layout reader's pages and the same text as lines;
    `typed` for a message body, where lines may be typed as sentences instead of a table."""

    pages: list[PageWords]
    text: str
    typed: bool = False


@dataclass(frozen=True)
class Scans:
    """How pages without text are read (a fax, a scan, a PDF of page images): by the OCR engine the
    composition root injects for customers' faxes, within the same limits, fax header lines taken off."""

    engine: PageOcr
    limits: Limits = field(default_factory=Limits)
    options: OcrOptions = field(default_factory=OcrOptions)

    def read(self, content: bytes) -> Source:
        """A TIFF, PNG or JPEG, or an image-only PDF, as words and text; nothing from anything else."""
        kind = sniff(content)
        try:
            if kind == "pdf":
                images = rasterise(content, self.limits)
            elif kind in ("tiff", "png", "jpeg"):
                images = load_pages(content, self.limits)
            else:
                return Source([], "")
            pages, _ = strip_headers(self.engine.read_pages(images, self.options))
        except ParseError:
            return Source([], "")
        return Source(pages, page_text(pages))


def page_text(pages: Sequence[PageWords]) -> str:
    """Read words as lines of text, top to bottom and left to right: a word belongs to the line whose
    middle is within half its height of its own."""
    out: list[str] = []
    for page in pages:
        rows: list[list[Word]] = []
        for word in sorted(page.words, key=lambda w: ((w.y0 + w.y1) / 2, w.x0)):
            middle, height = (word.y0 + word.y1) / 2, max(word.y1 - word.y0, 1.0)
            if rows and abs(middle - sum((w.y0 + w.y1) / 2 for w in rows[-1]) / len(rows[-1])) <= height / 2:
                rows[-1].append(word)
            else:
                rows.append([word])
        out.extend(" ".join(w.text for w in sorted(row, key=lambda w: w.x0)) for row in rows)
    return "\n".join(out)


def sources(content: bytes, is_mail: bool, scans: Scans | None = None) -> Iterator[Source]:
    """The parts to read, best first, each made only when the ones before it said nothing: an e-mail's
    PDFs with text, then its scans (OCR, the slow part), then its subject and body."""
    if not is_mail:
        yield _file(content, scans)
        return
    try:
        mail = parse_message(content)
    except ParseError:
        return
    unread = []
    for attachment in mail.attachments:
        found = _pdf(attachment.content) if is_pdf(attachment.content) else Source([], "")
        if any(page.words for page in found.pages):
            yield found
        else:
            unread.append(attachment.content)
    for scan in unread:
        if scans is not None:
            yield scans.read(scan)
    body = "\n".join([mail.subject, *(list(mail.texts) or [to_text(h) for h in mail.htmls])])
    yield Source(text_pages(body), body, typed=True)


def _file(content: bytes, scans: Scans | None) -> Source:
    """A PDF by its text layer; an image, or a PDF whose pages hold no text, by OCR."""
    if is_pdf(content):
        found = _pdf(content)
        if any(page.words for page in found.pages) or scans is None:
            return found
    return scans.read(content) if scans is not None else Source([], "")


def _pdf(content: bytes) -> Source:
    try:
        return Source(read_words(content, max_pages=10), pdf_text(content))
    except ParseError:
        return Source([], "")


def text_pages(text: str) -> list[PageWords]:
    """Typed text as one page of fixed-width words, so the layout reader finds its columns."""
    rows = text.splitlines()[:MAX_BODY_LINES]
    words = []
    for y, row in enumerate(rows):
        for m in re.finditer(r"\S+", row.expandtabs(8)):
            top = 20 + y * LINE_H
            words.append(Word(m.group(0), m.start() * CHAR_W, top, m.end() * CHAR_W, top + TEXT_H, 1.0))
    width = max((len(r.expandtabs(8)) for r in rows), default=80) * CHAR_W + 40
    return [PageWords(1, max(width, 595.0), max(40 + len(rows) * LINE_H, 842.0), 72.0, tuple(words), "text")]
