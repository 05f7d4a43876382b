"""Allocation reads stock without a lock and reserves last: when the units it planned on were taken in
between, nothing of the first try is kept and the order is allocated again under lock, on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pytest

from core.fulfilment.adapters.repository_stock import StockRepository
from core.fulfilment.domain.stock import StockLevel
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock
from tests.integration.lifecycle_support import allocations, assert_books_balance, events

pytestmark = pytest.mark.integration
D = Decimal


def test_units_taken_between_the_read_and_the_reservation_are_not_promised_twice(
    pg_shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = pg_shop.lifecycle.service
    svc.receive("TAC-6", "MAD", "A-03-01", D(5), "goods-in")
    with pg_shop.uow() as uow:
        first, second = make_orders(uow, [[("TAC-6", D(5))], [("TAC-6", D(5))]], fixed_clock(), tag="stale")
        uow.commit()
    with pg_shop.uow() as uow:
        # 5 free, as the second order's first read will see
        before = uow.stock.to_plan_on(["TAC-6"], lock=False)
    svc.allocate([first], "worker-1")  # takes all five

    unlocked_reads: list[bool] = []
    real = StockRepository.to_plan_on

    def stale(
        self: StockRepository, skus: Iterable[str], *, lock: bool
    ) -> tuple[list[StockLevel], dict[str, int]]:
        if lock:
            return real(self, skus, lock=True)
        unlocked_reads.append(lock)
        return before

    monkeypatch.setattr(StockRepository, "to_plan_on", stale)
    report = svc.allocate([second], "worker-2")

    assert len(unlocked_reads) == 1  # it planned on the stale five once, then again under lock
    # nothing to give: the five are the first order's, and all five of line 1 wait
    assert report.allocated == {second: {}} and report.waiting == {second: {"1": "5"}}
    assert [a.quantity for a in allocations(pg_shop, first)] == [D(5)]
    assert allocations(pg_shop, second) == []
    with pg_shop.uow() as uow:
        states = {o.id: o.state for o in uow.fulfilment.orders([first, second])}
        level = uow.stock.level("MAD", "A-03-01", "TAC-6")
    assert states == {first: OrderState.ALLOCATED, second: OrderState.BACKORDERED}
    assert level is not None and (level.on_hand, level.allocated) == (D(5), D(5))
    # one allocation event for the second order: the try that lost left no trace
    assert [e for e in events(pg_shop, second) if e[0] == "allocate"] == [
        ("allocate", "approved", "backordered")
    ]
    assert_books_balance(pg_shop)


def test_plenty_of_stock_is_reserved_without_a_second_try(
    pg_shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = pg_shop.lifecycle.service
    svc.receive("TAC-6", "MAD", "A-03-01", D(50), "goods-in")
    with pg_shop.uow() as uow:
        (only,) = make_orders(uow, [[("TAC-6", D(4))]], fixed_clock(), tag="plenty")
        uow.commit()
    locked: list[bool] = []
    real = StockRepository.to_plan_on

    def counting(
        self: StockRepository, skus: Iterable[str], *, lock: bool
    ) -> tuple[list[StockLevel], dict[str, int]]:
        locked.append(lock)
        return real(self, skus, lock=lock)

    monkeypatch.setattr(StockRepository, "to_plan_on", counting)
    svc.allocate([only], "worker")

    assert locked == [False]  # read without a lock, reserved by the conditional UPDATE alone
    assert [a.quantity for a in allocations(pg_shop, only)] == [D(4)]
    with pg_shop.uow() as uow:
        level = uow.stock.level("MAD", "A-03-01", "TAC-6")
    assert level is not None and (level.on_hand, level.allocated) == (D(50), D(4))
    assert_books_balance(pg_shop)
