"""On PostgreSQL a batch's reservations on several stock levels are applied by one statement (the
rows locked in (sku, id) order first), with the same rule as one statement per level: every level
stays within bounds or nothing is changed."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from core.fulfilment.domain.stock import MovementKind, StockLevel, StockMovement
from core.kernel.errors import StockError
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.lifecycle_support import assert_books_balance, set_up_shop

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def shop(tmp_path: Path, pg_url: str) -> Iterator[App]:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    set_up_shop(app, stock=False)
    svc = app.lifecycle.service
    svc.receive("TAC-6", "MAD", "A-03-01", D(7), "goods-in")
    svc.receive("TAC-6", "BCN", "B-01-03", D(5), "goods-in")
    svc.receive("BRO-HSS-8", "MAD", "A-10-01", D(9), "goods-in")
    yield app
    app.close()


def levels(app: App) -> dict[tuple[str, str], StockLevel]:
    with app.uow() as uow:
        return {(lv.sku, lv.warehouse): lv for lv in uow.stock.levels() if lv.on_hand > 0}


def reserve(level: StockLevel, quantity: str) -> StockMovement:
    return StockMovement(
        at=fixed_clock(),
        stock_id=level.id,
        warehouse=level.warehouse,
        location=level.location,
        sku=level.sku,
        kind=MovementKind.ALLOCATE,
        allocated_delta=D(quantity),
        actor="test",
    )


def test_reservations_on_three_levels_at_once(shop: App) -> None:
    found = levels(shop)
    with shop.uow() as uow:
        uow.stock.post(
            [
                reserve(found["TAC-6", "MAD"], "7"),  # all of it
                reserve(found["TAC-6", "BCN"], "2"),
                reserve(found["BRO-HSS-8", "MAD"], "4.5"),
                reserve(found["TAC-6", "BCN"], "1"),  # two lines on one level add up
            ],
            fixed_clock(),
        )
        uow.commit()
    after = levels(shop)
    assert (after["TAC-6", "MAD"].on_hand, after["TAC-6", "MAD"].allocated) == (D(7), D(7))
    assert (after["TAC-6", "BCN"].on_hand, after["TAC-6", "BCN"].allocated) == (D(5), D(3))
    assert (after["BRO-HSS-8", "MAD"].on_hand, after["BRO-HSS-8", "MAD"].allocated) == (D(9), D("4.5"))
    assert_books_balance(shop)


def test_one_level_short_changes_none(shop: App) -> None:
    found = levels(shop)
    with shop.uow() as uow, pytest.raises(StockError, match="oversold"):
        uow.stock.post(
            [
                reserve(found["TAC-6", "MAD"], "3"),
                reserve(found["TAC-6", "BCN"], "6"),  # 5 on hand
                reserve(found["BRO-HSS-8", "MAD"], "1"),
            ],
            fixed_clock(),
        )
    after = levels(shop)
    assert [lv.allocated for lv in after.values()] == [D(0), D(0), D(0)]
    assert_books_balance(shop)
