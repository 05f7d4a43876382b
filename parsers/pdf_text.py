"""PDFs with a text layer: words and boxes through pdfplumber, orders through the layout reader.

Pages without text (a scanned page inside an e-mailed PDF) are read by an injected OCR reader page by
page; the result's format is "pdf-text" when every page had text and "pdf-ocr" as soon as one page
needed OCR, since such orders carry OCR's uncertainty.  Without an OCR reader those pages are named
in a problem on every order, so the order waits for a person instead of flowing on with lines missing.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from core.capture.domain.documents import InboundDocument, ParseContext, ParseResult
from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import Problem, ProblemCode, Severity
from core.kernel.errors import ParseError
from parsers.layout import extract_orders
from parsers.pdf_words import has_text_layer, read_words_fast

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # the header may follow a little junk
MIN_TEXT_WORDS = 3  # a page with fewer words (a stamp, a page number) counts as having no text
DUPLICATE_CHAR = 1.0  # points: the same character this close to another is one printed twice
SCORE_TEXT, SCORE_NO_TEXT, SCORE_UNREADABLE = 90, 10, 30


class PdfPageOcr(Protocol):
    """Reads chosen pages (1-based) of a PDF by OCR; `parsers.ocr.parser.PdfPageReader` is one."""

    def read_pdf_pages(self, content: bytes, pages: Sequence[int], ctx: ParseContext) -> list[PageWords]: ...


def is_pdf(content: bytes) -> bool:
    return PDF_MAGIC in content[:MAGIC_WINDOW]


def _cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors; the original says what went wrong."""
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc


@contextmanager
def open_pdf(content: bytes) -> Iterator[Any]:
    """The PDF opened by pdfplumber; encrypted or damaged files raise a ParseError saying so."""
    try:
        pdf = pdfplumber.open(io.BytesIO(content))
    except (PdfminerException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        cause = _cause(exc)
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise ParseError("the PDF is encrypted with a password; it cannot be read without it") from exc
        raise ParseError(f"the PDF is damaged and cannot be read ({cause or type(cause).__name__})") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _words(page: Any, number: int) -> PageWords:
    """The page's words in points (origin top-left), each with confidence 1.0.

    Printers fake bold type by printing a word twice a fraction of a point apart; the text layer then
    holds every character twice ("BBOOLLTT"), so characters repeated at (nearly) the same place go."""
    repeated = _repeated_chars(page.chars)
    if repeated:
        page = page.filter(lambda obj: id(obj) not in repeated)
    words = tuple(
        Word(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]), 1.0)
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
        if w["text"].strip()
    )
    return PageWords(number, float(page.width), float(page.height), 72.0, words, "text")


