"""An order number read on a fax with small letters whose capitals share their shape
(parsers.ocr.letter_case).

The business rule: the order number is the customer's reference, printed once, and an order must not
flow on under another reference than the one on the page.  Order numbers print their letters as
capitals; a "c", "o", "p" or "s" is its capital made smaller, and on a fax OCR tells the two by height
alone.  A number read with such small letters ("oc-2026-41865" for OC-2026-41865, tuning fax
spreadsheet-190504 at normal resolution, accepted so on main) may name another reference than the
customer's: a person settles it, whatever a reading of the same ink again says (those said
"OC-2026-41865" there, and the number still flowed on as "oc-2026-41865").  A number read with capitals
is left as sure as read, and so is one with a small letter of a shape of its own ("Ref-ab12"): that
number was printed in small letters.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from PIL import Image

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from oms.extract import result_json
from parsers.ocr.parser import ImageOcrParser
from tests.unit.ocr.recheck_support import FAX_WIDTH, CutOutsSaid
from tests.unit.parsers.ocr_support import HEADING, cells, doubted, header_rows, page
from tests.unit.parsers.pdf_support import TODAY, SampleMaster

ARRIVED = datetime(2026, 11, 26, 9, tzinfo=UTC)


def _read(number: str, again: str) -> dict[str, Any]:
    """Ferretería Núñez's order (customer C-1001) of 23/11/2026 for 30/11/2026: 250 TOR-M8-40 at 0,18 =
    45,00, its order number read on the page as `number` and, cut out alone, as `again`; the order as
    `oms extract --json` gives it, validated against the demo master data."""
    lines = header_rows(number)
    lines.append(cells(160, *HEADING))
    lines.append(
        cells(
            174,
            (50, "TOR-M8-40"),
            (130, "Tornillo"),
            (350, "250"),
            (390, "uds"),
            (440, "0,18"),
            (505, "45,00"),
        )
    )
    lines.append(cells(202, (430, "Total"), (500, "45,00")))
    buf = io.BytesIO()
    Image.new("1", (FAX_WIDTH, 1100), 1).save(buf, format="TIFF", compression="group4", dpi=(204, 98))
    doc = InboundDocument(
        channel=Channel.FAX, content=buf.getvalue(), received_at=ARRIVED, original_name="fax.tif"
    )
    # the look-alike step cuts out the order number, then the order date, then the delivery date: its
    # cut-outs are numbered so, and each reads again as the field's words
    said = (again, "23/11/2026", "30/11/2026")
    fax = CutOutsSaid(page(*lines), lambda n: said[n - 1])
    result = ImageOcrParser(engine=fax).parse(doc, ParseContext(today=ARRIVED))
    return result_json("fax.tif", "fax", result, SampleMaster(), TODAY)["orders"][0]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("number", "again"),
    [
        ("oc-2026-41865", "OC-2026-41865"),  # the re-reads said the capitals
        ("oc-2026-41865", "oc-2026-41865"),  # or the same small letters: the ink tells no better
        ("po48073", "PO48073"),
        ("Oc-2026-41865", "OC-2026-41865"),  # one small among capitals, however the layout reads it
    ],
)
def test_an_order_number_read_with_small_letters_shaped_as_capitals_is_held(number: str, again: str) -> None:
    got = _read(number, again)
    assert got["po_number"] is not None and got["po_number"].upper() == number.upper()
    assert doubted(got, "po_number")
    assert got["decision"] != "accept"


def test_an_order_number_read_with_capitals_flows_on_as_read() -> None:
    got = _read("OC-2026-41865", "OC-2026-41865")
    assert got["po_number"] == "OC-2026-41865"
    assert not doubted(got, "po_number")
    assert got["decision"] == "accept"


def test_an_order_number_printed_in_small_letters_of_their_own_shape_is_not_doubted_for_them() -> None:
    got = _read("Ref-ab12", "Ref-ab12")
    assert got["po_number"] == "Ref-ab12"
    assert not doubted(got, "po_number")
