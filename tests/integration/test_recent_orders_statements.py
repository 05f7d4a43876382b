"""A customer's earlier orders, as the duplicate check reads them (`OrderRepository.recent_for_customer`),
are read by statements built once and reused for every customer and every call, not built anew each
time; what they find is unchanged.

The rule under test, written out: the heads of the customer's orders created at or after `since`, from
documents other than `exclude_document`, newest first, at most `limit`; each with its lines (SKU and
quantity in position order) only when it was created at or after `lines_since` and is not on channel
`lines_not_on`. The expectations come from the orders each test stores itself.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState

from core.kernel.domain.lookback import Lookback
from oms.bootstrap import App
from tests.integration.helpers import earlier_order, stored_email

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def app(app_each_db: App) -> App:
    """The bare app on each database in turn."""
    return app_each_db


def _store(app: App) -> dict[str, int]:
    """Two customers' orders, each on its own document: returns the documents by purchase order."""
    wanted = [
        ("C1", "A-old", 40, "email", ["S1"]),  # before every `since` below
        ("C1", "A-mid", 10, "email", ["S2", "S3"]),
        ("C1", "A-fax", 2, "fax", ["S4"]),
        ("C1", "A-new", 1, "email", ["S5"]),
        ("C2", "B-new", 1, "email", ["S6", "S7"]),
    ]
    documents = {po: stored_email(app, n, NOW) for n, (_, po, *_) in enumerate(wanted, start=1)}
    with app.uow() as uow:
        for customer, po, age, channel, skus in wanted:
            order = earlier_order(documents[po], customer, po, NOW - timedelta(days=age), skus, channel)
            uow.orders.insert_new(documents[po], [order])
        uow.commit()
    return documents


def _read(found: Any) -> list[tuple[str, list[tuple[str, Decimal]]]]:
    return [(o.po_number, [(ln.sku, ln.quantity) for ln in o.lines]) for o in found]


def test_each_customers_earlier_orders_are_read_by_the_same_statements_every_time(app: App) -> None:
    documents = _store(app)
    executed: list[Any] = []

    def seen(state: ORMExecuteState) -> None:
        executed.append(state.statement)

    with app.uow() as uow:
        event.listen(uow.session, "do_orm_execute", seen)
        first = uow.orders.recent_for_customer(
            "C1",
            Lookback(NOW - timedelta(days=30), lines_since=NOW - timedelta(days=5)),
            exclude_document=documents["A-new"],
        )
        second = uow.orders.recent_for_customer(
            "C2", Lookback(NOW - timedelta(days=30), lines_since=NOW - timedelta(days=30)), exclude_document=0
        )
        event.remove(uow.session, "do_orm_execute", seen)
    # two statements a call (heads, then lines), the second call's the very objects of the first's
    assert len(executed) == 4
    assert executed[2] is executed[0] and executed[3] is executed[1]
    # C1 since 30 days, A-new's document left out, newest first; lines only of orders of the last 5 days
    assert _read(first) == [("A-fax", [("S4", Decimal("1.5"))]), ("A-mid", [])]
    assert _read(second) == [("B-new", [("S6", Decimal("1.5")), ("S7", Decimal("2.5"))])]


def test_what_a_reused_statement_finds_follows_each_calls_own_values(app: App) -> None:
    """The guard: every value given to a call (customer, since, the document left out, the limit, the
    lines' time and channel) still decides what that call finds."""
    documents = _store(app)
    with app.uow() as uow:
        recent = uow.orders.recent_for_customer
        long_ago = NOW - timedelta(days=60)
        assert _read(recent("C1", Lookback(long_ago, lines_since=NOW), exclude_document=0)) == [
            ("A-new", []),
            ("A-fax", []),
            ("A-mid", []),
            ("A-old", []),
        ]
        assert _read(recent("C1", Lookback(long_ago, lines_since=long_ago, limit=2), exclude_document=0)) == [
            ("A-new", [("S5", Decimal("1.5"))]),
            ("A-fax", [("S4", Decimal("1.5"))]),
        ]
        assert _read(
            recent(
                "C1",
                Lookback(NOW - timedelta(days=3), lines_since=long_ago, lines_not_on="email"),
                exclude_document=documents["A-fax"],
            )
        ) == [("A-new", [])]
        assert _read(
            recent(
                "C1",
                Lookback(NOW - timedelta(days=20), lines_since=long_ago, lines_not_on="fax"),
                exclude_document=0,
            )
        ) == [
            ("A-new", [("S5", Decimal("1.5"))]),
            ("A-fax", []),
            ("A-mid", [("S2", Decimal("1.5")), ("S3", Decimal("2.5"))]),
        ]
        assert _read(recent("C3", Lookback(long_ago, lines_since=long_ago), exclude_document=0)) == []
