"""Allocation and stock receipts: reserving stock for orders without ever overselling, and serving
backorders first-come first-served when stock arrives.

Never oversold, twice over: the stock rows a batch may use are locked (`SELECT … FOR UPDATE`, in a
fixed order so workers queue instead of deadlocking), and every reservation is applied with a
conditional `UPDATE … WHERE on_hand - allocated >= :q` that fails the transaction if the row does
not hold it; the database's CHECK (allocated <= on_hand) is the last guard.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import NamedTuple, TypeVar

from core.fulfilment.domain.events import StockArrived
from core.fulfilment.domain.lifecycle import FULFILMENT, STEP_FROM, Step, check
from core.fulfilment.domain.notifications import NoticeKind
from core.fulfilment.domain.progress import Reserved, progress, waiting_in
from core.fulfilment.domain.stock import (
    Allocation,
    AllocationState,
    Ledger,
    MovementKind,
    Need,
    Plan,
    Reservation,
    StockLevel,
    StockMovement,
    plan_order,
)
from core.fulfilment.services.progress import announce, count_notices, settle
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.model import Order, OrderState
from core.kernel.errors import NotFound, StockError, StockRace

ZERO = Decimal(0)
V = TypeVar("V")


@dataclass
class AllocationReport:
    """What one allocation run did, per order."""

    allocated: dict[int, dict[str, str]] = field(default_factory=dict)  # order -> position -> units
    waiting: dict[int, dict[str, str]] = field(default_factory=dict)
    skipped: dict[int, str] = field(default_factory=dict)  # order -> why it was not allocated
    states: dict[int, str] = field(default_factory=dict)


def part_of(report: AllocationReport, order_ids: Sequence[int]) -> AllocationReport:
    """What a batch's report says about some of its orders."""
    wanted = set(order_ids)

    def mine(found: dict[int, V]) -> dict[int, V]:
        return {i: v for i, v in found.items() if i in wanted}

    return AllocationReport(
        mine(report.allocated), mine(report.waiting), mine(report.skipped), mine(report.states)
    )


def needs_of(order: Order, allocations: Sequence[Reserved]) -> list[Need]:
    by_line = {p.line_id: p for p in progress(order, allocations)}
    out = []
    for line in order.lines:
        assert line.id is not None
        waiting = by_line[line.id].waiting
        if waiting > 0 and line.sku:
            out.append(Need(line.id, line.sku, waiting))
    return out


