"""A contended allocation's writes on PostgreSQL go in one round trip (psycopg's pipeline mode): the
orders' states, the events, the allocations, the ledger lines and the reservation are sent together and
answered together, and every row count is still checked before the commit: a reservation the stock no
longer holds is a lost race, tried again under lock, with nothing of the first try kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from sqlalchemy import event

from core.fulfilment.adapters.repository_stock import StockRepository
from core.fulfilment.domain.stock import StockLevel
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock
from tests.integration.lifecycle_support import allocations, assert_books_balance, events

pytestmark = pytest.mark.integration
D = Decimal
WRITES = (
    "UPDATE orders",
    "INSERT INTO order_events",
    "INSERT INTO allocations",
    "INSERT INTO stock_movements",
    "WITH locked AS",  # the reservation on several stock levels: their conditional UPDATE
    "UPDATE stock_levels",  # the reservation on one level
)


@contextmanager
def sent(app: App) -> Iterator[list[tuple[str, bool]]]:
    """The statements sent meanwhile, each with whether it went in a pipeline (unanswered yet)."""
    seen: list[tuple[str, bool]] = []

    def before(conn: object, cursor: object, statement: str, *args: object) -> None:
        driver = conn.connection.driver_connection  # type: ignore[attr-defined]
        seen.append((" ".join(statement.split()), bool(driver.pgconn.pipeline_status)))

    event.listen(app.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(app.engine, "before_cursor_execute", before)


def writes(seen: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    return [(head, piped) for statement, piped in seen for head in WRITES if statement.startswith(head)]


def test_a_batchs_writes_are_sent_together_and_reads_are_not(pg_shop: App) -> None:
    svc = pg_shop.lifecycle.service
    svc.receive("TAC-6", "MAD", "A-03-01", D(20), "goods-in")
    svc.receive("BRO-HSS-8", "MAD", "A-04-01", D(20), "goods-in")
    specs = [[("TAC-6", D(2))], [("TAC-6", D(3)), ("BRO-HSS-8", D(1))], [("BRO-HSS-8", D(4))]]
    with pg_shop.uow() as uow:
        ids = make_orders(uow, specs, fixed_clock(), tag="together")
        uow.commit()
    with sent(pg_shop) as seen:
        svc.allocate(ids, "worker")

    assert writes(seen) == [(head, True) for head in WRITES[:-1]]  # each once, all in the pipeline
    assert [s for s, piped in seen if s.startswith("SELECT") and piped] == []  # reads answered at once
    assert [[(a.sku, a.quantity) for a in allocations(pg_shop, oid)] for oid in ids] == [
        [("TAC-6", D(2))],
        [("TAC-6", D(3)), ("BRO-HSS-8", D(1))],
        [("BRO-HSS-8", D(4))],
    ]
    with pg_shop.uow() as uow:
        assert {o.state for o in uow.fulfilment.orders(ids)} == {OrderState.ALLOCATED}
        tac, bro = uow.stock.level("MAD", "A-03-01", "TAC-6"), uow.stock.level("MAD", "A-04-01", "BRO-HSS-8")
    assert tac is not None and bro is not None and (tac.allocated, bro.allocated) == (D(5), D(5))
    assert_books_balance(pg_shop)


def test_a_reservation_refused_in_the_pipeline_is_a_lost_race_and_keeps_nothing(
    pg_shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = pg_shop.lifecycle.service
    svc.receive("TAC-6", "MAD", "A-03-01", D(5), "goods-in")
    with pg_shop.uow() as uow:
        first, second = make_orders(uow, [[("TAC-6", D(3))], [("TAC-6", D(4))]], fixed_clock(), tag="lost")
        uow.commit()
    with pg_shop.uow() as uow:
        before = uow.stock.to_plan_on(["TAC-6"], lock=False)  # 5 free, as the second's first plan sees
    svc.allocate([first], "worker-1")  # takes three: the second's four no longer fit
    real = StockRepository.to_plan_on

    def stale(
        self: StockRepository, skus: Iterable[str], *, lock: bool
    ) -> tuple[list[StockLevel], dict[str, int]]:
        return real(self, skus, lock=True) if lock else before

    monkeypatch.setattr(StockRepository, "to_plan_on", stale)
    with sent(pg_shop) as seen:
        report = svc.allocate([second], "worker-2")

    # the first try's writes went together, the refused reservation among them; the second try,
    # under lock, reserved nothing (two units for a line of four: they wait) and wrote the rest
    one_level = [head for head in WRITES if head != "WITH locked AS"]
    assert writes(seen)[: len(one_level)] == [(head, True) for head in one_level]
    assert report.allocated == {second: {"1": "2"}} and report.waiting == {second: {"1": "2"}}
    assert [a.quantity for a in allocations(pg_shop, second)] == [D(2)]
    with pg_shop.uow() as uow:
        level = uow.stock.level("MAD", "A-03-01", "TAC-6")
    assert level is not None and (level.on_hand, level.allocated) == (D(5), D(5))
    assert [e for e in events(pg_shop, second) if e[0] == "allocate"] == [
        ("allocate", "approved", "backordered")
    ]
    assert_books_balance(pg_shop)
