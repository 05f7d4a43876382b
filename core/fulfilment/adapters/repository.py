"""Queries of the order lifecycle: orders under lock, allocations, events, pick lists, shipments and
notifications."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ARRAY,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    exists,
    func,
    insert,
    inspect,
    literal,
    select,
    update,
)
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, lazyload, load_only
from sqlalchemy.orm.attributes import set_committed_value

from core.fulfilment.adapters.orm import (
    allocations,
    notifications,
    order_events,
    pick_lines,
    pick_lists,
    shipments,
)
from core.fulfilment.domain.lifecycle import OrderEvent
from core.fulfilment.domain.notifications import Notification
from core.fulfilment.domain.progress import AllocationRow, LineUnits
from core.fulfilment.domain.stock import Allocation, AllocationState, Reservation
from core.fulfilment.domain.warehouse import (
    PickLine,
    PickLineState,
    PickList,
    PickListState,
    Shipment,
    ShipmentState,
)
from core.kernel.adapters import orm
from core.kernel.adapters.bulk import answered, any_of, bulk, few_enough, pipelined, row_of
from core.kernel.adapters.db import on_postgresql
from core.kernel.domain.model import Order, OrderLine, OrderState
from core.kernel.domain.notices import NotificationState
from core.kernel.errors import LifecycleError, StockError

# what `progress_only` reads: what `progress`, `derive` and the release's checks look at
_PROGRESS_ORDER = ("id", "state", "customer_id", "created_at")


def _attributes(cls: type, names: Sequence[str]) -> list[Any]:
    return [getattr(cls, name) for name in names]


class FulfilmentRepository:
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

    # -- allocations ---------------------------------------------------------------------------
    def add_reservations(self, items: Iterable[tuple[int, Reservation]], now: datetime) -> None:
        """New allocations, one per (order id, planned reservation), allocated at `now`: written in
        bulk before the next read, as rows (a batch's thousands, with no object made for each)."""
        allocated = AllocationState.ALLOCATED
        rows = [
            {
                "order_id": order_id,
                "line_id": r.line_id,
                "sku": r.level.sku,
                "stock_id": r.level.id,
                "warehouse": r.level.warehouse,
                "location": r.level.location,
                "quantity": r.quantity,
                "state": allocated,
                "created_at": now,
                "pick_list_id": None,
                "shipment_id": None,
            }
            for order_id, r in items
        ]
        bulk(self.session).add(allocations, rows)

    def allocations(self, order_ids: Iterable[int]) -> dict[int, list[Allocation]]:
        """Active (not cancelled) allocations per order."""
        ids = sorted(set(order_ids))
        out: dict[int, list[Allocation]] = defaultdict(list)
        if not ids:
            return out
        stmt = (
            select(Allocation)
            .where(
                any_of(self.session, allocations.c.order_id, ids),
                allocations.c.state != AllocationState.CANCELLED,
            )
            .order_by(allocations.c.id)
        )
        for item in self.session.scalars(stmt):
            out[item.order_id].append(item)
        return out

    def allocation_rows(self, order_ids: Iterable[int]) -> dict[int, list[AllocationRow]]:
        """Active (not cancelled) allocations per order as `allocations` gives them, in id order, but
        as rows of what the release looks at (id, order, line, warehouse, state, units): one statement
        and no mapped object per allocation (release's largest read after its orders)."""
        ids = sorted(set(order_ids))
        out: dict[int, list[AllocationRow]] = {i: [] for i in ids}
        if not ids:
            return out
        self.session.flush()  # as the ORM's read would: a change held in the session is read back
        a = allocations.c
        stmt = (
            select(a.id, a.order_id, a.line_id, a.warehouse, a.state, a.quantity)
            .where(any_of(self.session, a.order_id, ids), a.state != AllocationState.CANCELLED)
            .order_by(a.id)
        )
        for row in self.session.execute(stmt):
            out[row[1]].append(AllocationRow._make(row))
        return out

    def allocations_by_id(self, ids: Iterable[int]) -> dict[int, Allocation]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        stmt = select(Allocation).where(allocations.c.id.in_(wanted))
        return {a.id: a for a in self.session.scalars(stmt) if a.id is not None}

    # -- events --------------------------------------------------------------------------------
    def write_pending(self) -> None:
        """Write what the session holds and what waits in bulk, now."""
        self.session.flush()
        bulk(self.session).write()

    def add_events(self, events: Iterable[OrderEvent]) -> None:
        """Events are append-only: written in bulk before the next read, flush or commit."""
        bulk(self.session).add(order_events, [row_of(order_events, e) for e in events])

    def events(self, order_id: int) -> Sequence[OrderEvent]:
        stmt = select(order_events).where(order_events.c.order_id == order_id).order_by(order_events.c.id)
        return [_event(r) for r in self.session.execute(stmt)]

    def last_hold(self, order_id: int) -> OrderEvent | None:
        stmt = (
            select(order_events)
            .where(order_events.c.order_id == order_id, order_events.c.to_state == OrderState.ON_HOLD)
            .order_by(order_events.c.id.desc())
            .limit(1)
        )
        row = self.session.execute(stmt).first()
        return _event(row) if row is not None else None

    # -- pick lists ----------------------------------------------------------------------------
    def add_pick_list(self, pick_list: PickList) -> None:
        self.session.add(pick_list)

    def add_pick_lines(self, lines: Iterable[PickLine]) -> None:
        """Lines of stored pick lists (their `pick_list_id` set), written in bulk."""
        bulk(self.session).add(pick_lines, [row_of(pick_lines, line) for line in lines])

    def put_on_pick_list(self, pick_list_id: int, chosen: Sequence[Allocation | AllocationRow]) -> None:
        """Release allocations onto a stored pick list: a pick line per allocation (its order line's
        description and the order's PO number copied, in order then allocation id order), and the
        allocations marked released on that list; mapped `Allocation`s of these rows the session holds are
        told so without another write (an `AllocationRow` is a row read before, and is not changed).
        On PostgreSQL one statement does both (`WITH moved AS (UPDATE … RETURNING) INSERT … SELECT`):
        one round trip and one visit of the allocations instead of two; elsewhere an `INSERT … SELECT`
        then an `UPDATE`.

        Only allocations still `allocated` are taken; the caller holds their orders' row locks, so
        fewer rows than asked means the rows changed underneath, and nothing is committed.
        """
        if not chosen:
            return
        self.write_pending()  # rows queued in this transaction are read by the statements below
        ids = [a.id for a in chosen if a.id is not None]
        connection = self.session.connection()  # Core: no ORM bookkeeping of the rows
        a = allocations.c
        wanted = and_(any_of(self.session, a.id, ids), a.state == AllocationState.ALLOCATED)
        release = (
            update(allocations)
            .where(wanted)
            .values(state=AllocationState.RELEASED, pick_list_id=pick_list_id)
        )
        if on_postgresql(connection):
            moved = release.returning(a.id, a.order_id, a.line_id, a.sku, a.location, a.quantity).cte("moved")
            stmt = (
                insert(pick_lines).from_select(_PICK_COLUMNS, _pick_rows(pick_list_id, moved)).add_cte(moved)
            )
            written = marked = connection.execute(stmt.execution_options(preserve_rowcount=True)).rowcount
        else:
            rows = _pick_rows(pick_list_id, select(allocations).where(wanted).subquery("moved"))
            stmt = (
                insert(pick_lines).from_select(_PICK_COLUMNS, rows).execution_options(preserve_rowcount=True)
            )
            written = connection.execute(stmt).rowcount
            marked = connection.execute(release).rowcount
        if written != len(ids) or marked != len(ids):
            raise StockError(f"allocations changed underneath while releasing onto pick list {pick_list_id}")
        taken = set(ids)
        held = [o for o in self.session.identity_map.values() if isinstance(o, Allocation) and o.id in taken]
        for item in [*(a for a in chosen if isinstance(a, Allocation)), *held]:
            set_committed_value(item, "state", AllocationState.RELEASED)  # what the row now holds
            set_committed_value(item, "pick_list_id", pick_list_id)

    def pick_list(self, pick_list_id: int, *, lock: bool = False) -> PickList | None:
        stmt = select(PickList).where(pick_lists.c.id == pick_list_id)
        if lock:
            stmt = stmt.with_for_update(of=pick_lists)
        return self.session.scalars(stmt).first()

    def pick_lists(self, *, state: PickListState | None = None, limit: int = 100) -> Sequence[PickList]:
        stmt = select(PickList).order_by(pick_lists.c.id.desc()).limit(limit)
        if state is not None:
            stmt = stmt.where(pick_lists.c.state == state)
        return self.session.scalars(stmt).all()

    def open_pick_lines(self, order_id: int) -> Sequence[PickLine]:
        stmt = select(PickLine).where(
            pick_lines.c.order_id == order_id, pick_lines.c.state == PickLineState.OPEN
        )
        return self.session.scalars(stmt).all()

    # -- shipments -----------------------------------------------------------------------------
    def add_shipment(self, shipment: Shipment) -> None:
        self.session.add(shipment)

    def shipment(self, shipment_id: int, *, lock: bool = False) -> Shipment | None:
        stmt = select(Shipment).where(shipments.c.id == shipment_id)
        if lock:
            stmt = stmt.with_for_update(of=shipments)
        return self.session.scalars(stmt).first()

    def shipped_since(self, since: datetime) -> list[int]:
        """Shipments that left (shipped or delivered since) at or after `since`, oldest first."""
        stmt = (
            select(shipments.c.id)
            .where(
                shipments.c.state.in_([ShipmentState.SHIPPED, ShipmentState.DELIVERED]),
                shipments.c.shipped_at >= since,
            )
            .order_by(shipments.c.id)
        )
        return list(self.session.scalars(stmt))

    def shipment_states(self, order_id: int) -> list[tuple[int, ShipmentState]]:
        """An order's shipments as (id, state), newest first: what its progress and its settlement
        look at, read without the shipments' parcels."""
        stmt = select(shipments.c.id, shipments.c.state).where(shipments.c.order_id == order_id)
        return [
            (int(i), ShipmentState(s)) for i, s in self.session.execute(stmt.order_by(shipments.c.id.desc()))
        ]

    def shipments(self, *, order_id: int | None = None, limit: int = 100) -> Sequence[Shipment]:
        stmt = select(Shipment).order_by(shipments.c.id.desc()).limit(limit)
        if order_id is not None:
            stmt = stmt.where(shipments.c.order_id == order_id)
        return self.session.scalars(stmt).all()

    # -- notifications -------------------------------------------------------------------------
    def add_notification(self, notification: Notification) -> bool:
        """Queue it unless one with the same key exists; False when it was there already.

        The steps that announce hold their order's row lock, so no other transaction can be adding
        the same key meanwhile; the unique key is the database's guard all the same.
        """
        if notification.key in self._keys:
            return False
        if notification.key in self._absent:
            self._absent.discard(notification.key)
        else:
            with self.session.no_autoflush:
                seen = select(notifications.c.id).where(notifications.c.key == notification.key)
                if self.session.execute(seen).first() is not None:
                    return False
        self._keys.add(notification.key)
        # append-only until a renderer takes it in a later transaction: written in bulk, one
        # statement for a batch's notices, like the events (the object is not a session object)
        bulk(self.session).add(notifications, [row_of(notifications, notification)])
        return True

    def prefetch_notice_keys(self, keys: Iterable[str]) -> None:
        """Look up many notification keys in one query, so that `add_notification` for a batch of
        orders need not ask once per notice (the order row locks the steps hold keep it true)."""
        wanted = set(keys) - self._keys
        if not wanted:
            return
        with self.session.no_autoflush:
            keys = any_of(self.session, notifications.c.key, sorted(wanted), String())
            stmt = select(notifications.c.key).where(keys)
            stored = set(self.session.scalars(stmt))
        self._absent |= wanted - stored

    def notifications(self, order_id: int) -> Sequence[Notification]:
        stmt = select(Notification).where(notifications.c.order_id == order_id).order_by(notifications.c.id)
        return self.session.scalars(stmt).all()

    def pending_notifications(self, order_id: int) -> Sequence[Notification]:
        """The order's pending notifications, locked so two jobs cannot render the same one."""
        stmt = (
            select(Notification)
            .where(notifications.c.order_id == order_id, notifications.c.state == NotificationState.PENDING)
            .order_by(notifications.c.id)
            .with_for_update(of=notifications, skip_locked=True)
        )
        return self.session.scalars(stmt).all()

    def orders_with_pending_notifications(self) -> list[int]:
        stmt = (
            select(notifications.c.order_id)
            .where(notifications.c.state == NotificationState.PENDING)
            .distinct()
        )
        return sorted(self.session.scalars(stmt))

    def insert_events_fast(self, events: Sequence[OrderEvent]) -> None:
        """Bulk-append events (used by batch steps over thousands of orders)."""
        if events:
            self.session.execute(
                insert(order_events),
                [
                    {
                        "order_id": e.order_id,
                        "at": e.at,
                        "actor": e.actor,
                        "step": e.step,
                        "from_state": e.from_state,
                        "to_state": e.to_state,
                        "detail": e.detail,
                    }
                    for e in events
                ],
            )


def _event(row: Row[Any]) -> OrderEvent:
    """An event read back (events are append-only rows, not mapped objects: a batch step makes
    thousands, and building an instrumented object for each cost more than writing its row)."""
    return OrderEvent(
        order_id=row.order_id,
        at=row.at,
        actor=row.actor,
        step=row.step,
        from_state=row.from_state,
        to_state=row.to_state,
        detail=row.detail,
        id=row.id,
    )


_PICK_COLUMNS = [
    "pick_list_id", "allocation_id", "order_id", "line_id", "sku", "location", "quantity",
    "description", "po_number", "state",
]  # fmt: skip


def _pick_rows(pick_list_id: int, moved: Any) -> Select[Any]:
    """A pick line per allocation row of `moved` (its order line's description and its order's PO
    number copied), in order then allocation id order, so that the lines' ids follow that order."""
    line, order = orm.order_lines.c, orm.orders.c
    return (
        select(
            literal(pick_list_id, Integer()),
            moved.c.id,
            moved.c.order_id,
            moved.c.line_id,
            moved.c.sku,
            moved.c.location,
            moved.c.quantity,
            line.description,
            order.po_number,
            literal(PickLineState.OPEN, pick_lines.c.state.type),
        )
        .select_from(
            moved.join(orm.order_lines, line.id == moved.c.line_id).join(
                orm.orders, order.id == moved.c.order_id
            )
        )
        .order_by(moved.c.order_id, moved.c.id)
    )
