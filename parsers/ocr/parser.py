"""The OCR parsers: "tiff-ocr" for fax TIFFs and scanned PNG/JPEG, "pdf-ocr" for image-only PDFs.

Both decode the pages within limits, read them with an injected page-OCR engine, take the fax header
line off each page (its number is the sender when the fax server gave none) and hand the words to
the layout reader, which finds the orders.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from core.capture.domain.documents import InboundDocument, ParseContext, ParseResult
from core.capture.domain.layout import PageWords
from core.kernel.domain.phone import normalise_phone, plausible
from core.kernel.errors import ParseError
from parsers.layout import Extraction, extract_orders
from parsers.layout.carried_again import added_up_again
from parsers.ocr import bands, cells, codes, cutouts, labels, letter_case, lookalike, recheck, years
from parsers.ocr.dated_cells import date_ways, reread_line_dates
from parsers.ocr.engine import OcrOptions, PageOcr, SerialTesseract
from parsers.ocr.faxheader import find_header, strip_headers
from parsers.ocr.header_strip import header_sender
from parsers.ocr.images import Limits, PageImage, image_description, load_pages, sniff
from parsers.ocr.past_cents import cut_past_cents
from parsers.ocr.pdf import hidden_text_only, open_pdf, rasterise, text_chars
from parsers.ocr.turned_pages import sideways_as_block, turned_as_the_others
from parsers.ocr.two_faced import settle_by_rereads

log = logging.getLogger(__name__)

# Page words -> the orders on them: the layout-independent reader (parsers.layout) unless injected.
Extractor = Callable[[Sequence[PageWords]], Extraction]
PDF_TEXT_CHARS = 20  # a page with fewer characters in its text layer counts as scanned


class _OcrParser:
    name = "ocr"

    def __init__(
        self,
        engine: PageOcr | None = None,
        extract: Extractor = extract_orders,
        limits: Limits | None = None,
        options: OcrOptions | None = None,
    ) -> None:
        self.engine: PageOcr = engine or SerialTesseract()
        self.extract = extract
        self.limits = limits or Limits()
        self.options = options or OcrOptions()

    def _options(self, ctx: ParseContext) -> OcrOptions:
        return replace(self.options, languages=tuple(ctx.languages) or self.options.languages)

    def read_words(self, images: Sequence[PageImage], ctx: ParseContext) -> list[PageWords]:
        options = self._options(ctx)
        return turned_as_the_others(self.engine, images, self.engine.read_pages(images, options), options)

    def _result(
        self,
        images: Sequence[PageImage],
        pages: list[PageWords],
        ctx: ParseContext,
        stated: str | None,
        received: date,
    ) -> ParseResult:
        """Orders from the words; the sending number (stated, else the header's) goes on each as the
        buyer's fax.  `stated` is what the fax server said (sidecar or TIFF tag); `received` the day
        the document arrived, against which the header line's sending day is checked."""
        read = tuple(pages)
        header = find_header(pages[0])
        sent = years.sent_on([h.text for p in pages if (h := find_header(p)) is not None], received)
        pages, _ = strip_headers(pages)
        sender = normalise_phone(stated)
        if not plausible(sender):
            sender = header_sender(self.engine, images[0], read[0], header, self._options(ctx))
        words = sum(len(p.words) for p in pages)
        extra: dict[str, object] = {
            "pages": read,  # every word as read, for the review screen's boxes
            "words": words,
            "ocr_confidence": round(sum(p.mean_confidence for p in pages) / len(pages), 3),
        }
        if words == 0:
            return ParseResult(
                format=self.name, error=f"no text found on {len(pages)} page(s)", sender=sender, extra=extra
            )
        extraction = self.extract(pages)
        if not extraction.orders and self.options.reread_numbers:
            block = sideways_as_block(self.engine, images, read, self._options(ctx))
            if block is not None:
                stripped, _ = strip_headers(list(block))
                second = self.extract(stripped)
                if second.orders:
                    read, pages, extraction = block, stripped, second
                    extra["pages"] = read
        if self.options.reread_numbers and extraction.orders:
            # a normal fax's rows lost or read without their figures, read again by their band: first,
            # so that the number cells, header fields and codes below are those of the rows as kept
            way = bands.way_to_read(self.engine.read_pages, self._options(ctx))
            extraction, pages = bands.reread_rows(extraction, images, pages, way, self.extract)
            # a label OCR garbled beside the value of a field the order lacks, read again alone
            extraction = labels.reread_labels(extraction, images, pages, way, self.extract)
        orders = list(extraction.orders)
        if not orders:
            return ParseResult(
                format=self.name,
                problems=extraction.problems,
                error=f"no order found: read {words} words on {len(pages)} page(s), but nothing that"
                " reads as a purchase order (no order number, no line items)",
                sender=sender,
                extra=extra,
            )
        orders = recheck.doubt_parted(orders, pages)
        if self.options.reread_numbers:
            reads = cutouts.ways_to_read(self.engine.read_pages, self._options(ctx))
            orders = cells.reread_numbers(
                orders, images, pages, reads, extraction.bases, extraction.quantities
            )
            orders = [cut_past_cents(o) for o in orders]
            again = cutouts.ways_to_read(self.engine.read_pages, self._options(ctx), whitelist="")
            spare = recheck.spare_way(self.engine.read_pages, self._options(ctx))
            orders = recheck.confirm(orders, extraction.rechecks, images, pages, again, spare)
            orders = settle_by_rereads(orders, extraction.rechecks, images, pages, again, spare)
            # a carried-forward subtotal the first reading's amounts missed, met by the amounts read again
            orders = added_up_again(orders, extraction.carried)
            orders = codes.reread_codes(
                orders, images, pages, codes.ways_to_read(self.engine.read_pages, self._options(ctx))
            )
            # a line's date read unsure that another line prints read sure: its cell read again narrowly
            orders = reread_line_dates(
                orders, images, pages, date_ways(self.engine.read_pages, self._options(ctx))
            )
        # after the re-reads: a reading of a value's own box cannot see the ink dropped beside it
        orders = recheck.doubt_dropped_ink(orders, pages)
        # whatever the re-reads said: they tell a small letter from its capital by height no better
        orders = letter_case.doubt_small_capitals(orders)
        if self.options.reread_numbers:
            # after the re-reads: a field they vouched for is still printed once, its figures unpinned.
            # Last of the doubts (each only lowers a field, so their order leaves every confidence as it
            # was): a number it holds for its slash alone (`ProblemCode.SLASH_OR_SEVEN`) was doubted by
            # nothing else, and the customer's format lifting that hold lifts no other doubt
            looks = lookalike.ways_to_read(self.engine.read_pages, self._options(ctx))
            orders = lookalike.doubt_lookalikes(orders, images, pages, looks, sent)
        # after the re-reads: a second reading vouches for the figures as printed, not for a year mended
        orders = years.mend_years(orders, sent)
        if sender:
            orders = [replace(o, buyer=replace(o.buyer, fax=sender)) for o in orders]
        return ParseResult(
            format=self.name, orders=tuple(orders), problems=extraction.problems, sender=sender, extra=extra
        )


class ImageOcrParser(_OcrParser):
    """Fax TIFFs (G3/G4, normal and fine resolution) and scanned PNG or JPEG images."""

    name = "tiff-ocr"

    def score(self, doc: InboundDocument) -> int | None:
        kind = sniff(doc.content)
        if kind == "tiff":
            return 80
        if kind in ("png", "jpeg"):
            return 60
        return None

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        images = load_pages(doc.content, self.limits)
        stated = doc.sender or image_description(doc.content)
        return self._result(images, self.read_words(images, ctx), ctx, stated, doc.received_at.date())


class PdfOcrParser(_OcrParser):
    """PDFs without a text layer: every page rendered and read by OCR."""

    name = "pdf-ocr"

    def score(self, doc: InboundDocument) -> int | None:
        """70 for a PDF of scanned pages; 95 when its only text is a scanning app's invisible OCR layer
        (ahead of the text-layer reader's 90: that layer holds the app's misreadings); 5 otherwise."""
        if sniff(doc.content) != "pdf":
            return None
        try:
            with open_pdf(doc.content, self.limits) as pdf:
                pages = range(len(pdf))
                if all(hidden_text_only(pdf, i) for i in pages):
                    return 95
                scanned = all(text_chars(pdf, i) < PDF_TEXT_CHARS for i in pages)
        except ParseError:
            return 20  # unreadable: still ours to explain, unless a text reader claims it
        return 70 if scanned else 5

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        images = rasterise(doc.content, self.limits)
        return self._result(images, self.read_words(images, ctx), ctx, doc.sender, doc.received_at.date())


class PdfPageReader:
    """OCR for chosen pages of a PDF: what a text-layer reader calls for its pages without text."""

    def __init__(self, engine: PageOcr | None = None, limits: Limits | None = None) -> None:
        self.engine: PageOcr = engine or SerialTesseract()
        self.limits = limits or Limits()

    def read_pdf_pages(self, content: bytes, pages: Sequence[int], ctx: ParseContext) -> list[PageWords]:
        images = rasterise(content, self.limits, pages)
        options = OcrOptions(languages=tuple(ctx.languages))
        return self.engine.read_pages(images, options)
