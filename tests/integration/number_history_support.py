"""A customer's earlier orders, stored and decided, and a fax reader that holds the order number it reads:
for the tests of a held order number lifted by the customer's own earlier numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from core.capture.domain.documents import InboundDocument, ParseResult
from core.capture.domain.order import Problem
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from tests.integration.helpers import earlier_order, stored_email


def earlier_orders(
    app: App, customer: str, wanted: list[tuple[str, OrderState]], on: int | None = None
) -> None:
    """`customer`'s earlier orders (number, state), the n-th made n days ago, each on a document of its
    own, or all on the document `on`."""
    now = datetime.now(UTC)
    documents = [on if on is not None else stored_email(app, 100 + n, now) for n in range(len(wanted))]
    with app.uow() as uow:
        for n, ((po, state), document) in enumerate(zip(wanted, documents, strict=True), start=1):
            order = earlier_order(document, customer, po, now - timedelta(days=n), [f"SKU-{n}"])
            order.state = state
            order.message_index = n
            uow.orders.insert_new(document, [order])
        uow.commit()


def holding_number(app: App, held: Problem, confidence: float | None = None) -> None:
    """`app` reading each document as before, then holding its orders' number with `held` (and, given
    `confidence`, the number read at it), as the fax reader holds one it read."""
    reader = app.read

    def fax_reader(doc: InboundDocument) -> ParseResult:
        result = reader(doc)
        orders = (
            o if confidence is None else o.with_confidence("po_number", confidence) for o in result.orders
        )
        return replace(result, orders=tuple(o.with_problems(held) for o in orders))

    app.read = fax_reader  # type: ignore[method-assign]
