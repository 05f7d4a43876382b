"""The lifecycle on PostgreSQL under concurrency: many workers contending for the last units never
oversell, and notifications rendered by competing jobs go out exactly once."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from decimal import Decimal

import pytest

from core.fulfilment.domain.notifications import NoticeKind
from core.kernel.domain.model import OrderState, OutboundKind
from core.kernel.domain.notices import NotificationState
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock
from tests.integration.lifecycle_support import (
    allocations,
    assert_books_balance,
    drain_all,
    notifications,
    outbound,
)

pytestmark = pytest.mark.integration
D = Decimal
WORKERS = 16


def in_parallel(jobs: list[Callable[[], object]], workers: int = WORKERS) -> list[BaseException]:
    """Run the jobs on `workers` threads released at the same instant; returns the errors raised."""
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []
    queue = list(jobs)
    lock = threading.Lock()

    def work() -> None:
        barrier.wait()
        while True:
            with lock:
                if not queue:
                    return
                job = queue.pop()
            try:
                job()
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def last_units(app: App, *, seed: int, count: int, tag: str) -> list[int]:
    """The last units: 7 + 5 of TAC-6 in two warehouses and 9 of BRO-HSS-8 in one, and `count` orders
    for 1-3 TAC-6 each (every second one also 1-2 BRO-HSS-8), far more than there is."""
    svc = app.lifecycle.service
    svc.receive("TAC-6", "MAD", "A-03-01", D(7), "goods-in")
    svc.receive("TAC-6", "BCN", "B-01-03", D(5), "goods-in")
    svc.receive("BRO-HSS-8", "MAD", "A-10-01", D(9), "goods-in")
    rng = random.Random(seed)
    specs = [
        [("TAC-6", D(rng.randint(1, 3)))] + ([("BRO-HSS-8", D(rng.randint(1, 2)))] if i % 2 else [])
        for i in range(count)
    ]
    with app.uow() as uow:
        ids = make_orders(uow, specs, fixed_clock(), tag=tag)
        uow.commit()
    return ids


def settled(app: App, ids: list[int]) -> tuple[dict[int, OrderState], dict[str, Decimal], dict[str, Decimal]]:
    """Check each line holds between nothing and its quantity, and each order is allocated when every
    line is whole and backordered otherwise; returns each order's state and the units wanted and
    taken per SKU."""
    states: dict[int, OrderState] = {}
    wanted: dict[str, Decimal] = {}
    got: dict[str, Decimal] = {}
    with app.uow() as uow:
        held = uow.fulfilment.allocations(ids)
        for order in uow.fulfilment.orders(ids):
            assert order.id is not None
            mine = held.get(order.id, [])
            complete = True
            for line in order.lines:
                assert line.sku is not None and line.quantity is not None
                taken = sum((a.quantity for a in mine if a.line_id == line.id), D(0))
                assert D(0) <= taken <= line.quantity  # each line allocated, partly, or waiting
                wanted[line.sku] = wanted.get(line.sku, D(0)) + line.quantity
                got[line.sku] = got.get(line.sku, D(0)) + taken
                complete = complete and taken == line.quantity
            states[order.id] = OrderState.ALLOCATED if complete else OrderState.BACKORDERED
            assert order.state is states[order.id]
    return states, wanted, got


def test_many_workers_contending_for_the_last_units_never_oversell(pg_shop: App) -> None:
    svc = pg_shop.lifecycle.service
    ids = last_units(pg_shop, seed=6, count=60, tag="race")

    errors = in_parallel([lambda oid=oid: svc.allocate([oid], f"worker-{oid}") for oid in ids])
    assert errors == []

    _, wanted, got = settled(pg_shop, ids)
    with pg_shop.uow() as uow:
        levels = uow.stock.levels()
    assert got == {"TAC-6": D(12), "BRO-HSS-8": D(9)}  # every last unit went, and no more
    assert wanted["TAC-6"] > 12 and wanted["BRO-HSS-8"] > 9
    assert all(D(0) <= lv.allocated <= lv.on_hand for lv in levels)
    assert_books_balance(pg_shop)


def test_batches_and_single_orders_racing_over_the_same_stock(pg_shop: App) -> None:
    svc = pg_shop.lifecycle.service
    for location in ("A-01-01", "A-01-02", "A-01-03"):
        svc.receive("TOR-M8-40", "MAD", location, D(40), "goods-in")
    svc.receive("TOR-M8-40", "BCN", "B-02-01", D(30), "goods-in")
    with pg_shop.uow() as uow:
        ids = make_orders(uow, [[("TOR-M8-40", D(7))] for _ in range(40)], fixed_clock(), tag="mix")
        uow.commit()
    batches: list[Callable[[], object]] = [
        lambda b=ids[i : i + 5]: svc.allocate(b, "batch") for i in range(0, 40, 5)
    ]
    singles: list[Callable[[], object]] = [lambda oid=oid: svc.allocate([oid], "single") for oid in ids]
    assert in_parallel(batches + singles) == []
    total = sum((a.quantity for oid in ids for a in allocations(pg_shop, oid)), D(0))
    assert total == D(150)  # 40 orders x 7 = 280 wanted, 150 there
    assert_books_balance(pg_shop)


def test_notifications_go_out_once_however_many_jobs_race(pg_shop: App) -> None:
    svc = pg_shop.lifecycle.service
    svc.receive("GUA-NIT-L", "MAD", "A-12-04", D(3), "goods-in")
    with pg_shop.uow() as uow:
        [oid] = make_orders(uow, [[("GUA-NIT-L", D(5))]], fixed_clock(), tag="notify")
        order = uow.fulfilment.order(oid)
        assert order is not None
        order.channel, order.partner_id = "email", None
        uow.commit()
    svc.allocate([oid], "clerk")  # 3 of 5: backordered, the customer is told
    svc.allocate([oid], "clerk")  # nothing new: no second notice
    assert in_parallel([lambda: svc.notify(oid) for _ in range(12)], workers=12) == []
    drain_all(pg_shop)
    [notice] = notifications(pg_shop, oid)
    assert notice.kind is NoticeKind.BACKORDERED and notice.state is NotificationState.QUEUED
    [mail] = outbound(pg_shop, oid)
    assert mail.kind is OutboundKind.NOTICE and mail.channel == "email"
    assert mail.recipient == "pedidos@ferreterianunez.es"
    assert "pendiente de stock" in mail.content.decode()  # the customer's language: Spanish
