"""A line amount read unsure, read again to the cent, under a tax and a total with tax: the order flows.

The business rule: an order flows on untouched only when every decisive figure is read sure or pinned by
the page's other figures read sure.  A normal fax reads a line amount "11,107" (a speck after its cents,
OCR unsure) under "IVA 10 % 5,61" and "Total con IVA 61,71", no net total read.  The amount's cell read
again says "11,10": 222 × 0,05 is 11,10, and with 45,00 the lines make 56,10, the total less the tax,
whose 10 % is the tax printed.  Quantity × price, the tax's printed rate and the total then pin the
amount, the tax and the total, each as printed.  A re-read that makes the line agree but not the lines
make the total less the tax, or a tax the total does not include at its printed rate, leaves the order
waiting.  Each page is built word by word (tests.unit.parsers.ocr_support).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.capture.domain.documents import ParseResult
from core.capture.domain.order import CapturedOrder
from oms.extract import result_json
from parsers.layout import extract_orders
from parsers.ocr.cells import settle
from tests.unit.parsers.pdf_support import TODAY, SampleMaster
from tests.unit.parsers.test_layout_fax_tax_of_total import page


def _settled(amount_again: str, rate: str = "IVA 10 %", gross: str = "61,71") -> CapturedOrder:
    read = extract_orders([page("11,107", 0.5, rate, "5,61", gross)]).orders[0]
    return settle(read, {"lines[1].amount": amount_again})


def _judged(captured: CapturedOrder) -> dict[str, Any]:
    result = ParseResult(format="tiff-ocr", orders=(captured,))
    return result_json("fax.tif", "fax", result, SampleMaster(), TODAY)["orders"][0]  # type: ignore[no-any-return]


def test_an_amount_read_again_to_the_cent_under_a_tax_that_makes_the_total_flows() -> None:
    settled = _settled("11,10")
    assert [line.amount for line in settled.lines] == [Decimal("45.00"), Decimal("11.10")]
    got = _judged(settled)
    assert [line["unit_price"] for line in got["lines"]] == ["0.18", "0.05"]
    assert (got["tax_total"], got["total"]) == ("5.61", "61.71")
    assert got["decision"] == "accept", got["problems"]


def test_an_amount_read_again_that_the_line_does_not_make_still_waits() -> None:
    # 222 × 0,05 is 11,10, not 11,16: the re-read settles nothing
    got = _judged(_settled("11,16"))
    assert got["decision"] != "accept"


def test_a_total_the_lines_and_the_tax_do_not_make_still_waits() -> None:
    # the tax line prints no rate: nothing says the total includes 5,61, and the lines make 56,10
    got = _judged(_settled("11,10", rate="IVA"))
    assert got["decision"] != "accept"
