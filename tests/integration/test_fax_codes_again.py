"""Item codes of a normal-resolution fax read again with the real Tesseract (parsers.ocr.codes), on a page
the test draws: "TOR-M8-40" printed, sent at 204 × 98 dpi.  The layout reader's result is given, with
the code read unsure and wrong ("TOR-MA-40"), as normal faxes misread codes.

The rule, written out: a code read unsure on a normal-resolution page is cut out and read again alone;
what that says joins the line's other readings of its code, which resolution tries when the code as
read names no product (and takes only when the description names that product too).  The code as read
is never changed; a code read sure, a number such as a GTIN, or a code on a fine page is not read
again."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, Provenance
from parsers.layout import Extraction
from parsers.ocr.parser import ImageOcrParser
from tests.conftest import require_tesseract
from tests.integration.test_fax_number_cells import FONT, Recording

pytestmark = pytest.mark.integration
NOW = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)
PRINTED = "TOR-M8-40"


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data, or skip (fail on CI)."""
    require_tesseract()


def page(rows_per_inch: int, printed: str = PRINTED) -> tuple[bytes, tuple[float, float, float, float]]:
    """A 1-bit fax-width page with a table row, sent with `rows_per_inch` rows (98 normal, 196 fine);
    the PNG and the code's box in the page with its rows squared to 204 dpi."""
    image = Image.new("L", (1728, 400), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((120, 150), printed, fill=0, font=font)
    draw.text((420, 150), "Tornillo hexagonal M8x40", fill=0, font=font)
    draw.text((900, 150), "250", fill=0, font=font)
    box = tuple(float(v) for v in draw.textbbox((120, 150), printed, font=font))
    sent = image.resize((1728, 400 * rows_per_inch // 204), Image.Resampling.BOX)
    bits = sent.point(lambda v: 255 if v > 140 else 0).convert("1", dither=Image.Dither.NONE)
    buf = io.BytesIO()
    bits.save(buf, format="PNG", dpi=(204, rows_per_inch))
    return buf.getvalue(), box  # type: ignore[return-value]


def parse(
    rows_per_inch: int, confidence: float, printed: str = PRINTED, captured: str = "TOR-MA-40"
) -> CapturedOrder:
    content, box = page(rows_per_inch, printed)
    line = CapturedLine(line_no="1", item_code=captured, quantity=Decimal(250), description="Tornillo")
    found = Evidence("lines[0].item_code", confidence, Provenance(page=1, box=box, raw=captured))
    order = CapturedOrder(po_number="PO-1", lines=(line,), evidence=(found,))
    parser = ImageOcrParser(engine=Recording(), extract=lambda pages: Extraction((order,)))
    doc = InboundDocument(channel=Channel.FAX, content=content, received_at=NOW, original_name="fax.png")
    (got,) = parser.parse(doc, ParseContext(today=NOW)).orders
    return got


def test_an_unsure_code_on_a_normal_fax_is_read_again_into_its_readings() -> None:
    (line,) = parse(98, 0.6).lines
    assert line.item_code == "TOR-MA-40"  # never changed by a re-read
    assert PRINTED in line.code_readings


def test_a_code_read_sure_is_not_read_again() -> None:
    (line,) = parse(98, 0.95).lines
    assert line.code_readings == ()


def test_a_code_on_a_fine_fax_is_not_read_again() -> None:
    (line,) = parse(196, 0.6).lines
    assert line.code_readings == ()


def test_a_gtin_read_unsure_is_not_read_again() -> None:
    # one digit from a GTIN are the GTINs of the maker's other products: readings of a re-read would
    # name several and leave unresolved a line the code as read resolves
    (line,) = parse(98, 0.1, printed="8437000100102", captured="g437000100102").lines
    assert line.code_readings == ()


def test_a_code_read_with_middling_confidence_is_read_again() -> None:
    # 0.85 passes validation's floor, but on normal faxes codes read that sure were misread nearly as
    # often as those under it ("BRI-NY-260" for "BRI-NY-200" at 0.84): it is read again too
    (line,) = parse(98, 0.85).lines
    assert line.item_code == "TOR-MA-40"
    assert PRINTED in line.code_readings
