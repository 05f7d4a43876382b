"""The fulfilment repository's allocations: reservations written in bulk as new allocations, and the
active allocations of orders read back as mapped objects or as plain rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.fulfilment.adapters.orm import allocations
from core.fulfilment.domain.progress import AllocationRow
from core.fulfilment.domain.stock import Allocation, AllocationState, Reservation
from core.kernel.adapters.bulk import any_of, bulk


class AllocationQueries:
    """`FulfilmentRepository`'s allocations, and the writing of what waits in bulk they share."""

    session: Session

    def write_pending(self) -> None:
        """Write what the session holds and what waits in bulk, now."""
        self.session.flush()
        bulk(self.session).write()

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
