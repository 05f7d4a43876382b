"""`BatchRecent`: what a batch's document is given as the customer's earlier orders is what the
repository would read for it at that point (its windows, the batch's own orders stored since, newest
first, at most the limit), read from the database once while that holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from typing import Any, cast

from core.capture.services.duplicates import LINES_WINDOW, PO_WINDOW, BatchRecent
from core.kernel.domain.lookback import Lookback
from core.kernel.domain.model import Decision, EarlierLine, EarlierOrder, Order, OrderLine, OrderState

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)
LINES = (EarlierLine("TOR-M8-40", D("10")), EarlierLine("TUE-M8", D("5")))


@dataclass
class Orders:
    """`recent_for_customer` answered from a list, as the repository does (one customer's rows)."""

    rows: list[tuple[int, EarlierOrder]]  # (document, order)
    reads: int = 0
    added: list[tuple[int, EarlierOrder]] = field(default_factory=list)

    def recent_for_customer(
        self, customer_id: str, window: Lookback, *, exclude_document: int
    ) -> list[EarlierOrder]:
        self.reads += 1
        found = []
        for document, order in sorted(self.rows + self.added, key=lambda pair: -pair[1].id):
            if document == exclude_document or order.created_at < window.since:
                continue
            if order.created_at < window.lines_since or order.channel == window.lines_not_on:
                order = EarlierOrder(
                    order.id, order.channel, order.state, order.created_at, order.po_number, ()
                )
            found.append(order)
        return found[: window.limit]


@dataclass
class Uow:
    orders: Orders


def earlier(order_id: int, ago: timedelta, channel: str = "fax") -> tuple[int, EarlierOrder]:
    return 100 + order_id, EarlierOrder(
        order_id, channel, OrderState.ACCEPTED, NOW - ago, f"PO-{order_id}", LINES
    )


def stored(order_id: int, document_id: int, at: datetime) -> Order:
    order = Order(
        document_id=document_id,
        message_index=0,
        channel="email",
        state=OrderState.ACCEPTED,
        decision=Decision.ACCEPT,
        confidence=1.0,
        created_at=at,
        po_number=f"PO-{order_id}",
        customer_id="C-1",
        id=order_id,
    )
    order.lines = [
        OrderLine(position=2, sku="TUE-M8", quantity=D("5")),
        OrderLine(position=1, sku="X", quantity=D(1)),
    ]
    return order


def ask(
    batch: BatchRecent, now: datetime, document: int, channel: str = "email", limit: int = 500
) -> list[EarlierOrder]:
    window = Lookback(now - PO_WINDOW, now - LINES_WINDOW, channel, limit)
    return list(batch.recent("C-1", window, exclude_document=document))


def test_a_later_document_of_the_batch_is_given_what_the_database_would_give_it_read_once() -> None:
    rows = [
        earlier(1, timedelta(days=59, hours=23, minutes=30)),
        earlier(2, timedelta(days=4, hours=23, minutes=30)),
    ]
    orders = Orders(rows)
    batch = BatchRecent(cast(Any, Uow(orders)))
    assert ask(batch, NOW, document=1) == Orders(rows).recent_for_customer(
        "C-1", Lookback(NOW - PO_WINDOW, NOW - LINES_WINDOW, "email", 500), exclude_document=1
    )
    first = stored(3, document_id=1, at=NOW)
    batch.add(1, [first])
    orders.added.append((1, EarlierOrder(3, "email", OrderState.ACCEPTED, NOW, "PO-3", ())))
    # an hour later: order 1 has left the order-number window, order 2 the lines window
    later = NOW + timedelta(hours=1)
    given = ask(batch, later, document=2)
    assert orders.reads == 1
    truth = Orders(rows, added=orders.added).recent_for_customer(
        "C-1", Lookback(later - PO_WINDOW, later - LINES_WINDOW, "email", 500), exclude_document=2
    )
    assert given == truth
    assert [o.id for o in given] == [3, 2] and given[1].lines == ()


def test_a_read_that_reached_the_limit_is_read_again() -> None:
    orders = Orders([earlier(1, timedelta(days=1)), earlier(2, timedelta(days=1))])
    batch = BatchRecent(cast(Any, Uow(orders)))
    assert [o.id for o in ask(batch, NOW, document=1, limit=2)] == [2, 1]
    ask(batch, NOW, document=2, limit=2)
    assert orders.reads == 2  # what lay beyond the second order was never seen


def test_a_change_to_an_earlier_order_has_the_next_document_read_again() -> None:
    orders = Orders([earlier(1, timedelta(days=1))])
    batch = BatchRecent(cast(Any, Uow(orders)))
    ask(batch, NOW, document=1)
    batch.forget()
    ask(batch, NOW, document=2)
    assert orders.reads == 2


def test_the_batchs_own_orders_come_with_their_lines_in_line_order_from_another_channel_only() -> None:
    batch = BatchRecent(cast(Any, Uow(Orders([]))))
    ask(batch, NOW, document=1, channel="fax")  # a fax document's check: e-mailed lines count
    batch.add(1, [stored(3, document_id=1, at=NOW)])
    (mine,) = ask(batch, NOW, document=2, channel="fax")
    assert mine.lines == (EarlierLine("X", D(1)), EarlierLine("TUE-M8", D("5")))
    email = BatchRecent(cast(Any, Uow(Orders([]))))
    ask(email, NOW, document=1)
    email.add(1, [stored(3, document_id=1, at=NOW)])
    assert ask(email, NOW, document=2)[0].lines == ()  # same channel: its lines are never compared
