"""Two header dates read too far apart stay doubtful though their ink reads the same again.

The business rule: an order asks for delivery on or after its date and within a year of it; an order
date and a delivery date read further apart mean one of them was misread, and the two dates alone
cannot say which, so a person looks at both.  At normal resolution Tesseract read the 2 of "2026" as
a 7 with confidence, and every reading of the date's cut-out said the same ("2076/12/14"), which lifted
the delivery date (and the order date) back to sure; the order was accepted with a delivery in 2076
(tuning fax modern_clean-118002, normal).  A reading again of the same ink vouches for the reading,
not for the date: the two dates stay doubtful.  A delivery date weeks after the order date, read alike
again, stays sure.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from PIL import Image

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from parsers.ocr.parser import ImageOcrParser
from tests.unit.ocr.recheck_support import FAX_WIDTH, CutOutsSaid
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, row

ARRIVED = datetime(2026, 11, 26, 9, tzinfo=UTC)
ROWS = [row("TOR-M8-40", "100", "0,12", "12,00")]


def _delivery(printed: str) -> tuple[date | None, float]:
    lines = header_rows(ordered="26/11/2026", delivery=printed)
    lines.append(cells(160, *HEADING))
    lines += [cells(160 + STEP * (i + 1), *r) for i, r in enumerate(ROWS)]
    lines.append(cells(160 + STEP * (len(ROWS) + 2), (430, "Total"), (500, "12,00")))
    buf = io.BytesIO()
    Image.new("1", (FAX_WIDTH, 1100), 1).save(buf, format="TIFF", compression="group4", dpi=(204, 196))
    doc = InboundDocument(
        channel=Channel.FAX, content=buf.getvalue(), received_at=ARRIVED, original_name="fax.tif"
    )
    # every cut-out read again says what the page's reading said: the delivery date's ink reads the same
    parser = ImageOcrParser(engine=CutOutsSaid(page(*lines), lambda _: printed))
    (order,) = parser.parse(doc, ParseContext(today=ARRIVED)).orders
    found = order.evidence_for("requested_delivery_date")
    assert found is not None
    return order.requested_delivery_date, found.confidence


def test_a_delivery_fifty_years_after_the_order_read_alike_again_stays_doubtful() -> None:
    delivery, confidence = _delivery("14/12/2076")
    assert delivery == date(2076, 12, 14)  # as read: which of the two dates is wrong, a person says
    assert confidence < 0.8


def test_a_delivery_weeks_after_the_order_read_alike_again_stays_sure() -> None:
    delivery, confidence = _delivery("14/12/2026")
    assert delivery == date(2026, 12, 14)
    assert confidence >= 0.8
