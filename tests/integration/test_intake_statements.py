"""The statements the take-up and the storing run for every e-mail (a document read, its row locked;
the arrivals waiting to be collected; the first copy of an arrival; a batch's documents; its customers'
earlier orders) are built once and reused with each call's own values, not built anew each time; what
they find is unchanged.

The rules under test, written out, the expectations coming from what each test stores itself:

- `waiting(channel, besides, limit)`: arrivals on that channel, received and never taken up (no attempt),
  other than `besides`, oldest first, at most `limit`;
- `first_copy(sha256, channel, external_id, before)`: the first arrival (lowest id) other than `before`,
  not a duplicate, with those bytes (and, second, on that channel with that external id) that came
  before it: numbered before it, or taken up already;
- `get_many(ids)`: the documents of those ids that exist, by id;
- `recent_for_customers(customers, window)`: each customer's orders created at or after `since`,
  newest first, at most `limit` a customer, with lines only of those created since `lines_since`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.lookback import Lookback
from oms.bootstrap import App
from tests.integration.helpers import earlier_order, stored_email
from tests.integration.statement_support import executed_statements

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def _arrivals(app: App) -> dict[str, int]:
    """Seven arrivals, by name: their bytes, channel, Message-ID and state chosen for the rules above."""
    wanted = [
        ("first", Channel.EMAIL, "A", "<m1@x>", DocumentState.RECEIVED, 0),
        ("second", Channel.EMAIL, "B", "<m2@x>", DocumentState.RECEIVED, 0),
        ("fax", Channel.FAX, "C", None, DocumentState.RECEIVED, 0),
        ("same bytes", Channel.EMAIL, "A", "<m4@x>", DocumentState.RECEIVED, 0),
        ("same message", Channel.EMAIL, "D ñ €", "<m1@x>", DocumentState.RECEIVED, 0),
        ("processed", Channel.EMAIL, "E", "<m6@x>", DocumentState.PROCESSED, 1),
        ("tried", Channel.EMAIL, "F", "<m7@x>", DocumentState.RECEIVED, 1),
    ]
    ids = {}
    for name, channel, text, message_id, _, _ in wanted:
        doc = InboundDocument(channel, text.encode(), NOW, original_name="x", external_id=message_id)
        ids[name] = app.submit(doc)
    with app.uow() as uow:
        for name, _, _, _, state, attempts in wanted:
            record = uow.documents.get(ids[name])
            assert record is not None
            record.state, record.attempts = state, attempts
        uow.commit()
    return ids


@contextmanager
def _statements(uow: CaptureUnitOfWork) -> Iterator[Callable[[Callable[[], Any]], tuple[Any, list[Any]]]]:
    """`run(call)`: what the call returns and the statements it executed through the session."""
    with executed_statements(uow.session) as executed:

        def run(call: Callable[[], Any]) -> tuple[Any, list[Any]]:
            executed.clear()
            found = call()
            return found, list(executed)

        yield run


def test_the_take_ups_statements_are_the_same_objects_on_every_call(app_each_db: App) -> None:
    app = app_each_db  # the bare app on SQLite, then on PostgreSQL
    ids = _arrivals(app)
    with app.uow() as uow, _statements(uow) as run:
        docs = uow.documents
        one, [get_1] = run(lambda: docs.get(ids["first"], lock=True))
        other, [get_2] = run(lambda: docs.get(ids["fax"], lock=True))
        assert get_2 is get_1
        assert (one.id, one.channel, other.id, other.channel) == (ids["first"], "email", ids["fax"], "fax")

        found, [waiting_1] = run(lambda: docs.waiting("email", besides=ids["first"], limit=2))
        assert [r.id for r in found] == [ids["second"], ids["same bytes"]]  # oldest first, at most 2
        found, [waiting_2] = run(lambda: docs.waiting("email", besides=ids["second"], limit=10))
        # neither the fax, nor the processed one, nor the one taken up before, nor `besides`
        assert [r.id for r in found] == [ids["first"], ids["same bytes"], ids["same message"]]
        assert waiting_2 is waiting_1
        assert docs.waiting("fax", besides=0, limit=10)[0].id == ids["fax"]

        sha = {name: docs.get(ids[name]).sha256 for name in ids}  # type: ignore[union-attr]
        copy, [first_1] = run(
            lambda: docs.first_copy(sha["same bytes"], "email", "<m4@x>", before=ids["same bytes"])
        )
        assert copy == (ids["first"], None)  # the same bytes came first; nothing else had its Message-ID
        copy, [first_2] = run(
            lambda: docs.first_copy(sha["same message"], "email", "<m1@x>", before=ids["same message"])
        )
        assert copy == (None, ids["first"])  # new bytes, but the Message-ID came first
        assert first_2 is first_1
        # the first arrival itself came before both: it has no first copy
        assert docs.first_copy(sha["first"], "email", "<m1@x>", before=ids["first"]) == (None, None)

        batch, [many_1] = run(lambda: docs.get_many([ids["second"], ids["first"]], lock=True))
        assert list(batch) == [ids["first"], ids["second"]]
        wanted = [ids["fax"], ids["same message"], ids["processed"], 999_999]  # one that names nothing
        batch, [many_2] = run(lambda: docs.get_many(wanted, lock=True))
        assert list(batch) == sorted(wanted[:3]) and batch[ids["processed"]].state == "processed"
        assert many_2 is many_1


def test_a_batchs_first_copies_are_read_by_the_same_statement_every_time(app_each_db: App) -> None:
    app = app_each_db  # the bare app on SQLite, then on PostgreSQL
    ids = _arrivals(app)
    with app.uow() as uow, _statements(uow) as run:
        docs = uow.documents
        records = docs.get_many(ids.values())
        copies, first = run(lambda: docs.first_copies([records[ids["same bytes"]], records[ids["tried"]]]))
        assert copies.with_hash(records[ids["same bytes"]]) == ids["first"]
        assert copies.with_external_id(records[ids["tried"]]) is None
        copies, second = run(lambda: docs.first_copies([records[ids["same message"]]]))
        assert copies.with_hash(records[ids["same message"]]) is None
        assert copies.with_external_id(records[ids["same message"]]) == ids["first"]
        assert second[-1] is first[-1]  # the arrivals' read, after the copies are held


def test_a_batchs_customers_earlier_orders_are_read_by_the_same_statements_every_time(
    app_each_db: App,
) -> None:
    app = app_each_db  # the bare app on SQLite, then on PostgreSQL
    wanted = [
        ("C1", "A-old", 40, ["S1"]),
        ("C1", "A-mid", 10, ["S2", "S3"]),
        ("C1", "A-new", 1, ["S4"]),
        ("C2", "B-mid", 8, ["S5"]),
        ("C2", "B-new", 2, ["S6", "S7"]),
        ("C3", "Ç-new", 1, ["S8"]),
    ]
    documents = {po: stored_email(app, n, NOW) for n, (_, po, *_) in enumerate(wanted, start=1)}
    with app.uow() as uow:
        for customer, po, age, skus in wanted:
            order = earlier_order(documents[po], customer, po, NOW - timedelta(days=age), skus)
            uow.orders.insert_new(documents[po], [order])
        uow.commit()

    def read(found: Any) -> dict[str, list[tuple[int, str, list[tuple[str, Decimal]]]]]:
        return {
            customer: [(doc, o.po_number, [(ln.sku, ln.quantity) for ln in o.lines]) for doc, o in orders]
            for customer, orders in found.items()
        }

    with app.uow() as uow, _statements(uow) as run:
        recent = uow.orders.recent_for_customers
        first, [heads_1, lines_1] = run(
            lambda: recent(
                ["C2", "C1", "C9"], Lookback(NOW - timedelta(days=30), NOW - timedelta(days=5), limit=1)
            )
        )
        # each customer's newest since 30 days, one a customer; lines only of the last 5 days'
        assert read(first) == {
            "C1": [(documents["A-new"], "A-new", [("S4", Decimal("1.5"))])],
            "C2": [(documents["B-new"], "B-new", [("S6", Decimal("1.5")), ("S7", Decimal("2.5"))])],
            "C9": [],
        }
        second, [heads_2, lines_2] = run(
            lambda: recent(["C1", "C3"], Lookback(NOW - timedelta(days=60), NOW - timedelta(days=20)))
        )
        assert read(second) == {
            "C1": [
                (documents["A-new"], "A-new", [("S4", Decimal("1.5"))]),
                (documents["A-mid"], "A-mid", [("S2", Decimal("1.5")), ("S3", Decimal("2.5"))]),
                (documents["A-old"], "A-old", []),
            ],
            "C3": [(documents["Ç-new"], "Ç-new", [("S8", Decimal("1.5"))])],
        }
        assert heads_2 is heads_1 and lines_2 is lines_1
