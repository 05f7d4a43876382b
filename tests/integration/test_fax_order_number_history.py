"""A faxed order number held for a letter the fax may have opened or closed ("PC-" perhaps PO-) flows on
when the customer's own earlier orders show that format, on SQLite and PostgreSQL.

The rule, written out: the hold (`prefix_letter`) is lifted when the customer's earlier orders, stored,
of documents other than this one and accepted (by the checks or a clerk; not held, rejected or
cancelled ones), include at least two distinct numbers with the very same letters, separators and
figure count, and none whose prefix is the one O, C or G away ("PO-"). Otherwise the order waits and
the clerk is told why. The faxed order is this test's own: an order PDF whose number is printed "PC-",
read, and held by the fax reader's own problem (`parsers.layout.order_checks.prefix_held`), as a fax
reading it sure would hold it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from core.capture.domain.documents import Channel, InboundDocument
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode
from core.capture.domain.resolution import ResolvedOrder
from core.capture.services.deciding import decide
from core.capture.services.duplicates import DuplicateIndex
from core.kernel.domain.model import Decision, OrderState
from oms.bootstrap import App
from tests.integration.helpers import AppOnEachDb, arrive, drain, orders_of
from tests.integration.number_history_support import earlier_orders, holding_number
from tests.integration.test_duplicates_policy import pdf_order

pytestmark = pytest.mark.integration

NUMBER = "PC-2026-42693"
CUSTOMER = "C-1001"


@pytest.fixture
def shop(app_on_each_db: AppOnEachDb) -> App:
    return app_on_each_db(demo=True)


def _earlier(app: App, wanted: list[tuple[str, OrderState]], on: int | None = None) -> None:
    earlier_orders(app, CUSTOMER, wanted, on)


def _fax(app: App) -> tuple[int, CapturedOrder]:
    """A faxed order numbered `NUMBER`, stored, and what the fax reader makes of it."""
    content = pdf_order(NUMBER, CUSTOMER)
    doc = InboundDocument(
        channel=Channel.FAX, content=content, received_at=datetime.now(UTC), original_name="fax.pdf"
    )
    document = app.submit(doc)
    [read] = app.read(doc).orders
    assert read.po_number == NUMBER
    held = Problem(ProblemCode.PREFIX_LETTER, f"order number {NUMBER}: an O read C?", field="po_number")
    return document, replace(read, problems=(*read.problems, held))


def _decided(app: App, document: int, captured: CapturedOrder) -> ResolvedOrder:
    now = datetime.now(UTC)
    with app.uow() as uow:
        record = uow.documents.get(document)
        assert record is not None
        seen = DuplicateIndex(uow, document, now)
        return decide(record, captured, app.validate, uow.master, {}, seen, now)


def _held(resolved: ResolvedOrder) -> list[Problem]:
    return [p for p in resolved.problems if p.code is ProblemCode.PREFIX_LETTER and p.severity > 0]


def test_a_customer_with_two_earlier_pc_orders_has_its_faxed_pc_order_flow(shop: App) -> None:
    _earlier(shop, [("PC-2026-11111", OrderState.ACCEPTED), ("PC-2026-22222", OrderState.SHIPPED)])
    resolved = _decided(shop, *_fax(shop))
    assert resolved.decision is Decision.ACCEPT, resolved.problems
    assert resolved.captured.po_number == NUMBER
    noted = [p for p in resolved.problems if p.code is ProblemCode.PREFIX_LETTER]
    assert noted and "this customer's own" in noted[0].message


def test_a_customer_with_no_earlier_pc_order_waits_and_the_clerk_is_told_why(shop: App) -> None:
    _earlier(shop, [("PC-2026-11111", OrderState.ACCEPTED)])  # one is not enough
    resolved = _decided(shop, *_fax(shop))
    assert resolved.decision is Decision.REVIEW
    [problem] = _held(resolved)
    assert "prefix PC: not yet seen from this customer" in problem.message


def test_a_customer_printing_both_po_and_pc_keeps_the_hold(shop: App) -> None:
    both = [("PC-2026-11111", OrderState.ACCEPTED), ("PC-2026-22222", OrderState.ACCEPTED)]
    _earlier(shop, [*both, ("PO-2026-33333", OrderState.ACCEPTED)])
    resolved = _decided(shop, *_fax(shop))
    assert resolved.decision is Decision.REVIEW and _held(resolved)


def test_the_documents_own_stored_order_never_counts(shop: App) -> None:
    document, captured = _fax(shop)
    _earlier(shop, [("PC-2026-11111", OrderState.ACCEPTED)])
    _earlier(shop, [("PC-2026-22222", OrderState.ACCEPTED)], on=document)  # a replay's own order
    resolved = _decided(shop, document, captured)
    assert resolved.decision is Decision.REVIEW and _held(resolved)


def test_a_held_earlier_order_never_counts(shop: App) -> None:
    _earlier(shop, [("PC-2026-11111", OrderState.ACCEPTED), ("PC-2026-22222", OrderState.IN_REVIEW)])
    resolved = _decided(shop, *_fax(shop))
    assert resolved.decision is Decision.REVIEW and _held(resolved)


@pytest.mark.parametrize("earlier", [2, 1])
def test_on_arrival_the_stored_order_flows_or_waits_by_the_customers_history(shop: App, earlier: int) -> None:
    """The same through the arrival path (stored, decided, the customer held before the commit), the
    fax read as the fax reader would hold it."""
    holding_number(shop, Problem(ProblemCode.PREFIX_LETTER, "an O read C?", field="po_number"))
    _earlier(shop, [("PC-2026-11111", OrderState.ACCEPTED), ("PC-2026-22222", OrderState.ACCEPTED)][:earlier])
    document = arrive(shop, pdf_order(NUMBER, CUSTOMER), "fax.pdf", Channel.FAX)
    drain(shop)
    [order] = orders_of(shop, document)
    assert order.po_number == NUMBER
    if earlier == 2:
        assert order.state is OrderState.ACCEPTED, order.problems
    else:
        assert order.state is OrderState.IN_REVIEW
        assert any("not yet seen from this customer" in str(p["message"]) for p in order.problems)
