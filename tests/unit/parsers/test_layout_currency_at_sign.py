"""An e-mail address whose "@" OCR read as a currency sign says nothing of the order's currency.

The business rule: the order's currency is as sure as the signs and codes its page prints agree; a sign
of another currency makes it doubtful (a person looks).  A sign standing between an address's mailbox
and its domain ("compras € herrajesdelnorte.com.mx") is that address's "@", read as a sign: it is no
currency the page prints, and a page in dollars stays sure of them.  A sign of another currency
elsewhere on the page still makes it doubtful.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page


def _currency_certainty(contact: str) -> float:
    lines = [cells(40, (50, "Herrajes del Norte S.A. de C.V.")), cells(54, (50, contact))]
    lines += [cells(70, (50, "Purchase order no.: PO-74205")), cells(84, (50, "Date: 23.11.2026"))]
    heading = cells(
        160, (50, "Item"), (130, "Description"), (330, "Qty"), (400, "Unit price"), (500, "Amount")
    )
    row = cells(
        174, (50, "TOR-M8-40"), (130, "Hex bolt M8x40"), (340, "250"), (400, "USD 0.18"), (500, "USD 45.00")
    )
    total = cells(202, (400, "Total"), (500, "USD 45.00"))
    (order,) = extract_orders([page(*lines, heading, row, total)]).orders
    assert order.currency == "USD"
    found = order.evidence_for("currency")
    assert found is not None
    return found.confidence


def test_an_at_sign_read_as_a_currency_sign_leaves_the_currency_sure() -> None:
    assert _currency_certainty("compras € herrajesdelnorte.com.mx") >= 0.8
    # a sign of another currency the page prints is still a doubt
    assert _currency_certainty("Freight € 12.00 not included") < 0.8
