"""An order date printed in words read again with the real Tesseract (parsers.ocr.recheck), on a
fax-like page the test draws: "Fecha:  24 Noviembre, 2026".  The layout reader's result is given, the
date read unsure and offered for a second look with its three words (parsers.layout.recheck).

The rule: the words are cut from the page together and read again; when every reading says the same
words as the page's reading (spaces aside), each with confidence, the date is vouched for.  A date
the page's reading got wrong ("2025" for 2026) reads again as printed, which is not what was captured:
it stays in doubt."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout import Extraction
from parsers.layout.recheck import Recheck
from parsers.ocr.parser import ImageOcrParser
from tests.conftest import require_tesseract
from tests.integration.test_fax_number_cells import FONT, Recording

pytestmark = pytest.mark.integration
DPI = 204
NOW = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)
UNSURE = 0.49
PRINTED = "24 Noviembre, 2026"


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data, or skip (fail on CI)."""
    require_tesseract()


def parse(captured: str, value: date) -> CapturedOrder:
    image = Image.new("1", (1728, 400), 1)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((120, 80), "Fecha:", fill=0, font=font)
    draw.text((300, 80), PRINTED, fill=0, font=font)
    box = tuple(float(v) for v in draw.textbbox((300, 80), PRINTED, font=font))
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    found = Evidence("order_date", UNSURE, Provenance(page=1, box=box, raw=captured))  # type: ignore[arg-type]
    order = CapturedOrder(order_date=value, evidence=(found,))
    parser = ImageOcrParser(
        engine=Recording(),
        extract=lambda pages: Extraction((order,), rechecks=(Recheck(0, "order_date", 1.0),)),
    )
    doc = InboundDocument(
        channel=Channel.FAX, content=buf.getvalue(), received_at=NOW, original_name="fax.png"
    )
    (got,) = parser.parse(doc, ParseContext(today=NOW)).orders
    return got


def test_an_order_date_in_words_read_again_alike_is_vouched_for() -> None:
    found = parse(PRINTED, date(2026, 11, 24)).evidence_for("order_date")
    assert found is not None and found.confidence >= 0.8


def test_an_order_date_in_words_read_wrong_stays_in_doubt_when_read_again() -> None:
    got = parse("24 Noviembre, 2025", date(2025, 11, 24))
    assert got.order_date == date(2025, 11, 24)  # never changed by a re-read
    found = got.evidence_for("order_date")
    assert found is not None and found.confidence == UNSURE
