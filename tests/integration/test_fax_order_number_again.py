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
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import cache

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


Box = tuple[float, float, float, float]


@cache
def face() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), 30)


def drawn(placed: Sequence[tuple[float, str]], boxed: tuple[float, str]) -> tuple[bytes, Box]:
    """A 1-bit fax-width page with the phrases `placed` (x, text) on one line; the PNG and the box of
    the text `boxed` (x, text) there."""
    image = Image.new("1", (1728, 400), 1)
    draw = ImageDraw.Draw(image)
    for x, text in placed:
        draw.text((x, 80), text, fill=0, font=face())
    x0, y0, x1, y1 = draw.textbbox((boxed[0], 80), boxed[1], font=face())
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(DPI, DPI))
    return buf.getvalue(), (float(x0), float(y0), float(x1), float(y1))


def reread(
    page: tuple[bytes, Box],
    order: CapturedOrder,
    field: str,
    captured: str,
    unsure: float,
    recheck: bool = True,
) -> CapturedOrder:
    """`order` as the layout reader gives it, `field` read unsure as `captured` at the page's box (and
    offered for a second look unless `recheck` is false), after the OCR parser has read it again."""
    content, box = page
    found = Evidence(field, unsure, Provenance(page=1, box=box, raw=captured))
    given = replace(order, evidence=(found,))
    rechecks = (Recheck(0, field, 1.0),) if recheck else ()
    parser = ImageOcrParser(engine=Recording(), extract=lambda pages: Extraction((given,), rechecks=rechecks))
    doc = InboundDocument(channel=Channel.FAX, content=content, received_at=NOW, original_name="fax.png")
    (got,) = parser.parse(doc, ParseContext(today=NOW)).orders
    return got


def parse(captured: str, recheck: bool = True) -> CapturedOrder:
    page = drawn([(120, "Nº pedido:"), (330, "PO-2026-0042")], (330, "PO-2026-0042"))
    return reread(page, CapturedOrder(po_number=captured), "po_number", captured, UNSURE, recheck)


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
    page = drawn([(120, "Fecha:"), (300, "24.11.2026")], (300, "24.11.2026"))
    got = reread(page, CapturedOrder(order_date=date(2026, 11, 24)), "order_date", "24.11.2026", UNSURE)
    vouched = got.evidence_for("order_date")
    assert vouched is not None and vouched.confidence >= 0.8


def _sentence(captured: str) -> CapturedOrder:
    """'Rogamos entreguen antes del 05/12/2026. en nuestro almacén.' on the page; the delivery date
    captured from the date's word as `captured`, unsure, and offered for a second look (a date its
    sentence states plainly, one word with no figures beside it: parsers.layout.recheck)."""
    before, word = "Rogamos entreguen antes del ", "05/12/2026."
    x = 120 + face().getlength(before)
    page = drawn([(120, before), (x, word + " en nuestro almacén.")], (x, word))
    order = CapturedOrder(requested_delivery_date=date(2026, 12, 5))
    return reread(page, order, "requested_delivery_date", captured, UNSURE)


def test_a_delivery_date_cut_from_its_sentence_and_read_again_alike_is_vouched_for() -> None:
    found = _sentence("05/12/2026.").evidence_for("requested_delivery_date")
    assert found is not None and found.confidence >= 0.8


def test_a_delivery_date_misread_in_its_sentence_stays_in_doubt_when_read_again() -> None:
    # "06/12/2026." captured where the page prints 05/12/2026: read again, the ink says otherwise
    found = _sentence("06/12/2026.").evidence_for("requested_delivery_date")
    assert found is not None and found.confidence == UNSURE
