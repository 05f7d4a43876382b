"""Reading faxes with the real Tesseract: both resolutions, image-only PDFs, the page pool, bad input."""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.pdfgen import canvas

from core.capture.domain.documents import Channel, DocumentState, InboundDocument, ParseContext
from core.capture.domain.layout import PageWords
from oms.bootstrap import App
from oms.ocr import PooledTesseract
from parsers.layout import Extraction
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import Limits, load_pages
from parsers.ocr.parser import ImageOcrParser, PdfOcrParser
from samples.faxsim import FaxLine, fax_pdf, fax_tiff
from samples.orders_gen import GeneratedOrder, make, render
from tests.conftest import require_tesseract
from tests.integration.helpers import arrive, document, drain
from tests.unit.ocr.support import order_pdf, png_header

pytestmark = pytest.mark.integration
NOW = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data, or skip (fail on CI)."""
    require_tesseract()


@pytest.fixture(scope="module")
def order() -> GeneratedOrder:
    """A one-page Spanish order from Ferretería Núñez (customer C-1001, fax +34 912 345 678)."""
    for seed in range(40):
        spec = make("boxed", seed)
        if spec.customer.customer_id == "C-1001" and len(spec.lines) <= 4:
            return render(spec, seed)
    raise AssertionError("no suitable generated order")


class Keep:
    """An extractor that keeps the pages it is given and finds no order."""

    def __init__(self) -> None:
        self.pages: list[PageWords] = []

    def __call__(self, pages: Sequence[PageWords]) -> Extraction:
        self.pages = list(pages)
        return Extraction(())


def fax_doc(content: bytes, name: str = "fax.tif") -> InboundDocument:
    return InboundDocument(channel=Channel.FAX, content=content, received_at=NOW, original_name=name)


def text(pages: Sequence[PageWords]) -> str:
    return " ".join(w.text for p in pages for w in p.words)


@pytest.mark.parametrize("resolution", ["fine", "normal"])
def test_both_fax_resolutions_are_read(order: GeneratedOrder, resolution: str) -> None:
    keep = Keep()
    tiff = fax_tiff(order.pdf, FaxLine(resolution=resolution, seed=5, sender="+34 912 345 678"))
    result = ImageOcrParser(extract=keep).parse(fax_doc(tiff), ParseContext(today=NOW))
    assert result.format == "tiff-ocr"
    assert result.sender == "+34912345678"  # from the header line, which the layout reader never sees
    (page,) = keep.pages
    assert (page.source, page.dpi, page.width) == ("ocr", 204.0, 1728.0)
    assert page.height > 2200  # a normal fax's rows doubled to square pixels
    assert order.truth["po_number"] in text(keep.pages)
    assert "FROM" not in text(keep.pages).split()
    assert all(0 <= w.confidence <= 1 and 0 <= w.x0 < w.x1 <= page.width for w in page.words)
    assert "no order found" in (result.error or "")


def test_image_only_pdf_is_read_by_pdf_ocr(order: GeneratedOrder) -> None:
    keep = Keep()
    pdf = fax_pdf(order.pdf, FaxLine(resolution="fine", seed=6))
    parser = PdfOcrParser(extract=keep)
    doc = fax_doc(pdf, "fax.pdf")
    assert parser.score(doc) == 70
    assert parser.score(fax_doc(order.pdf, "text.pdf")) == 5  # a text PDF is the text reader's
    parser.parse(doc, ParseContext(today=NOW))
    assert order.truth["po_number"] in text(keep.pages)


def test_the_pool_reads_pages_in_parallel_and_in_order() -> None:
    pages = load_pages(fax_tiff(order_pdf(pages=2), FaxLine(seed=8)), Limits())
    pool = PooledTesseract(workers=2)
    try:
        read = pool.read_pages(pages, OcrOptions())
    finally:
        pool.close()
    assert [p.number for p in read] == [1, 2]
    assert "Página 1" in text(read[:1]) and "Página 2" in text(read[1:])


def _photo() -> bytes:
    """A holiday snap: sky, sea, sun and a boat; no order in it."""
    rng = random.Random(4)
    img = Image.new("RGB", (1200, 900), (120, 170, 230))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 520, 1200, 900), fill=(30, 90, 150))
    draw.ellipse((880, 90, 1020, 230), fill=(250, 220, 90))
    draw.polygon([(380, 560), (640, 560), (600, 620), (420, 620)], fill=(150, 60, 40))
    for _ in range(4000):
        x, y = rng.randrange(1200), rng.randrange(520, 900)
        draw.point((x, y), fill=(200, 220, 240))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def _long_pdf(pages: int) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n in range(pages):
        c.drawString(72, 720, f"page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_bad_input_is_quarantined_with_its_reason_and_the_worker_goes_on(app: App) -> None:
    bad = {
        "bomb.png": (png_header(20_000, 20_000), "decompression bomb"),
        "long.pdf": (_long_pdf(500), "has 500 pages; at most 50"),
        "locked.pdf": (order_pdf(encrypt="s3cret"), "encrypted"),
        "broken.pdf": (b"%PDF-1.4\n1 0 obj <</Type /Catalog" + b"\x00" * 100, "damaged"),
        "photo.jpg": (_photo(), "no"),  # no text found / no order found
    }
    ids = {name: arrive(app, content, name, Channel.FAX) for name, (content, _) in bad.items()}
    good = arrive(app, fax_tiff(order_pdf(), FaxLine(seed=9)), "after.tif", Channel.FAX)
    drain(app)
    for name, (_, reason) in bad.items():
        record = document(app, ids[name])
        assert record.state is DocumentState.QUARANTINED, name
        assert record.error and reason in record.error, (name, record.error)
    photo = document(app, ids["photo.jpg"])
    assert photo.error and ("no text found" in photo.error or "no order found" in photo.error)
    after = document(app, good)
    assert after.state.finished and after.format == "tiff-ocr"  # read, though (no order in it) quarantined
    assert after.sender == "+34912345678"  # from the header line, stored on the document


def test_customers_are_found_by_fax_number_in_the_database(demo_app: App) -> None:
    with demo_app.uow() as uow:
        found = {
            n: getattr(uow.master.customer_by_fax(n), "customer_id", None)
            for n in (
                "+34 912 345 678",
                "0034912345678",
                "912345678",
                "+44 20 7946 0123",
                "00442079460123",
                "+34 999 999 999",
                "fax",
            )
        }
    assert found == {
        "+34 912 345 678": "C-1001",
        "0034912345678": "C-1001",
        "912345678": "C-1001",
        "+44 20 7946 0123": "C-2001",
        "00442079460123": "C-2001",
        "+34 999 999 999": None,
        "fax": None,
    }


def test_oversized_image_is_refused_by_the_parser_before_any_ocr(tmp_path: Path) -> None:
    calls = []

    class Engine:
        def read_pages(self, pages, options):  # type: ignore[no-untyped-def]
            calls.append(pages)
            return []

    result_error = None
    from parsers.base import ParserRegistry

    registry = ParserRegistry([ImageOcrParser(Engine())])
    result_error = registry.parse(
        fax_doc(png_header(20_000, 20_000), "bomb.png"), ParseContext(today=NOW)
    ).error
    assert result_error and "decompression bomb" in result_error
    assert calls == []