def allocate(
    uow: FulfilmentUnitOfWork,
    order_ids: Iterable[int],
    actor: str,
    now: datetime,
    *,
    strict: bool = False,
    avoid: frozenset[int] = frozenset(),
    as_step: tuple[Step, dict[str, object]] | None = None,
    optimistic: bool = False,
    locked: Sequence[Order] | None = None,
) -> AllocationReport:
    """Allocate what stock allows to each order, oldest first; the rest waits (backordered).

    `strict`: an order whose state does not allow allocation is an error (one order asked for by
    a person) instead of being skipped (a batch).  `avoid`: stock levels not to use (a location
    that just came up short).  `as_step`: allocation as part of another step (a modification) on
    orders in fulfilment, recorded as that step's one event with its detail.  `optimistic`: plan on
    levels read unlocked and reserve last, so the conditional UPDATE holds the row locks only to the
    commit (StockRace if the units went meanwhile); if units would wait, plan again under lock.
    `locked`: the orders, already read and locked by this transaction (`start` approves them
    first), instead of reading them again.
    """
    report = AllocationReport()
    orders = list(locked) if locked is not None else uow.fulfilment.orders(order_ids, lock=True)
    if strict:
        for order in orders:
            check(order, Step.ALLOCATE)
    eligible = [
        o
        for o in orders
        if o.state in STEP_FROM[Step.ALLOCATE] or (as_step is not None and o.state in FULFILMENT)
    ]
    for order in orders:
        if order not in eligible and order.id is not None:
            report.skipped[order.id] = f"order is {order.state}"
    eligible.sort(key=lambda o: (o.created_at, o.id or 0))
    # an approved order has never had stock reserved: allocation moves it on (allocated, backordered)
    # in the transaction that reserves, and only an accepted order or a hold taken while approved lead
    # back to approved; so only orders further on are looked up (`start` and a first allocation ask
    # nothing, one round trip fewer per transaction)
    earlier = uow.fulfilment.allocations(
        o.id for o in eligible if o.id is not None and o.state is not OrderState.APPROVED
    )
    allocations: dict[int, list[Reserved]] = {i: list(found) for i, found in earlier.items()}
    needs = {o.id or 0: needs_of(o, allocations.get(o.id or 0, [])) for o in eligible}
    skus = {n.sku for ns in needs.values() for n in ns}
    # read before any stock row is locked, every customer's in one statement: nothing below asks
    # the database until the writes but the levels to plan on
    uow.stock.read_preferences(o.customer_id for o in eligible)
    rules = {o.id or 0: uow.stock.preferences(o.customer_id).rules for o in eligible}

    def plans(lock: bool) -> dict[int, Plan]:
        # the levels and their active warehouses' priorities in one statement
        found, active = uow.stock.to_plan_on(skus, lock=lock)
        ledger = Ledger(lv for lv in found if lv.id not in avoid)
        return {i: plan_order(needs[i], ledger, active, rules[i]) for i in needs}

    planned = plans(lock=not optimistic)
    if optimistic and any(p.waiting for p in planned.values()):
        optimistic, planned = False, plans(lock=True)
    movements = _record(uow, eligible, planned, allocations, actor, now, report, as_step)
    if not optimistic:
        # one statement for the batch, not one UPDATE per order; all the orders, for `start`'s approvals
        uow.fulfilment.write_states(orders)
        uow.stock.post(movements, now)
        return report
    try:
        # a small batch's writes in one round trip (a contended worker's transaction is mostly waits
        # for answers); the reservation is still the last statement before the commit, and every
        # row count is checked before it
        with uow.fulfilment.writing_together(orders, len(movements)):
            uow.fulfilment.write_states(orders)
            uow.fulfilment.write_pending()
            uow.stock.post(movements, now)
    except StockError as exc:
        raise StockRace(str(exc)) from exc
    return report


def _record(
    uow: FulfilmentUnitOfWork,
    eligible: Sequence[Order],
    planned: dict[int, Plan],
    allocations: dict[int, list[Reserved]],
    actor: str,
    now: datetime,
    report: AllocationReport,
    as_step: tuple[Step, dict[str, object]] | None,
) -> list[StockMovement]:
    """The planned reservations as allocation rows and events; returns the ledger lines to post."""
    movements: list[StockMovement] = []
    new_rows: list[tuple[int, Reservation]] = []
    for order in eligible:
        assert order.id is not None
        mine = allocations.setdefault(order.id, [])
        for r in planned[order.id].reservations:
            mine.append(_Taken(r.line_id, AllocationState.ALLOCATED, r.quantity))
            new_rows.append((order.id, r))
            movements.append(
                _movement(r.level, MovementKind.ALLOCATE, ZERO, r.quantity, order.id, actor, now)
            )
        _conclude(uow, order, planned[order.id].reservations, mine, actor, now, report, as_step)
    uow.fulfilment.add_reservations(new_rows, now)  # rows, not an object each
    return movements


class _Taken(NamedTuple):
    """A reservation just made, as the order's progress counts it (its row is written in bulk)."""

    line_id: int
    state: AllocationState
    quantity: Decimal


def _conclude(
    uow: FulfilmentUnitOfWork,
    order: Order,
    reservations: Sequence[object],
    allocations: list[Reserved],
    actor: str,
    now: datetime,
    report: AllocationReport,
    as_step: tuple[Step, dict[str, object]] | None = None,
) -> None:
    assert order.id is not None
    positions = {line.id: line.position for line in order.lines}
    taken: dict[str, Decimal] = {}
    for row in allocations[len(allocations) - len(reservations) :]:
        key = str(positions[row.line_id])
        taken[key] = taken.get(key, ZERO) + row.quantity
    lines = progress(order, allocations)
    waiting = waiting_in(order, lines)
    before = order.state
    if not taken and before is not OrderState.APPROVED and as_step is None:
        report.waiting[order.id] = waiting
        report.states[order.id] = str(order.state)
        return  # nothing changed: no event for a backorder still waiting
    step, extra = as_step or (Step.ALLOCATE, {})
    detail: dict[str, object] = {
        **extra,
        "allocated": {k: str(v) for k, v in taken.items()},
        "waiting": waiting,
    }
    settle(uow, order, step, actor, now, allocations, detail, delivered=True, lines=lines)
    report.allocated[order.id] = {k: str(v) for k, v in taken.items()}
    report.waiting[order.id] = waiting
    report.states[order.id] = str(order.state)
    if order.state is OrderState.BACKORDERED and before is not OrderState.BACKORDERED:
        notice_backorder(uow, order, waiting, now)


