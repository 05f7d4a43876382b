"""A line ordered in packs is stocked in base units and billed by the pack: 3 boxes of 12 cartridges
(SIL-TRA-300, 4.20 each, 50.40 a box, demo terms) leave as 36 cartridges and are invoiced as 3 boxes;
one box's worth sent back is credited as one box."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.billing.domain.invoicing import DocumentKind
from core.billing.domain.returns import Disposition, Receipt, Resolution
from core.kernel.domain.model import Decision
from oms.bootstrap import App
from tests.integration.billing_support import invoices, ship_all
from tests.integration.helpers import ingest, orders_of
from tests.integration.lifecycle_support import drain_all, level
from tests.integration.test_commercial_terms import _interchange

pytestmark = pytest.mark.integration
D = Decimal


# `books` (tests/integration/conftest.py) has the demo terms: the box of 12 and its GTIN


def test_boxes_leave_as_cartridges_and_are_invoiced_and_credited_as_boxes(books: App) -> None:
    doc_id = ingest(books, _interchange("700003", "18437000100185", "3", "CT", "50.40"))
    [order] = orders_of(books, doc_id)
    assert order.id is not None and order.decision is Decision.ACCEPT, order.problems
    books.lifecycle.service.start([order.id], "clerk")
    ship_all(books, order.id)
    assert level(books, "SIL-TRA-300", "MAD") == (D(150 - 36), D(0))
    [invoice] = invoices(books, order.id)
    [goods] = [ln for ln in invoice.lines if ln.sku]
    assert (goods.quantity, goods.unit_price, goods.net) == (D(3), D("50.40"), D("151.20"))

    bill = books.billing.service
    rma = bill.authorise_return(order.id, {1: D(12)}, "una caja de más", Resolution.CREDIT, "clerk")
    assert rma.id is not None
    bill.receive_return(rma.id, [Receipt(1, D(12), Disposition.RESTOCK)], "goods-in")
    drain_all(books)
    [_, note] = invoices(books, order.id)
    assert note.kind is DocumentKind.CREDIT_NOTE
    [back] = [ln for ln in note.lines if ln.sku]
    assert (back.quantity, back.net) == (D(1), D("50.40"))
    assert level(books, "SIL-TRA-300", "MAD")[0] == D(150 - 36 + 12)
