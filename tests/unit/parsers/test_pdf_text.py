"""The text-layer PDF reader on generated orders: every layout in both languages reads to the truth,
number and date conventions, bad PDFs, pages without text, and arithmetic that does not add up."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen.canvas import Canvas

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from core.capture.domain.layout import PageWords, Word
from core.kernel.errors import ParseError
from parsers.base import ParserRegistry
from parsers.pdf_text import PdfTextParser
from samples.orders_gen import LAYOUTS, OrderSpec, generate, make, render
from samples.orders_gen.check import differences, ship_to_errors
from tests.unit.parsers.pdf_support import extract, parse


def spec_in(layout: str, language: str) -> OrderSpec:
    """The first generated order of `layout` in `language`."""
    for seed in range(200):
        spec = make(layout, f"lang:{seed}")
        if spec.language == language:
            return spec
    raise AssertionError(f"no {layout} order in {language}")


def assert_reads_exactly(spec: OrderSpec) -> dict[str, object]:
    order = render(spec)
    out = extract(order.pdf)
    assert out["format"] == "pdf-text" and out["error"] is None
    [got] = out["orders"]  # type: ignore[misc]
    assert differences(order.truth, got) == []
    assert ship_to_errors(order.truth, got) == []
    assert got["decision"] == "accept", got["problems"]
    return got  # type: ignore[no-any-return]


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_in_both_languages_reads_to_the_truth(layout: str, language: str) -> None:
    got = assert_reads_exactly(spec_in(layout, language))
    assert got["customer_id"] in ("C-1001", "C-1002", "C-2001")
    assert all(line["sku"] for line in got["lines"])  # type: ignore[union-attr]


def test_a_batch_of_generated_orders_is_read_exactly_and_accepted() -> None:
    for order in generate(24, seed=11):
        [got] = extract(order.pdf)["orders"]
        assert differences(order.truth, got) == [], order.name
        assert got["decision"] == "accept", (order.name, got["problems"])


def test_spanish_accents_survive() -> None:
    spec = spec_in("ruled", "es")
    got = assert_reads_exactly(spec)
    assert "ñ" in str(got["buyer"]) or "í" in str(got["buyer"])  # Ferretería Núñez, Bricolaje Galicia
    assert got["lines"][0]["description"] == spec.lines[0].description  # type: ignore[index]


@pytest.mark.parametrize(
    ("decimal", "thousands", "date_format", "long_us"),
    [
        (",", True, "dmy_slash", False),  # 1.234,56  26/11/2026
        (",", False, "dmy_dot", False),  # 1234,56  26.11.2026
        (".", True, "iso", False),  # 1,234.56  2026-11-26
        (".", False, "long", True),  # November 26, 2026 / 26 de noviembre de 2026
        (",", True, "long", False),  # 26 November 2026
        (".", True, "dmy_dot_short", False),  # 26.11.26
    ],
)
@pytest.mark.parametrize("language", ["es", "en"])
def test_number_and_date_conventions(
    decimal: str, thousands: bool, date_format: str, long_us: bool, language: str
) -> None:
    spec = spec_in("borderless", language)
    spec.style = replace(
        spec.style, decimal=decimal, thousands=thousands, date_format=date_format, long_us=long_us
    )
    spec.lines[0].quantity *= 10  # a quantity over a thousand, so the thousands separator shows
    assert_reads_exactly(spec)


def test_a_total_that_does_not_add_up_goes_to_review_naming_the_total() -> None:
    spec = spec_in("ruled", "es")
    spec.printed_total = spec.total + 10
    [got] = extract(render(spec).pdf)["orders"]
    assert got["decision"] == "review"
    # with VAT printed, the sum the lines disagree with is the net total above it
    named = "net_total" if spec.show_vat else "total"
    assert ("total_mismatch", named) in {(p["code"], p["field"]) for p in got["problems"]}


def test_a_line_whose_amount_is_not_quantity_times_price_goes_to_review_naming_it() -> None:
    spec = spec_in("boxed", "en")
    line = spec.lines[0]
    line.printed_amount = line.amount + 1
    [got] = extract(render(spec).pdf)["orders"]
    assert got["decision"] == "review"
    fields = {(p["code"], p["field"]) for p in got["problems"]}
    assert ("amount_mismatch", "lines[0].amount") in fields
    assert ("low_confidence", "lines[0].quantity") in fields  # the reading itself is in doubt


def ctx_now() -> datetime:
    return datetime(2026, 11, 26, 9, tzinfo=UTC)


def _pdf(pages: int, *, text: bool = True, encrypt: str | None = None) -> bytes:
    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(encrypt, canPrint=0) if encrypt else None
    canvas = Canvas(buf, invariant=True, encrypt=enc)
    for n in range(pages):
        if text:
            canvas.drawString(72, 720, f"Page {n + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


EMPTY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_pdf(1, encrypt="secret"), "encrypted"),
        (generate(1, seed=3)[0].pdf[:5000], "damaged"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "damaged"),
        (EMPTY_PDF, "no pages"),
        (_pdf(500), "500 pages; at most 50"),
    ],
    ids=["encrypted", "truncated", "garbage", "no-pages", "500-pages"],
)
def test_bad_pdfs_give_a_clear_error(content: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse(content)
    doc = InboundDocument(Channel.UPLOAD, content, ctx_now(), "bad.pdf")
    result = ParserRegistry([PdfTextParser()]).parse(doc, ParseContext(today=ctx_now()))
    assert result.format == "pdf-text" and result.error is not None and message.split(";")[0] in result.error


def test_the_page_limit_is_configurable() -> None:
    with pytest.raises(ParseError, match="3 pages; at most 2"):
        parse(_pdf(3), PdfTextParser(max_pages=2))


def test_score_prefers_pdfs_with_text() -> None:
    parser = PdfTextParser()

    def score(content: bytes) -> int | None:
        return parser.score(InboundDocument(Channel.UPLOAD, content, ctx_now()))

    assert score(generate(1, seed=3)[0].pdf) == 90
    assert score(_pdf(2, text=False)) == 10  # an image-only PDF is for the OCR reader
    assert score(_pdf(1, encrypt="secret")) == 30  # still ours to explain
    assert score(b"UNA:+.? 'UNB+UNOC:3") is None


def test_without_ocr_a_page_without_text_is_a_problem_on_the_order() -> None:
    spec = spec_in("ruled", "es")
    spec.extras["blank_pages"] = 1
    out = extract(render(spec).pdf)
    [got] = out["orders"]
    assert out["format"] == "pdf-text"
    assert got["decision"] == "review"
    assert any(p["code"] == "unreadable" and "page(s) 2" in p["message"] for p in got["problems"])


class FakePageOcr:
    """Stands in for Tesseract at the edge: 'reads' the pages it is asked for."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def read_pdf_pages(self, content: bytes, pages: Sequence[int], ctx: ParseContext) -> list[PageWords]:
        self.asked += list(pages)
        words = (Word("Observaciones:", 100, 300, 400, 340, 0.9),)
        return [PageWords(n, 2480, 3508, 300, words, "ocr") for n in pages]


def test_pages_without_text_go_to_ocr_page_by_page() -> None:
    spec = spec_in("ruled", "en")
    spec.extras["blank_pages"] = 2
    ocr = FakePageOcr()
    result = parse(render(spec).pdf, PdfTextParser(ocr=ocr))
    assert ocr.asked == [2, 3]
    assert result.format == "pdf-ocr"
    assert [p.source for p in result.extra["pages"]] == ["text", "ocr", "ocr"]  # type: ignore[attr-defined]
    assert len(result.orders) == 1 and not result.orders[0].problems