def notice_backorder(uow: FulfilmentUnitOfWork, order: Order, waiting: dict[str, str], now: datetime) -> None:
    assert order.id is not None
    ref = count_notices(uow, order.id, NoticeKind.BACKORDERED) + 1
    announce(uow, order, NoticeKind.BACKORDERED, now, ref=ref, detail={"waiting": waiting})


def _movement(
    level: StockLevel,
    kind: MovementKind,
    on_hand: Decimal,
    allocated: Decimal,
    order_id: int | None,
    actor: str,
    now: datetime,
    reference: str | None = None,
) -> StockMovement:
    return StockMovement(
        at=now,
        stock_id=level.id,
        warehouse=level.warehouse,
        location=level.location,
        sku=level.sku,
        kind=kind,
        on_hand_delta=on_hand,
        allocated_delta=allocated,
        order_id=order_id,
        reference=reference,
        actor=actor,
    )


def movement_for(
    allocation: Allocation,
    kind: MovementKind,
    on_hand: Decimal,
    allocated: Decimal,
    actor: str,
    now: datetime,
    reference: str | None = None,
) -> StockMovement:
    """A ledger line for a change at an allocation's stock level."""
    level = StockLevel(
        allocation.stock_id, allocation.warehouse, allocation.location, allocation.sku, ZERO, ZERO
    )
    return _movement(level, kind, on_hand, allocated, allocation.order_id, actor, now, reference)


def receive(
    uow: FulfilmentUnitOfWork,
    sku: str,
    warehouse: str,
    location: str,
    quantity: Decimal,
    actor: str,
    now: datetime,
    reference: str | None = None,
) -> StockLevel:
    """Goods arrived at a location: on hand goes up, and orders waiting for the SKU are looked at."""
    if quantity <= 0:
        raise StockError(f"a receipt must bring a positive quantity, not {quantity}")
    _known_place(uow, sku, warehouse)
    level = uow.stock.ensure_level(warehouse, location, sku, now)
    uow.stock.post([_movement(level, MovementKind.RECEIPT, quantity, ZERO, None, actor, now, reference)], now)
    uow.emit(StockArrived(sku))
    found = uow.stock.level(warehouse, location, sku)
    assert found is not None
    return found


def adjust(
    uow: FulfilmentUnitOfWork,
    sku: str,
    warehouse: str,
    location: str,
    delta: Decimal,
    actor: str,
    now: datetime,
    reason: str,
) -> StockLevel:
    """Correct on hand after a count; on hand can never drop below what is allocated there."""
    _known_place(uow, sku, warehouse)
    level = uow.stock.ensure_level(warehouse, location, sku, now)
    try:
        uow.stock.post(
            [_movement(level, MovementKind.ADJUST, delta, ZERO, None, actor, now, reason[:64])], now
        )
    except StockError as exc:
        raise StockError(
            f"{sku} at {warehouse}/{location}: on hand {level.on_hand}, allocated {level.allocated};"
            f" {delta:+} would leave less than is allocated"
        ) from exc
    if delta > 0:
        uow.emit(StockArrived(sku))
    found = uow.stock.level(warehouse, location, sku)
    assert found is not None
    return found


def _known_place(uow: FulfilmentUnitOfWork, sku: str, warehouse: str) -> None:
    if uow.stock.warehouse(warehouse) is None:
        raise NotFound(f"warehouse {warehouse!r} does not exist")
    if uow.master.product(sku) is None:
        raise NotFound(f"product {sku!r} does not exist")


def serve_backorders(uow: FulfilmentUnitOfWork, sku: str, actor: str, now: datetime) -> AllocationReport:
    """Allocate newly arrived stock of `sku` to the orders waiting for it, oldest first."""
    waiting = uow.fulfilment.waiting_for(sku, (OrderState.BACKORDERED, OrderState.PARTIALLY_SHIPPED))
    return allocate(uow, waiting, actor, now)
