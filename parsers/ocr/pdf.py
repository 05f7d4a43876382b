"""Rasterising PDF pages for OCR with PDFium, refusing encrypted, damaged, empty or oversized documents.

A page that is one scanned image (what fax-to-PDF gateways and scanners write) is rendered at the
image's own resolution, never below `MIN_DPI`; any other page at `DEFAULT_DPI`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from core.kernel.errors import ParseError
from parsers.ocr.images import Limits, PageImage

DEFAULT_DPI = 300.0
MIN_DPI = 200.0
MAX_DPI = 400.0
_EMPTY_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\s*/Kids\s*\[\s*\]")


@contextmanager
def open_pdf(content: bytes, limits: Limits) -> Iterator[pdfium.PdfDocument]:
    """The document, open; a clear ParseError for encrypted, damaged, empty or too long ones."""
    try:
        doc = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as exc:
        # PDFium's error code is the last one it set, possibly for another document: ask the bytes too
        if b"/Encrypt" in content:
            raise ParseError("the PDF is encrypted with a password; it cannot be read without it") from exc
        if _EMPTY_PAGE_TREE.search(content):  # PDFium refuses a document whose page tree is empty
            raise ParseError("the PDF has no pages") from exc
        raise ParseError(f"the PDF is damaged and cannot be opened ({exc})") from exc
    try:
        count = len(doc)
        if count == 0:
            raise ParseError("the PDF has no pages")
        if count > limits.max_pages:
            raise ParseError(
                f"the PDF has {count} pages; at most {limits.max_pages} are read (OMS_MAX_PAGES)"
            )
        yield doc
    finally:
        doc.close()


def text_chars(doc: pdfium.PdfDocument, index: int) -> int:
    """How many characters the page's text layer holds (0 for a scanned page)."""
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            return sum(1 for c in textpage.get_text_range() if not c.isspace())
        finally:
            textpage.close()
    finally:
        page.close()


def hidden_text_only(doc: pdfium.PdfDocument, index: int) -> bool:
    """Whether the page's only text is invisible (render mode 3): the OCR layer a scanning app lays
    under its page image, which holds that app's misreadings rather than what is printed."""
    page = doc[index]
    try:
        modes = {
            pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=3)
        }
    finally:
        page.close()
    return modes == {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE}


def _image_dpi(page: pdfium.PdfPage) -> float | None:
    """The horizontal resolution of the page's only image, when the page is a single scanned image."""
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if len(images) != 1:
        return None
    try:
        meta = images[0].get_metadata()
    except pdfium.PdfiumError:
        return None
    dpi = max(float(meta.horizontal_dpi), float(meta.vertical_dpi))
    return dpi if dpi > 0 else None


def render_dpi(page: pdfium.PdfPage, limits: Limits) -> float:
    """The resolution to render at: the scan's own (within bounds), lowered to keep within the pixel limit."""
    width, height = page.get_size()  # points
    if width <= 0 or height <= 0:
        raise ParseError("a PDF page has no size")
    dpi = min(MAX_DPI, max(MIN_DPI, _image_dpi(page) or DEFAULT_DPI))
    pixels = (width / 72 * dpi) * (height / 72 * dpi)
    if pixels > limits.max_pixels:
        dpi *= (limits.max_pixels / pixels) ** 0.5
    if dpi < 100:
        raise ParseError(
            f"a PDF page of {width / 72:.0f} x {height / 72:.0f} inches is too large to read"
            " at a useful resolution"
        )
    return dpi


def rasterise(content: bytes, limits: Limits, pages: Sequence[int] | None = None) -> list[PageImage]:
    """The pages (1-based numbers; all when None) as grey images for OCR."""
    out: list[PageImage] = []
    with open_pdf(content, limits) as doc:
        numbers = list(pages) if pages is not None else list(range(1, len(doc) + 1))
        for number in numbers:
            page = doc[number - 1]
            try:
                dpi = render_dpi(page, limits)
                bitmap = page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True)
                image = bitmap.to_pil().convert("L")
            except pdfium.PdfiumError as exc:
                raise ParseError(f"page {number} of the PDF cannot be rendered ({exc})") from exc
            finally:
                page.close()
            out.append(PageImage.from_image(number, image, dpi))
    return out
