"""Sixteen workers allocating as the same actor (as `start_orders` jobs do) share transactions
(core.fulfilment.services.batching) and still never oversell, on PostgreSQL: every last unit goes,
no more, each order gets one allocation event, and each worker hears only about its own order."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from core.fulfilment.services.allocation import AllocationReport
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.lifecycle_support import assert_books_balance, events, set_up_shop
from tests.integration.test_lifecycle_pg import in_parallel

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def shop(tmp_path: Path, pg_url: str) -> App:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    set_up_shop(app, stock=False)
    yield app  # type: ignore[misc]
    app.close()


def test_sixteen_workers_of_one_actor_share_batches_and_never_oversell(shop: App) -> None:
    svc = shop.lifecycle.service
    svc.receive("TAC-6", "MAD", "A-03-01", D(7), "goods-in")
    svc.receive("TAC-6", "BCN", "B-01-03", D(5), "goods-in")
    svc.receive("BRO-HSS-8", "MAD", "A-10-01", D(9), "goods-in")
    rng = random.Random(16)
    specs = [
        [("TAC-6", D(rng.randint(1, 3)))] + ([("BRO-HSS-8", D(rng.randint(1, 2)))] if i % 2 else [])
        for i in range(64)
    ]
    with shop.uow() as uow:
        ids = make_orders(uow, specs, fixed_clock(), tag="batches")
        uow.commit()
    reports: dict[int, AllocationReport] = {}

    def allocate(oid: int) -> None:
        reports[oid] = svc.allocate([oid], "system")

    assert in_parallel([lambda oid=oid: allocate(oid) for oid in ids]) == []

    got = {"TAC-6": D(0), "BRO-HSS-8": D(0)}
    with shop.uow() as uow:
        orders = uow.fulfilment.orders(ids)
        held = uow.fulfilment.allocations(ids)
        for order in orders:
            assert order.id is not None
            mine = held.get(order.id, [])
            complete = True
            for line in order.lines:
                assert line.sku is not None and line.quantity is not None
                taken = sum((a.quantity for a in mine if a.line_id == line.id), D(0))
                assert D(0) <= taken <= line.quantity
                got[line.sku] += taken
                complete = complete and taken == line.quantity
            state = OrderState.ALLOCATED if complete else OrderState.BACKORDERED
            assert order.state is state
            assert reports[order.id].states == {order.id: str(state)}  # its own order, nobody else's
    assert got == {"TAC-6": D(12), "BRO-HSS-8": D(9)}  # every last unit went, and no more
    for oid in ids:
        assert [e for e in events(shop, oid) if e[0] == "allocate"] in (
            [("allocate", "approved", "allocated")],
            [("allocate", "approved", "backordered")],
        )
    assert_books_balance(shop)
