"""The fulfilment repository's pick lists and shipments: allocations released onto a pick list in one
statement, and the lists and shipments read back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, and_, insert, literal, select, update
from sqlalchemy.orm.attributes import set_committed_value

from core.fulfilment.adapters.orm import allocations, pick_lines, pick_lists, shipments
from core.fulfilment.adapters.repository_allocations import AllocationQueries
from core.fulfilment.domain.progress import AllocationRow
from core.fulfilment.domain.stock import Allocation, AllocationState
from core.fulfilment.domain.warehouse import (
    PickLine,
    PickLineState,
    PickList,
    PickListState,
    Shipment,
    ShipmentState,
)
from core.kernel.adapters import orm
from core.kernel.adapters.bulk import any_of, bulk, row_of
from core.kernel.adapters.db import on_postgresql
from core.kernel.errors import StockError


class PickingQueries(AllocationQueries):
    """`FulfilmentRepository`'s pick lists and shipments (a release moves allocations onto a list)."""

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
