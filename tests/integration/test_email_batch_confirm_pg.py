"""E-mails stored together by one job (the collector's batch) on PostgreSQL: their duplicate questions
are asked again once for the whole batch, its customers held, just before its commit.

- Another worker committing the same customer's order with the same order number while the batch is
  being stored (after the batch decided, before it holds the customer) is caught: the batch is given up
  and each e-mail decided again alone, so one order flows on and the other waits in review as its
  duplicate, never both accepted.
- Orders repeating each other inside the batch are no such change: the batch commits in one go.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.capture.services import processing
from core.kernel.adapters.repository import OrderRepository
from core.kernel.domain.model import Decision, Order, OrderState
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import all_orders, document, orders_of
from tests.integration.test_email_batch_duplicates import mailed, store

pytestmark = pytest.mark.integration


@pytest.fixture
def shop(tmp_path: Path, pg_url: str) -> Iterator[App]:
    app = make_app(tmp_path, pg_url, clock=fixed_clock, collect_documents=8)
    load_demo_master_data(app)
    yield app
    app.close()


def with_po(orders: list[Order], po: str) -> list[Order]:
    return sorted((o for o in orders if o.po_number == po), key=lambda o: o.duplicate_of or 0)


def test_another_workers_order_committed_while_a_batch_is_stored_is_caught(
    shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0950", "b1"))
    second = store(shop, mailed("4 x TAC-6\n", "PO-2026-0951", "b2"))
    shop.broker.flush_all()  # type: ignore[attr-defined]

    in_batch: list[bool] = []
    other: list[int] = []
    together, insert = processing.store_together, OrderRepository.insert_new

    def store_together(*args: Any, **kwargs: Any) -> Any:
        in_batch.append(True)
        try:
            return together(*args, **kwargs)
        finally:
            in_batch.pop()

    def insert_then_other_worker(self: OrderRepository, document_id: int, orders: Any) -> None:
        insert(self, document_id, orders)
        if in_batch and document_id == first and not other:
            # the batch has decided its first e-mail and not yet held its customer: meanwhile another
            # worker takes the same order sent again under a new Message-ID, decides and commits it
            other.append(store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0950", "b3")))
            shop.broker.flush_all()  # type: ignore[attr-defined]
            shop.process(other[0])

    monkeypatch.setattr(processing, "store_together", store_together)
    monkeypatch.setattr(OrderRepository, "insert_new", insert_then_other_worker)
    shop.process(first)  # collects the second e-mail: both in one batch
    shop.process(second)  # its own job (queued again when the batch was given up)
    assert other, "the other worker did not run while the batch was stored"

    assert [len(orders_of(shop, d)) for d in (first, second, other[0])] == [1, 1, 1]
    # the batch was given up and each of its e-mails taken up again alone
    assert [document(shop, d).attempts for d in (first, second)] == [2, 2]
    original, again = with_po(all_orders(shop), "PO-2026-0950")
    assert original.document_id == other[0] and original.duplicate_of is None
    assert again.document_id == first and again.duplicate_of == original.id
    assert again.state is OrderState.IN_REVIEW and again.decision is Decision.REVIEW
    assert "duplicate_order" in {p["code"] for p in again.problems}
    (unrelated,) = orders_of(shop, second)
    assert unrelated.duplicate_of is None and unrelated.decision is Decision.ACCEPT


def test_a_batch_whose_e_mails_repeat_each_other_commits_in_one_go(shop: App) -> None:
    ids = [
        store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0960", "c1")),
        store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0960", "c2")),  # the same order again
        store(shop, mailed("2 x TAC-6\n", "PO-2026-0961", "c3")),
        store(shop, mailed("10 x TOR-M8-40\n3 x TUE-M8\n", "PO-2026-0960", "c4")),  # and a third time
    ]
    shop.broker.flush_all()  # type: ignore[attr-defined]
    shop.process(ids[0])  # takes up the other three with it

    # one attempt each: no answer changed when asked again, nothing was decided twice
    assert [document(shop, d).attempts for d in ids] == [1, 1, 1, 1]
    assert [len(orders_of(shop, d)) for d in ids] == [1, 1, 1, 1]
    original, *copies = with_po(all_orders(shop), "PO-2026-0960")
    assert original.document_id == ids[0] and original.duplicate_of is None
    second, third = copies
    assert (second.document_id, second.duplicate_of) == (ids[1], original.id)
    assert third.document_id == ids[3] and third.duplicate_of in {original.id, second.id}
    assert all(o.decision is Decision.REVIEW for o in copies)
    (other,) = orders_of(shop, ids[2])
    assert other.duplicate_of is None and other.decision is Decision.ACCEPT
