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

from PIL import Image

from core.capture.domain.documents import InboundDocument, ParseContext, ParseResult
from core.capture.domain.layout import PageWords
from core.kernel.domain.phone import normalise_phone, plausible
from core.kernel.errors import ParseError
from parsers.layout import Extraction, extract_orders
from parsers.layout.carried_again import added_up_again
from parsers.ocr import bands, cells, codes, cutouts, labels, letter_case, lookalike, recheck, years
from parsers.ocr.dated_cells import date_ways, reread_line_dates
from parsers.ocr.engine import OcrOptions, PageOcr, SerialTesseract, normal_fax
from parsers.ocr.faxheader import FaxHeader, find_header, line_text, sender_in, strip_headers
from parsers.ocr.geometry import Orientation, turn
from parsers.ocr.images import Limits, PageImage, image_description, load_pages, sniff
from parsers.ocr.past_cents import cut_past_cents
from parsers.ocr.pdf import hidden_text_only, open_pdf, rasterise, text_chars
from parsers.ocr.preprocess import prepare
from parsers.ocr.turned_fax import LEGIBLE_MIN_WORDS, LEGIBLE_SHARE, legibility, legible
from parsers.ocr.two_faced import settle_by_rereads

log = logging.getLogger(__name__)

# Page words -> the orders on them: the layout-independent reader (parsers.layout) unless injected.
Extractor = Callable[[Sequence[PageWords]], Extraction]
PDF_TEXT_CHARS = 20  # a page with fewer characters in its text layer counts as scanned
HEADER_PAD = 0.04  # inches above and below the header line when it is read again alone
# A normal fax page fed on its side has its lines running down the fax's rows, 98 an inch, on a sheet
# shrunk to the fax's width: upright, about 70 dots an inch along the line.  Tesseract's automatic
# layout (--psm 3) drops much of such a page as noise; when it gave no order, the page is read again as
# one block of lines (--psm 6), which reads half as many words again (docs/fax.md, faxpage1).  Not
# always: where --psm 3 read such a page into an order, --psm 6 read its header worse.
SIDEWAYS_NORMAL_PSM = 6


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
        return self._turned_as_the_others(images, self.engine.read_pages(images, options), options)

    def _turned_as_the_others(
        self, images: Sequence[PageImage], pages: list[PageWords], options: OcrOptions
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
            again = self._read_turned(image, quarters, options)
            if legibility(again) > legibility(first):
                out[i] = again
        return out

    def _read_turned(self, image: PageImage, quarters: int, options: OcrOptions) -> PageWords:
        """The fax page `image` read turned `quarters` quarter turns counter-clockwise, healed along
        the fax's own rows before the turn (`_healed_and_turned`)."""
        again = _healed_and_turned(image, Orientation(quarters))
        unhealed = replace(
            options,
            preprocess=tuple(s for s in options.preprocess if s != "heal"),
            preprocess_normal=tuple(s for s in options.preprocess_normal if s != "heal"),
            orient=False,
            deskew=False,
        )
        (words,) = self.engine.read_pages([again], unhealed)
        return replace(words, rotation=90.0 * quarters)

    def _header_sender(
        self, image: PageImage, page: PageWords, header: FaxHeader | None, ctx: ParseContext
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
        options = replace(
            self._options(ctx),
            psm=7,
            preprocess=("heal", "upscale"),
            fill_holes=False,
            orient=False,
            deskew=False,
            flatten=False,
        )
        (words,) = self.engine.read_pages([strip], options)
        again = normalise_phone(sender_in(line_text(sorted(words.words, key=lambda w: w.x0))))
        return again if plausible(again) else None

    def _sideways_as_block(
        self, images: Sequence[PageImage], read: tuple[PageWords, ...], ctx: ParseContext
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
        options = replace(
            self._options(ctx),
            psm=SIDEWAYS_NORMAL_PSM,
            preprocess_normal=tuple(s for s in self.options.preprocess_normal if s != "heal"),
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
            again = _healed_and_turned(image, Orientation.from_degrees(first.rotation), blank_above=blank)
            (words,) = self.engine.read_pages([again], options)
            kept = header.words if header is not None else ()
            pages[i] = replace(words, words=kept + words.words, rotation=first.rotation)
        return tuple(pages)

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
            sender = self._header_sender(images[0], read[0], header, ctx)
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
            block = self._sideways_as_block(images, read, ctx)
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


def _healed_and_turned(
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