def _repeated_chars(chars: Sequence[dict[str, Any]]) -> set[int]:
    """The ids of characters printed again within DUPLICATE_CHAR points of the same character (a grid
    of one-point cells keeps this linear; pdfplumber's own `dedupe_chars` is several times slower)."""
    seen: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    repeated: set[int] = set()
    for char in chars:
        text, x, y = char["text"], float(char["x0"]), float(char["top"])
        if text.isspace():
            continue
        gx, gy = int(x // DUPLICATE_CHAR), int(y // DUPLICATE_CHAR)
        near = (
            other
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in seen.get((text, gx + dx, gy + dy), ())
        )
        if any(
            abs(float(o["x0"]) - x) <= DUPLICATE_CHAR and abs(float(o["top"]) - y) <= DUPLICATE_CHAR
            for o in near
        ):
            repeated.add(id(char))
            continue
        seen.setdefault((text, gx, gy), []).append(char)
    return repeated


def _has_text(words: PageWords) -> bool:
    return sum(1 for w in words.words if any(c.isalnum() for c in w.text)) >= MIN_TEXT_WORDS


def read_words(content: bytes, max_pages: int = 50) -> list[PageWords]:
    """Every page's text-layer words (pages without text come back with few or no words): through
    PDFium when the pages are plain (parsers.pdf_words), else through pdfplumber."""
    fast = read_words_fast(content, max_pages)
    if fast is not None:
        return fast
    try:
        with open_pdf(content) as pdf:
            count = len(pdf.pages)
            if count == 0:
                raise ParseError("the PDF has no pages")
            if count > max_pages:
                raise ParseError(f"the PDF has {count} pages; at most {max_pages} are read per document")
            return [_words(page, i) for i, page in enumerate(pdf.pages, start=1)]
    except ParseError:
        raise
    except (PdfminerException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ParseError(f"the PDF is damaged and cannot be read ({_cause(exc)})") from exc


class PdfTextParser:
    """Reads PDFs through their text layer (pdfplumber), with OCR for pages that have none."""

    name = "pdf-text"

    def __init__(self, ocr: PdfPageOcr | None = None, max_pages: int = 50) -> None:
        self.ocr = ocr
        self.max_pages = max_pages

    def score(self, doc: InboundDocument) -> int | None:
        """90 for a PDF with text on a page, 10 for one without (an OCR reader should take it), 30 for
        a PDF that cannot be opened (this reader explains why)."""
        if not is_pdf(doc.content):
            return None
        text = has_text_layer(doc.content, self.max_pages, 2 * MIN_TEXT_WORDS)
        if text is not None:
            return SCORE_TEXT if text else SCORE_NO_TEXT
        try:
            with open_pdf(doc.content) as pdf:
                for page in pdf.pages[: self.max_pages]:
                    if sum(1 for c in page.chars if not c["text"].isspace()) >= 2 * MIN_TEXT_WORDS:
                        return SCORE_TEXT
                return SCORE_NO_TEXT if pdf.pages else SCORE_UNREADABLE
        except ParseError:
            return SCORE_UNREADABLE
        except Exception:  # a damaged file may fail anywhere inside pdfminer
            log.debug("scoring a PDF failed", exc_info=True)
            return SCORE_UNREADABLE

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        pages, missing = self._pages(doc.content, ctx)
        if not any(p.words for p in pages):
            if missing:
                raise ParseError(
                    f"the PDF has no text layer and no OCR reader is configured ({len(missing)} page(s))"
                )
            raise ParseError("no text found on any page of the PDF, not even by OCR")
        extraction = extract_orders(pages)
        problems = list(extraction.problems)
        orders = extraction.orders
        if missing:
            unread = Problem(
                ProblemCode.UNREADABLE,
                f"page(s) {', '.join(map(str, missing))} have no text layer and no OCR reader is configured;"
                " they were not read",
                field="lines",
                severity=Severity.REVIEW,
            )
            problems.append(unread)
            orders = tuple(o.with_problems(unread) for o in orders)
        ocred = [p.number for p in pages if p.source == "ocr"]
        return ParseResult(
            format="pdf-ocr" if ocred else "pdf-text",
            orders=orders,
            problems=tuple(problems),
            error=None if orders else "; ".join(p.message for p in problems) or "no order found in the PDF",
            extra={
                "pages": tuple(pages),
                "words": sum(len(p.words) for p in pages),
                "ocr_pages": ocred,
                "unread_pages": missing,
            },
        )

    def _pages(self, content: bytes, ctx: ParseContext) -> tuple[list[PageWords], list[int]]:
        """Every page's words (text layer, else OCR); and the pages left unread for want of OCR."""
        pages = read_words(content, self.max_pages)
        blank = [p.number for p in pages if not _has_text(p)]
        if not blank:
            return pages, []
        if self.ocr is None:
            return [p for p in pages if p.number not in blank], blank
        by_number = {p.number: p for p in pages}
        for read in self.ocr.read_pdf_pages(content, blank, ctx):
            by_number[read.number] = read
        return [by_number[n] for n in sorted(by_number)], []
