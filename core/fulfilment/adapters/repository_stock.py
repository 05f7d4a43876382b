"""Stock and shipping master data: warehouses, stock levels and their ledger here; product shipping
attributes, carrier rate tables and customer preferences (`repository_shipping`) mixed in.

Every change of a stock level goes through `post`, which applies the movements' deltas with a
conditional UPDATE (the row must still hold what the movement takes) and appends them to the
ledger in the same transaction: the books and the levels cannot drift apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, and_, bindparam, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.fulfilment.adapters.orm import stock_levels, stock_movements, warehouses
from core.fulfilment.adapters.repository_shipping import ShippingQueries
from core.fulfilment.domain.stock import CustomerPreferences, StockLevel, StockMovement, Warehouse
from core.kernel.adapters.bulk import answered, insert_rows
from core.kernel.adapters.db import on_postgresql
from core.kernel.adapters.types import to_milli
from core.kernel.errors import StockError

_LEVEL_COLUMNS = (
    stock_levels.c.id,
    stock_levels.c.warehouse,
    stock_levels.c.location,
    stock_levels.c.sku,
    stock_levels.c.on_hand,
    stock_levels.c.allocated,
)


def _apply_one() -> Any:
    t = stock_levels.c
    d_hand, d_alloc = bindparam("d_hand", type_=BigInteger), bindparam("d_alloc", type_=BigInteger)
    return (
        update(stock_levels)
        .where(
            and_(
                t.id == bindparam("b_id"),
                t.on_hand + d_hand >= 0,
                t.allocated + d_alloc >= 0,
                t.allocated + d_alloc <= t.on_hand + d_hand,
            )
        )
        .values(on_hand=t.on_hand + d_hand, allocated=t.allocated + d_alloc, updated_at=bindparam("b_at"))
    )


# one level's change within bounds; built once (building it, a dozen operator objects and their cache
# key, cost a one-order allocation about as much as the statement's round trip took in CPU)
_APPLY_ONE = _apply_one()

_APPLY_AT_ONCE = text(
    """
    WITH locked AS MATERIALIZED (
        SELECT id FROM stock_levels WHERE id = ANY(CAST(:ids AS integer[])) ORDER BY sku, id FOR UPDATE
    ), wanted AS (
        SELECT * FROM unnest(CAST(:ids AS integer[]), CAST(:hands AS bigint[]), CAST(:allocs AS bigint[]))
            AS w(id, d_hand, d_alloc)
    )
    UPDATE stock_levels AS t
       SET on_hand = t.on_hand + w.d_hand, allocated = t.allocated + w.d_alloc, updated_at = :at
      FROM wanted AS w
     WHERE t.id = w.id
       AND t.id IN (SELECT id FROM locked)
       AND t.on_hand + w.d_hand >= 0
       AND t.allocated + w.d_alloc >= 0
       AND t.allocated + w.d_alloc <= t.on_hand + w.d_hand
    """
)


def _level(row: Sequence[Any]) -> StockLevel:
    return StockLevel(row[0], row[1], row[2], row[3], row[4], row[5])


class StockRepository(ShippingQueries):
    def __init__(self, session: Session) -> None:
        self.session = session
        self._preferences: dict[str, CustomerPreferences] = {}
        self._after_post: list[Callable[[Sequence[StockMovement], datetime], None]] = []

    def on_post(self, follow: Callable[[Sequence[StockMovement], datetime], None]) -> None:
        """Have `follow` see every batch of movements posted, in the same transaction (the books value
        each movement of goods as it happens: see `core.unit_of_work`)."""
        self._after_post.append(follow)

    # -- warehouses ----------------------------------------------------------------------------
    def warehouses(self, *, active_only: bool = True) -> Sequence[Warehouse]:
        stmt = select(Warehouse).order_by(warehouses.c.priority, warehouses.c.code)
        if active_only:
            stmt = stmt.where(warehouses.c.active.is_(True))
        return self.session.scalars(stmt).all()

    def warehouse(self, code: str) -> Warehouse | None:
        return self.session.get(Warehouse, code)

    def save_warehouse(self, warehouse: Warehouse) -> Warehouse:
        return self.session.merge(warehouse)

    # -- levels --------------------------------------------------------------------------------
    def level(self, warehouse: str, location: str, sku: str) -> StockLevel | None:
        stmt = select(*_LEVEL_COLUMNS).where(
            stock_levels.c.warehouse == warehouse,
            stock_levels.c.location == location,
            stock_levels.c.sku == sku,
        )
        row = self.session.execute(stmt).first()
        return _level(row) if row else None

    def ensure_level(
        self, warehouse: str, location: str, sku: str, now: datetime, *, held: bool = False
    ) -> StockLevel:
        """The level at this place, created empty when there is none (safe when two race to create it).

        `held`: the place is a quarantine; what it holds is never available (an existing level there
        is marked held too)."""
        found = self.level(warehouse, location, sku)
        if found is not None:
            if held:
                self.session.execute(
                    update(stock_levels).where(stock_levels.c.id == found.id).values(held=True)
                )
            return found
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(stock_levels).values(
                        warehouse=warehouse,
                        location=location,
                        sku=sku,
                        on_hand=0,
                        allocated=0,
                        updated_at=now,
                        held=held,
                    )
                )
        except IntegrityError as exc:
            if self.level(warehouse, location, sku) is None:
                raise StockError(f"cannot keep {sku} at {warehouse}/{location}: {exc.orig}") from exc
        level = self.level(warehouse, location, sku)
        assert level is not None
        return level

    def to_plan_on(self, skus: Iterable[str], *, lock: bool) -> tuple[list[StockLevel], dict[str, int]]:
        """What allocation plans on, in one statement: the levels of these SKUs with something
        available in the active warehouses, and those warehouses' priorities (a warehouse with
        nothing of these SKUs is left out: no plan could choose it).

        Unlocked, it is a snapshot to plan on for a reservation whose conditional UPDATE re-checks
        every row (`allocate(optimistic=True)`).  With `lock`, the stock rows (not the warehouses')
        are locked until commit in (sku, id) order, so two workers allocating overlapping SKUs queue
        instead of deadlocking; after waiting, PostgreSQL re-checks the condition on the new row."""
        wanted = sorted(set(skus))
        if not wanted:
            return [], {}
        stmt = (
            select(*_LEVEL_COLUMNS, warehouses.c.priority)
            .join(warehouses, warehouses.c.code == stock_levels.c.warehouse)
            .where(
                stock_levels.c.sku.in_(wanted),
                stock_levels.c.on_hand > stock_levels.c.allocated,
                stock_levels.c.held.is_(False),
                warehouses.c.active.is_(True),
            )
            .order_by(stock_levels.c.sku, stock_levels.c.id)
        )
        if lock:
            stmt = stmt.with_for_update(of=stock_levels)
        levels, priorities = [], {}
        for row in self.session.execute(stmt):
            levels.append(_level(row))
            priorities[row[1]] = row[6]
        return levels, priorities

    def held_levels(self, *, warehouse: str | None = None) -> list[StockLevel]:
        """The quarantine levels that hold something, by SKU and place."""
        stmt = (
            select(*_LEVEL_COLUMNS)
            .where(stock_levels.c.held.is_(True), stock_levels.c.on_hand > 0)
            .order_by(stock_levels.c.sku, stock_levels.c.warehouse, stock_levels.c.location)
        )
        if warehouse is not None:
            stmt = stmt.where(stock_levels.c.warehouse == warehouse)
        return [_level(r) for r in self.session.execute(stmt)]

    def levels(self, *, sku: str | None = None, warehouse: str | None = None) -> list[StockLevel]:
        stmt = select(*_LEVEL_COLUMNS).order_by(
            stock_levels.c.sku, stock_levels.c.warehouse, stock_levels.c.location
        )
        if sku is not None:
            stmt = stmt.where(stock_levels.c.sku == sku)
        if warehouse is not None:
            stmt = stmt.where(stock_levels.c.warehouse == warehouse)
        return [_level(r) for r in self.session.execute(stmt)]

    def available_to_promise(self, skus: Iterable[str] | None = None) -> dict[str, Decimal]:
        """Per SKU: on hand less allocated, over every active warehouse (quarantine left out)."""
        stmt = select(
            stock_levels.c.sku, func.sum(stock_levels.c.on_hand), func.sum(stock_levels.c.allocated)
        ).where(stock_levels.c.held.is_(False))
        if skus is not None:
            stmt = stmt.where(stock_levels.c.sku.in_(list(skus)))
        rows = self.session.execute(stmt.group_by(stock_levels.c.sku))
        return {sku: Decimal(on_hand) - Decimal(allocated) for sku, on_hand, allocated in rows}

    # -- the ledger ----------------------------------------------------------------------------
    def post(self, movements: Sequence[StockMovement], now: datetime) -> None:
        """Apply the movements to their levels and append them to the ledger.

        The UPDATE only touches a row that stays within bounds (nothing negative, never more
        allocated than on hand); a row it cannot touch makes the whole transaction fail.  It comes
        last (after the ledger lines and their valuation), so the row locks it takes are held for
        as few statements as possible.
        """
        if not movements:
            return
        deltas: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        skus: dict[int, str] = {}
        for m in movements:
            deltas[m.stock_id][0] += to_milli(m.on_hand_delta)
            deltas[m.stock_id][1] += to_milli(m.allocated_delta)
            skus[m.stock_id] = m.sku
        # the ledger lines first: the rows' locks, taken by the UPDATE, are then held to the commit only
        rows = [
                {
                    "at": m.at,
                    "stock_id": m.stock_id,
                    "warehouse": m.warehouse,
                    "location": m.location,
                    "sku": m.sku,
                    "kind": m.kind,
                    "on_hand_delta": m.on_hand_delta,
                    "allocated_delta": m.allocated_delta,
                    "order_id": m.order_id,
                    "reference": m.reference,
                    "actor": m.actor,
                }
                for m in movements
            ]  # fmt: skip
        insert_rows(self.session.connection(), stock_movements, rows)  # COPY for a batch's many
        for follow in self._after_post:
            follow(movements, now)
        # rows in (sku, id) order, the order `to_plan_on` locks them in: no deadlock between the two
        order = sorted(deltas, key=lambda k: (skus[k], k))
        params = [{"b_id": k, "d_hand": deltas[k][0], "d_alloc": deltas[k][1], "b_at": now} for k in order]
        if len(params) > 1 and on_postgresql(self.session):
            results = [self._apply_at_once(params, now)]
        else:
            results = [self.session.execute(_APPLY_ONE, [p]) for p in params]

        def check(changed: int) -> None:
            if changed != len(params):
                raise StockError("stock changed underneath: a level would go negative or be oversold")

        answered(self.session, results, check)  # inside `pipelined`, once PostgreSQL has answered

    def _apply_at_once(self, params: list[dict[str, Any]], now: datetime) -> Any:
        """Every level's change in one statement (a batch reserves on many levels): the rows locked
        first in (sku, id) order, as the one-by-one statements would, then updated within bounds;
        its result counts the rows it could change."""
        return self.session.execute(
            _APPLY_AT_ONCE,
            {
                "ids": [p["b_id"] for p in params],
                "hands": [p["d_hand"] for p in params],
                "allocs": [p["d_alloc"] for p in params],
                "at": now,
            },
        )

    def movements(self, *, sku: str | None = None, limit: int = 200) -> list[dict[str, object]]:
        stmt = select(stock_movements).order_by(stock_movements.c.id.desc()).limit(limit)
        if sku is not None:
            stmt = stmt.where(stock_movements.c.sku == sku)
        return [dict(r._mapping) for r in self.session.execute(stmt)]

    def ledger_totals(self) -> dict[int, tuple[Decimal, Decimal]]:
        """Per level: the sums of the ledger's deltas (they must equal the level's on hand and allocated)."""
        m = stock_movements.c
        stmt = select(m.stock_id, func.sum(m.on_hand_delta), func.sum(m.allocated_delta)).group_by(m.stock_id)
        return {sid: (Decimal(a), Decimal(b)) for sid, a, b in self.session.execute(stmt)}
