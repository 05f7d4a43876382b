"""Numeric cells read again with the real Tesseract (parsers.ocr.cells), on a fax-like page the test
draws: one order line "15  12,80  192,00" whose price the page's reading took for 12,30 (an 8 read as a
3, the commonest slip on a fax; here the layout reader's result is given, so the slip is certain).

The rule, written out: the cell is cut from the page and read again alone, digits and marks only; the
re-read is kept when it makes quantity × price = amount (15 × 12.80 = 192.00), and not when the page's
own numbers do not agree (15 × 12.80 = 192.00, but the page prints 200,00): the order then keeps what
was read and goes to review for its amount."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, ProblemCode, Provenance
from core.kernel.domain.model import Decision
from parsers.layout import Extraction
from parsers.ocr import tessapi
from parsers.ocr.engine import OcrOptions, SerialTesseract
from parsers.ocr.images import PageImage
from parsers.ocr.parser import ImageOcrParser
from tests.conftest import require_tesseract
from tests.unit.validation.test_decide import Master
from validation.decide import validate

pytestmark = pytest.mark.integration
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 204
NOW = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)
CELLS = {"quantity": 1000, "unit_price": 1200, "amount": 1450}  # left edges of the three columns


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data, or skip (fail on CI)."""
    require_tesseract()


def page(amount: str) -> tuple[bytes, dict[str, tuple[float, float, float, float]]]:
    """A 1-bit fax-width page with one order line; the PNG and each number's box."""
    image = Image.new("1", (1728, 700), 1)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((120, 80), "PEDIDO PO-2026-0042", fill=0, font=font)
    draw.text((120, 200), "TOR-M8-40   Tornillo hexagonal M8", fill=0, font=font)
    boxes = {}
    for name, text in (("quantity", "15"), ("unit_price", "12,80"), ("amount", amount)):
        draw.text((CELLS[name], 200), text, fill=0, font=font)
        x0, y0, x1, y1 = draw.textbbox((CELLS[name], 200), text, font=font)
        boxes[name] = (float(x0), float(y0), float(x1), float(y1))
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    return buf.getvalue(), boxes


def misread(amount: str, boxes: dict[str, tuple[float, float, float, float]]) -> CapturedOrder:
    """What the layout reader made of the page: the price 12,80 read as 12,30, so the line fails."""
    raws = {"quantity": "15", "unit_price": "12,30", "amount": amount}
    line = CapturedLine(
        line_no="1",
        item_code="TOR-M8-40",
        description="Tornillo hexagonal M8",
        quantity=Decimal(15),
        unit="UD",
        unit_price=Decimal("12.30"),
        amount=Decimal(amount.replace(",", ".")),
    )
    evidence = tuple(
        Evidence(f"lines[0].{name}", 0.38, Provenance(page=1, box=box, raw=raws[name]))
        for name, box in boxes.items()
    )
    return CapturedOrder(
        po_number="PO-2026-0042", currency="EUR", lines=(line,), language="es", evidence=evidence
    )


class Recording(SerialTesseract):
    """The real engine, keeping what it read of each cell (reads of one line of digits)."""

    def __init__(self) -> None:
        self.cells: list[str] = []

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        read = super().read_pages(pages, options)
        if options.psm == 7 and options.whitelist:
            self.cells += ["".join(w.text for w in p.words) for p in read]
        return read


def parse(amount: str) -> tuple[CapturedOrder, Recording]:
    content, boxes = page(amount)
    engine = Recording()
    parser = ImageOcrParser(engine=engine, extract=lambda pages: Extraction((misread(amount, boxes),)))
    doc = InboundDocument(channel=Channel.FAX, content=content, received_at=NOW, original_name="fax.png")
    (order,) = parser.parse(doc, ParseContext(today=NOW)).orders
    return order, engine


def test_a_price_read_wrong_is_read_again_right_when_that_makes_the_line_agree() -> None:
    order, engine = parse("192,00")
    assert "12,80" in engine.cells  # the price cell, read alone
    (line,) = order.lines
    assert (line.quantity, line.unit_price, line.amount) == (Decimal(15), Decimal("12.80"), Decimal("192.00"))
    price = order.evidence_for("lines[0].unit_price")
    assert price is not None and price.provenance.raw == "12,80"
    problems = validate(order, Master(), date(2026, 11, 26)).problems
    assert not [p for p in problems if p.code is ProblemCode.AMOUNT_MISMATCH]


def test_a_reread_that_does_not_make_the_line_agree_is_rejected_and_the_order_waits() -> None:
    order, engine = parse("200,00")  # the page itself does not add up: 15 × 12,80 is 192,00
    assert "12,80" in engine.cells  # read right, and still not taken: it does not make the line agree
    (line,) = order.lines
    assert line.unit_price == Decimal("12.30")  # as the page's reading had it
    resolved = validate(order, Master(), date(2026, 11, 26))
    assert any(
        p.code is ProblemCode.AMOUNT_MISMATCH and p.field == "lines[0].amount" for p in resolved.problems
    )
    assert resolved.decision is Decision.REVIEW


def test_a_digits_only_read_leaves_no_whitelist_behind(tmp_path: Path) -> None:
    if not tessapi.available():
        pytest.skip("tesserocr is not installed: every read spawns the command")
    image = Image.new("L", (700, 90), 255)
    ImageDraw.Draw(image).text((20, 20), "TORNILLO 1234", fill=0, font=ImageFont.truetype(str(FONT), 40))
    path = tmp_path / "line.png"
    image.save(path)
    digits = tessapi.image_to_data(
        path, "eng+spa", "--psm 7 --dpi 300 -c tessedit_char_whitelist=0123456789", 60
    )
    plain = tessapi.image_to_data(path, "eng+spa", "--psm 7 --dpi 300", 60)
    assert not any(c.isalpha() for t in digits["text"] for c in str(t))
    assert "TORNILLO" in [str(t) for t in plain["text"]]
