"""Warehouse steps: release allocated stock on pick lists, confirm picks (short picks included), and
pack picked goods into parcels."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from core.fulfilment.domain.lifecycle import STEP_FROM, Step, check
from core.fulfilment.domain.progress import (
    AllocationRow,
    LineUnits,
    Reserved,
    progress,
    waiting_detail,
    waiting_in,
)
from core.fulfilment.domain.stock import AllocationState, MovementKind
from core.fulfilment.domain.warehouse import (
    PackItem,
    PickLineState,
    PickList,
    PickListState,
    Shipment,
    pack,
    sscc,
)
from core.fulfilment.services.allocation import allocate, movement_for, notice_backorder
from core.fulfilment.services.lifecycle import locked_order
from core.fulfilment.services.progress import settle
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.model import Order, OrderState
from core.kernel.errors import IllegalTransition, LifecycleError, NotFound

ZERO = Decimal(0)
_ALLOCATED, _RELEASED = AllocationState.ALLOCATED, AllocationState.RELEASED
GS1_PREFIX = "8437000"  # our GS1 company prefix, for SSCCs (demo value; set it for production)


@dataclass
class ReleaseReport:
    pick_lists: list[int] = field(default_factory=list)
    released: dict[int, int] = field(default_factory=dict)  # order -> pick lines
    skipped: dict[int, str] = field(default_factory=dict)


def release(
    uow: FulfilmentUnitOfWork, order_ids: Iterable[int], actor: str, now: datetime, *, strict: bool
) -> ReleaseReport:
    """Put every allocated, unreleased unit of these orders on pick lists: one list per warehouse.

    An order whose customer takes complete deliveries only is not released while units wait.
    Which orders go is decided here, order by order; the pick lines are then written, and their
    allocations marked released, by one statement each per warehouse (`put_on_pick_list`).
    """
    report = ReleaseReport()
    orders = uow.fulfilment.orders(order_ids, lock=True, progress_only=True)
    ids = [o.id for o in orders if o.id is not None]
    units = uow.fulfilment.line_units(ids)  # the lines as rows: their units are all release looks at
    allocations = uow.fulfilment.allocation_rows(ids)  # rows too: the release changes them by statement
    chosen: dict[str, list[AllocationRow]] = {}  # warehouse -> allocations, in order then allocation id
    touched: list[tuple[Order, list[AllocationRow]]] = []
    for order in orders:
        assert order.id is not None
        mine = allocations.get(order.id, [])
        reason = _cannot_release(uow, order, mine, units[order.id])
        if reason is not None:
            if strict:
                raise IllegalTransition(reason, order_id=order.id, state=str(order.state))
            report.skipped[order.id] = reason
            continue
        ready = [a for a in mine if a.state is AllocationState.ALLOCATED]
        for a in ready:
            chosen.setdefault(a.warehouse, []).append(a)
        report.released[order.id] = len(ready)
        touched.append((order, mine))
    lists = {code: PickList(warehouse=code, created_at=now, created_by=actor) for code in chosen}
    for pick_list in lists.values():
        uow.fulfilment.add_pick_list(pick_list)
    uow.flush()
    for code, pick_list in lists.items():
        assert pick_list.id is not None
        report.pick_lists.append(pick_list.id)
        uow.fulfilment.put_on_pick_list(pick_list.id, chosen[code])
    for order, mine in touched:
        assert order.id is not None
        # every allocated row of the order went on a list (or nothing is committed): it is released now
        now_held = [a._replace(state=_RELEASED) if a.state is _ALLOCATED else a for a in mine]
        lines = progress(order, now_held, units[order.id])
        detail: dict[str, object] = {"pick_lists": report.pick_lists}
        settle(uow, order, Step.RELEASE, actor, now, now_held, detail, delivered=True, lines=lines)
    uow.fulfilment.write_states(order for order, _ in touched)
    return report


def _cannot_release(
    uow: FulfilmentUnitOfWork, order: Order, allocations: Sequence[Reserved], units: Sequence[LineUnits]
) -> str | None:
    if order.state not in STEP_FROM[Step.RELEASE]:
        return f"order {order.id} is {order.state}: cannot release"
    if not any(a.state is AllocationState.ALLOCATED for a in allocations):
        return f"order {order.id} has no allocated stock to release"
    # the customer's preference first (remembered per customer): units waiting matter only to one
    # that takes complete deliveries, and working them out is most of this check's cost
    if not uow.stock.preferences(order.customer_id).partial_shipments and waiting_in(
        order, progress(order, allocations, units), units
    ):
        return f"order {order.id}: the customer takes complete deliveries only and units still wait for stock"
    return None


@dataclass
class PickReport:
    pick_list_id: int
    short: dict[int, str] = field(default_factory=dict)  # pick line -> units missing
    states: dict[int, str] = field(default_factory=dict)


def confirm_pick(
    uow: FulfilmentUnitOfWork,
    pick_list_id: int,
    picked: Mapping[int, Decimal] | None,
    actor: str,
    now: datetime,
) -> PickReport:
    """Record what was picked (by pick line id; a line not mentioned was picked in full).

    A short pick takes the missing units off the location's books (the picker did not find them),
    and the order tries to get them from elsewhere at once; what cannot be found waits.
    """
    pick_list, orders = _open_pick_list(uow, pick_list_id, picked)
    allocations = uow.fulfilment.allocations_by_id(line.allocation_id for line in pick_list.lines)
    report = PickReport(pick_list_id)
    movements = []
    short_orders: dict[int, set[int]] = defaultdict(set)
    for line in pick_list.lines:
        if line.state is not PickLineState.OPEN:
            continue
        assert line.id is not None
        found = (picked or {}).get(line.id, line.quantity)
        if found < 0 or found > line.quantity:
            raise LifecycleError(f"pick line {line.id}: picked {found} of {line.quantity}")
        allocation = allocations[line.allocation_id]
        line.picked = found
        line.state = PickLineState.PICKED if found == line.quantity else PickLineState.SHORT
        if found < line.quantity:
            missing = line.quantity - found
            report.short[line.id] = str(missing)
            movements.append(
                movement_for(
                    allocation,
                    MovementKind.SHORT_PICK,
                    -missing,
                    -missing,
                    actor,
                    now,
                    f"pick-{pick_list_id}",
                )
            )
            allocation.quantity = found
            short_orders[line.order_id].add(allocation.stock_id)
        allocation.state = AllocationState.PICKED if found > 0 else AllocationState.CANCELLED
    uow.stock.post(movements, now)
    pick_list.state = PickListState.CONFIRMED
    pick_list.confirmed_at, pick_list.confirmed_by = now, actor
    uow.flush()
    _after_pick(uow, pick_list_id, orders, short_orders, report, actor, now)
    return report


def _open_pick_list(
    uow: FulfilmentUnitOfWork, pick_list_id: int, picked: Mapping[int, Decimal] | None
) -> tuple[PickList, dict[int, Order]]:
    """The open pick list, locked, and its orders, locked and checked to be pickable."""
    pick_list = uow.fulfilment.pick_list(pick_list_id, lock=True)
    if pick_list is None:
        raise NotFound(f"pick list {pick_list_id} does not exist")
    if pick_list.state is not PickListState.OPEN:
        raise IllegalTransition(f"pick list {pick_list_id} was confirmed already")
    unknown = set(picked or {}) - {line.id for line in pick_list.lines}
    if unknown:
        raise LifecycleError(f"pick list {pick_list_id} has no line(s) {sorted(unknown)}")
    orders: dict[int, Order] = {}
    for o in uow.fulfilment.orders({line.order_id for line in pick_list.lines}, lock=True):
        assert o.id is not None
        orders[o.id] = o
    for order in orders.values():
        if any(line.order_id == order.id and line.state is PickLineState.OPEN for line in pick_list.lines):
            check(order, Step.PICK)
    return pick_list, orders


def _after_pick(
    uow: FulfilmentUnitOfWork,
    pick_list_id: int,
    orders: dict[int, Order],
    short_orders: dict[int, set[int]],
    report: PickReport,
    actor: str,
    now: datetime,
) -> None:
    """Settle each order of the list; one picked short looks for the missing units elsewhere at once."""
    current = uow.fulfilment.allocations(orders)
    for order_id, order in orders.items():
        before = order.state
        settle(uow, order, Step.PICK, actor, now, current.get(order_id, []), {"pick_list": pick_list_id})
        if order_id in short_orders:
            allocate(uow, [order_id], actor, now, avoid=frozenset(short_orders[order_id]))
            if order.state is OrderState.BACKORDERED and before is not OrderState.BACKORDERED:
                mine = uow.fulfilment.allocations([order_id]).get(order_id, [])
                notice_backorder(uow, order, waiting_detail(order, mine), now)
        report.states[order_id] = str(order.state)


def pack_order(
    uow: FulfilmentUnitOfWork,
    order_id: int,
    warehouse: str,
    actor: str,
    now: datetime,
    weights: Sequence[Decimal] | None = None,
) -> Shipment:
    """Pack what was picked for an order in one warehouse into parcels: one shipment.

    Parcels are planned from the products' weights and sizes; `weights`, when given, are the
    scale's readings for those parcels and replace the computed ones.
    """
    order = locked_order(uow, order_id)
    check(order, Step.PACK)
    mine = uow.fulfilment.allocations([order_id]).get(order_id, [])
    picked = [a for a in mine if a.state is AllocationState.PICKED and a.warehouse == warehouse]
    if not picked:
        raise IllegalTransition(
            f"order {order_id} has nothing picked in {warehouse} to pack", order_id=order_id
        )
    attributes = uow.stock.shipping_attributes(a.sku for a in picked)
    positions = {line.id: line.position for line in order.lines}
    per_line: dict[int, Decimal] = defaultdict(Decimal)
    for a in picked:
        per_line[a.line_id] += a.quantity
    items = []
    for line_id, quantity in per_line.items():
        sku = next(a.sku for a in picked if a.line_id == line_id)
        attrs = attributes[sku]
        items.append(PackItem(line_id, positions[line_id], sku, quantity, attrs.weight_kg, attrs.volume_cm3))
    parcels = pack(items)
    if weights is not None:
        if len(weights) != len(parcels):
            raise LifecycleError(f"{len(weights)} weight(s) given for {len(parcels)} parcel(s)")
        for parcel, kg in zip(parcels, weights, strict=True):
            parcel.weight_kg = kg
    shipment = Shipment(order_id=order_id, warehouse=warehouse, created_at=now, parcels=parcels)
    uow.fulfilment.add_shipment(shipment)
    uow.flush()
    for parcel in parcels:
        assert parcel.id is not None
        parcel.sscc = sscc(GS1_PREFIX, parcel.id)
    for a in picked:
        a.state = AllocationState.PACKED
        a.shipment_id = shipment.id
    detail: dict[str, object] = {"shipment": shipment.id, "parcels": len(parcels), "warehouse": warehouse}
    settle(uow, order, Step.PACK, actor, now, mine, detail, delivered=True)
    return shipment
