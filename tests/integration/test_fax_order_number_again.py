"""The order number read again with the real Tesseract (parsers.ocr.recheck), on a fax-like page the
test draws: "Nº pedido:  PO-2026-0042".  The layout reader's result is given, with the number read
unsure (as a fax's digits often are, nothing around them to check a look-alike against).

The rule, written out: a number the layout is sure of but for its characters is cut from the page and
read again, upscaled and at the page's resolution; when both readings say exactly what the page said,
each with confidence, it is vouched for and the order need not wait for it.  A number the page's
reading got wrong ("0047" for 0042) is read again as printed, which is not what was captured: it stays
in doubt, and the order waits for a person."""

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
UNSURE = 0.55  # what the layout reader gives an order number of digits read with confidence under 0.93


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data, or skip (fail on CI)."""
    require_tesseract()


def page() -> tuple[bytes, tuple[float, float, float, float]]:
    """A 1-bit fax-width page with the order number after its label; the PNG and the number's box."""
    image = Image.new("1", (1728, 400), 1)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((120, 80), "Nº pedido:", fill=0, font=font)
    draw.text((330, 80), "PO-2026-0042", fill=0, font=font)
    x0, y0, x1, y1 = draw.textbbox((330, 80), "PO-2026-0042", font=font)
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    return buf.getvalue(), (float(x0), float(y0), float(x1), float(y1))


def parse(captured: str, recheck: bool = True) -> CapturedOrder:
    content, box = page()
    found = Evidence("po_number", UNSURE, Provenance(page=1, box=box, raw=captured))
    order = CapturedOrder(po_number=captured, evidence=(found,))
    rechecks = (Recheck(0, "po_number", 1.0),) if recheck else ()
    parser = ImageOcrParser(engine=Recording(), extract=lambda pages: Extraction((order,), rechecks=rechecks))
    doc = InboundDocument(channel=Channel.FAX, content=content, received_at=NOW, original_name="fax.png")
    (got,) = parser.parse(doc, ParseContext(today=NOW)).orders
    return got


def test_an_order_number_read_again_alike_is_vouched_for() -> None:
    got = parse("PO-2026-0042")
    assert got.po_number == "PO-2026-0042"
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence >= 0.8


def test_an_order_number_read_wrong_stays_in_doubt_when_read_again() -> None:
    got = parse("PO-2026-0047")  # a 2 taken for a 7 when the page was read
    assert got.po_number == "PO-2026-0047"  # never changed by a re-read
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence == UNSURE


def test_an_order_number_the_layout_does_not_offer_is_not_read_again() -> None:
    got = parse("PO-2026-0042", recheck=False)
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence == UNSURE


def test_an_order_date_read_again_alike_is_vouched_for() -> None:
    # the rule is the same for a date after its label: the word as read, read again alike
    image = Image.new("1", (1728, 400), 1)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((120, 80), "Fecha:", fill=0, font=font)
    draw.text((300, 80), "24.11.2026", fill=0, font=font)
    box = tuple(float(v) for v in draw.textbbox((300, 80), "24.11.2026", font=font))
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    found = Evidence("order_date", UNSURE, Provenance(page=1, box=box, raw="24.11.2026"))  # type: ignore[arg-type]
    order = CapturedOrder(order_date=date(2026, 11, 24), evidence=(found,))
    parser = ImageOcrParser(
        engine=Recording(),
        extract=lambda pages: Extraction((order,), rechecks=(Recheck(0, "order_date", 1.0),)),
    )
    doc = InboundDocument(
        channel=Channel.FAX, content=buf.getvalue(), received_at=NOW, original_name="fax.png"
    )
    (got,) = parser.parse(doc, ParseContext(today=NOW)).orders
    vouched = got.evidence_for("order_date")
    assert vouched is not None and vouched.confidence >= 0.8


def _sentence(captured: str) -> CapturedOrder:
    """'Rogamos entreguen antes del 05/12/2026. en nuestro almacén.' on the page; the delivery date
    captured from the date's word as `captured`, unsure, and offered for a second look (a date its
    sentence states plainly, one word with no figures beside it: parsers.layout.recheck)."""
    image = Image.new("1", (1728, 400), 1)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    before, word = "Rogamos entreguen antes del ", "05/12/2026."
    draw.text((120, 80), before, fill=0, font=font)
    x = 120 + draw.textlength(before, font=font)
    draw.text((x, 80), word + " en nuestro almacén.", fill=0, font=font)
    box = tuple(float(v) for v in draw.textbbox((x, 80), word, font=font))
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    found = Evidence("requested_delivery_date", UNSURE, Provenance(page=1, box=box, raw=captured))  # type: ignore[arg-type]
    order = CapturedOrder(requested_delivery_date=date(2026, 12, 5), evidence=(found,))
    parser = ImageOcrParser(
        engine=Recording(),
        extract=lambda pages: Extraction((order,), rechecks=(Recheck(0, "requested_delivery_date", 1.0),)),
    )
    doc = InboundDocument(
        channel=Channel.FAX, content=buf.getvalue(), received_at=NOW, original_name="fax.png"
    )
    (got,) = parser.parse(doc, ParseContext(today=NOW)).orders
    return got


def test_a_delivery_date_cut_from_its_sentence_and_read_again_alike_is_vouched_for() -> None:
    found = _sentence("05/12/2026.").evidence_for("requested_delivery_date")
    assert found is not None and found.confidence >= 0.8


def test_a_delivery_date_misread_in_its_sentence_stays_in_doubt_when_read_again() -> None:
    # "06/12/2026." captured where the page prints 05/12/2026: read again, the ink says otherwise
    found = _sentence("06/12/2026.").evidence_for("requested_delivery_date")
    assert found is not None and found.confidence == UNSURE
