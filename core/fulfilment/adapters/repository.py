"""Queries of the order lifecycle, one repository: orders under lock and their states here; allocations
(`repository_allocations`), pick lists and shipments (`repository_picking`), events and notifications
(`repository_events`) mixed in from their own modules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, cast

from sqlalchemy import ARRAY, Integer, String, bindparam, exists, func, inspect, select, update
from sqlalchemy.orm import Session, lazyload, load_only
from sqlalchemy.orm.attributes import set_committed_value

from core.fulfilment.adapters.repository_events import EventQueries
from core.fulfilment.adapters.repository_picking import PickingQueries
from core.fulfilment.domain.progress import LineUnits
from core.kernel.adapters import orm
from core.kernel.adapters.bulk import answered, any_of, few_enough, pipelined
from core.kernel.adapters.db import on_postgresql
from core.kernel.domain.model import Order, OrderLine, OrderState
from core.kernel.errors import LifecycleError

# what `progress_only` reads: what `progress`, `derive` and the release's checks look at
_PROGRESS_ORDER = ("id", "state", "customer_id", "created_at")


def _attributes(cls: type, names: Sequence[str]) -> list[Any]:
    return [getattr(cls, name) for name in names]


class FulfilmentRepository(PickingQueries, EventQueries):
    def __init__(self, session: Session) -> None:
        self.session = session
        self._keys: set[str] = set()  # notification keys added in this unit of work
        self._absent: set[str] = set()  # keys known not to be stored (`prefetch_notice_keys`)

    # -- orders --------------------------------------------------------------------------------
    def order(self, order_id: int, *, lock: bool = False) -> Order | None:
        """The order; with `lock`, its row is locked until commit so steps on it run one at a time."""
        stmt = select(Order).where(orm.orders.c.id == order_id)
        if lock:
            stmt = stmt.with_for_update(of=orm.orders)
        return self.session.scalars(stmt).first()

    def orders(
        self, order_ids: Iterable[int], *, lock: bool = False, progress_only: bool = False
    ) -> list[Order]:
        """Orders by id, in id order (the order locks are taken in).

        `progress_only`: read only what a step that goes by the units' progress needs (`release`):
        the order's id, state, customer and date, and not its lines, which such a step reads as rows
        with `line_units`. Any other attribute, and the lines, are read from the database when first
        touched (one query per object), so a caller that needs more must not ask for this."""
        ids = sorted(set(order_ids))
        if not ids:
            return []
        stmt = (
            select(Order)
            .where(any_of(self.session, orm.orders.c.id, ids))
            .order_by(orm.orders.c.id)
            .options(lazyload(cast(Any, Order.lines)))  # read below, with one array parameter
        )
        if progress_only:
            # the order's other 28 columns (three of them JSON) cost about as much to build as these
            stmt = stmt.options(load_only(*_attributes(Order, _PROGRESS_ORDER)))
        if lock:
            stmt = stmt.with_for_update(of=orm.orders)
        found = list(self.session.scalars(stmt))
        if not progress_only:
            self._load_lines(found)
        return found

    def line_units(self, order_ids: Iterable[int]) -> dict[int, list[LineUnits]]:
        """Each order's lines as their progress counts them (id, position, SKU, units), in position
        order, read as rows in one statement: no mapped object per line (`release`'s largest cost when
        it read them as `OrderLine`s)."""
        ids = sorted(set(order_ids))
        out: dict[int, list[LineUnits]] = {i: [] for i in ids}
        if not ids:
            return out
        c = orm.order_lines.c
        stmt = (
            select(c.order_id, c.id, c.position, c.sku, c.quantity, c.base_quantity)
            .where(any_of(self.session, c.order_id, ids))
            .order_by(c.order_id, c.position)
        )
        for order_id, line_id, position, sku, quantity, base in self.session.execute(stmt):
            out[order_id].append(LineUnits(line_id, position, sku, quantity if base is None else base))
        return out

    def _load_lines(self, orders: Sequence[Order]) -> None:
        """The lines of orders whose lines are not loaded yet, in one statement: `order_id =
        ANY(:ids)` is one statement the driver prepares once, where the relationship's own
        `selectin` sends an IN list of up to 500 placeholders that psycopg parses anew every time."""
        waiting = {o.id: o for o in orders if o.id is not None and "lines" in inspect(o).unloaded}
        if not waiting:
            return
        lines = orm.order_lines.c
        stmt = (
            select(lines.order_id, OrderLine)
            .where(any_of(self.session, lines.order_id, sorted(waiting)))
            .order_by(lines.order_id, lines.position)
        )
        by_order: dict[int, list[OrderLine]] = {i: [] for i in waiting}
        for order_id, line in self.session.execute(stmt):
            by_order[order_id].append(line)
        for order_id, found in by_order.items():
            set_committed_value(waiting[order_id], "lines", found)

    def deferring_states(self) -> AbstractContextManager[None]:
        """Reads inside do not first write the orders' changed states (the ORM's autoflush, one bound
        `UPDATE` per order): the step writes them itself, once, with `write_states`.  Only for reads
        that do not depend on those states (stock, allocations, notifications, master data)."""
        return cast(AbstractContextManager[None], self.session.no_autoflush)

    def write_states(self, orders: Iterable[Order]) -> None:
        """Write the orders' changed states now, in one statement (`UPDATE … FROM unnest` on
        PostgreSQL), instead of the flush's one bound `UPDATE` per order; the objects are told, so
        the flush has nothing left to write for them.  The caller holds the orders' row locks."""
        changed = [o for o in orders if o.id is not None and "state" in inspect(o).committed_state]
        if not changed:
            return
        ids = [o.id for o in changed]
        states = [o.state.value for o in changed]
        if on_postgresql(self.session):
            given = select(
                func.unnest(bindparam("ids", ids, type_=ARRAY(Integer()))).label("id"),
                func.unnest(bindparam("states", states, type_=ARRAY(String()))).label("state"),
            ).subquery()
            stmt = update(orm.orders).where(orm.orders.c.id == given.c.id).values(state=given.c.state)
            result = self.session.connection().execute(stmt)
        else:
            stmt = (
                update(orm.orders)
                .where(orm.orders.c.id == bindparam("b_id"))
                .values(state=bindparam("b_state"))
                .execution_options(preserve_rowcount=True)
            )
            params = [{"b_id": i, "b_state": s} for i, s in zip(ids, states, strict=True)]
            result = self.session.connection().execute(stmt, params)

        def check(written: int) -> None:
            if written != len(changed):
                raise LifecycleError(
                    f"{len(changed) - written} order(s) vanished while their state was written"
                )

        answered(self.session, [result], check)
        for order in changed:
            state = inspect(order)
            if state.committed_state.keys() == {"state"}:
                # nothing else changed: the object is as stored, and the flush need not look at it
                # (it would compare every order's lines collection to find nothing to write)
                state._commit_all(state.dict, self.session.identity_map)
            else:
                set_committed_value(order, "state", order.state)

    @contextmanager
    def writing_together(self, orders: Sequence[Order], rows: int) -> Iterator[None]:
        """The statements inside (the orders' states by `write_states`, the rows queued in bulk, the
        stock's reservation) sent in one round trip on PostgreSQL, their row counts checked when it is
        answered; one by one, as usual, when the ORM holds other changes than these orders' states
        (its flush checks each row count as it goes) or when a table gets enough rows for COPY."""
        session = self.session
        if not few_enough(session, rows):  # first: a volume batch (COPY) need not look at the session
            yield
            return
        mine = {id(o) for o in orders}
        alone = (
            not session.new
            and not session.deleted
            and all(id(o) in mine and inspect(o).committed_state.keys() <= {"state"} for o in session.dirty)
        )
        if not alone:
            yield
            return
        with pipelined(session):
            yield

    def order_ids_in(self, states: Iterable[OrderState], *, limit: int = 100_000) -> list[int]:
        stmt = (
            select(orm.orders.c.id)
            .where(orm.orders.c.state.in_(list(states)))
            .order_by(orm.orders.c.created_at, orm.orders.c.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def waiting_for(self, sku: str, states: Iterable[OrderState]) -> list[int]:
        """Orders in these states with a line of this SKU, oldest first (backorders are served FIFO)."""
        lines = orm.order_lines.c
        stmt = (
            select(orm.orders.c.id)
            .where(orm.orders.c.state.in_(list(states)))
            .where(exists().where(lines.order_id == orm.orders.c.id, lines.sku == sku))
            .order_by(orm.orders.c.created_at, orm.orders.c.id)
        )
        return list(self.session.scalars(stmt))
