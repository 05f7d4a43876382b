"""Sixteen workers allocating as the same actor (as `start_orders` jobs do) share transactions
(core.fulfilment.services.batching) and still never oversell, on PostgreSQL: every last unit goes,
no more, each order gets one allocation event, and each worker hears only about its own order."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from core.fulfilment.services.allocation import AllocationReport
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.lifecycle_support import assert_books_balance, events, set_up_shop
from tests.integration.test_lifecycle_pg import in_parallel, last_units, settled

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
    ids = last_units(shop, seed=16, count=64, tag="batches")
    reports: dict[int, AllocationReport] = {}

    def allocate(oid: int) -> None:
        reports[oid] = svc.allocate([oid], "system")

    assert in_parallel([lambda oid=oid: allocate(oid) for oid in ids]) == []

    states, _, got = settled(shop, ids)
    for oid, state in states.items():
        assert reports[oid].states == {oid: str(state)}  # its own order, nobody else's
    assert got == {"TAC-6": D(12), "BRO-HSS-8": D(9)}  # every last unit went, and no more
    for oid in ids:
        assert [e for e in events(shop, oid) if e[0] == "allocate"] in (
            [("allocate", "approved", "allocated")],
            [("allocate", "approved", "backordered")],
        )
    assert_books_balance(shop)
