"""Sixteen workers allocating as the same actor (as `start_orders` jobs do) share transactions
(core.fulfilment.services.batching) and still never oversell, on PostgreSQL: every last unit goes,
no more, each order gets one allocation event, and each worker hears only about its own order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import event

from core.fulfilment.domain.stock import CustomerPreferences
from core.fulfilment.services.allocation import AllocationReport
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock
from tests.integration.lifecycle_support import allocations, assert_books_balance, events
from tests.integration.test_lifecycle_pg import in_parallel, last_units, settled

pytestmark = pytest.mark.integration
D = Decimal


def test_sixteen_workers_of_one_actor_share_batches_and_never_oversell(pg_shop: App) -> None:
    svc = pg_shop.lifecycle.service
    ids = last_units(pg_shop, seed=16, count=64, tag="batches")
    reports: dict[int, AllocationReport] = {}

    def allocate(oid: int) -> None:
        reports[oid] = svc.allocate([oid], "system")

    assert in_parallel([lambda oid=oid: allocate(oid) for oid in ids]) == []

    states, _, got = settled(pg_shop, ids)
    for oid, state in states.items():
        assert reports[oid].states == {oid: str(state)}  # its own order, nobody else's
    assert got == {"TAC-6": D(12), "BRO-HSS-8": D(9)}  # every last unit went, and no more
    for oid in ids:
        assert [e for e in events(pg_shop, oid) if e[0] == "allocate"] in (
            [("allocate", "approved", "allocated")],
            [("allocate", "approved", "backordered")],
        )
    assert_books_balance(pg_shop)


def test_a_batch_of_several_customers_sources_each_by_its_own_rules_from_one_read_of_them(
    pg_shop: App,
) -> None:
    """Preferences and warehouses are read once for the batch, not once per customer or per plan:
    one statement on customer_preferences whatever the customers, none on warehouses alone (their
    priorities come with the stock levels); and each order is still sourced by its own customer's
    rules."""
    svc = pg_shop.lifecycle.service
    for sku in ("TAC-6", "BRO-HSS-8"):
        svc.receive(sku, "MAD", "A-01-01", D(5), "goods-in")
        svc.receive(sku, "BCN", "B-01-01", D(5), "goods-in")
    with pg_shop.uow() as uow:
        uow.stock.save_preferences(CustomerPreferences("C-1001", split_warehouses=False))
        uow.commit()
    ids = []
    for n, (customer, sku) in enumerate((("C-1001", "TAC-6"), ("C-1002", "BRO-HSS-8"), ("C-2001", "TAC-6"))):
        with pg_shop.uow() as uow:
            ids += make_orders(
                uow, [[(sku, D(8 if n < 2 else 1))]], fixed_clock(), customer_id=customer, tag=f"c{n}"
            )
            uow.commit()
    reads: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        reads.append(" ".join(statement.split()))

    event.listen(pg_shop.engine, "before_cursor_execute", seen)
    try:
        report = svc.allocate(ids, "system")
    finally:
        event.remove(pg_shop.engine, "before_cursor_execute", seen)

    assert len([r for r in reads if "FROM customer_preferences" in r]) == 1
    assert [r for r in reads if r.startswith("SELECT") and " FROM warehouses" in r] == []
    no_split, split, small = ids
    # C-1001 does not split: five from the first warehouse (MAD, most preferred of two equal), three wait
    assert {(a.warehouse, a.quantity) for a in allocations(pg_shop, no_split)} == {("MAD", D(5))}
    assert report.waiting[no_split] == {"1": "3"}
    # C-1002 splits: five from MAD and three from BCN
    assert sorted((a.warehouse, a.quantity) for a in allocations(pg_shop, split)) == [
        ("BCN", D(3)),
        ("MAD", D(5)),
    ]
    assert [(a.warehouse, a.quantity) for a in allocations(pg_shop, small)] == [("BCN", D(1))]
    assert_books_balance(pg_shop)
