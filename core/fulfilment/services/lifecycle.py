"""Steps on one order that are not warehouse work: approval, hold and its release, cancellation,
closing, and modification before release (by a person or by the buyer's ORDCHG).

Each runs inside the caller's unit of work with the order row locked, checks the step against the
state machine, records an event, and queues what the customer must be told.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from core.fulfilment.domain.approval import Verdict
from core.fulfilment.domain.events import OrderApproved, OrderCancelled
from core.fulfilment.domain.lifecycle import FULFILMENT, STEP_FROM, Step, check, derive
from core.fulfilment.domain.notifications import NoticeKind, notification_key
from core.fulfilment.domain.progress import progress
from core.fulfilment.domain.stock import Allocation, AllocationState, MovementKind, StockMovement
from core.fulfilment.domain.warehouse import PickLineState, ShipmentState
from core.fulfilment.services.allocation import allocate, movement_for
from core.fulfilment.services.approval import ApprovalPolicy, BatchReview
from core.fulfilment.services.progress import announce, count_notices, record
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.changes import OrderChange
from core.kernel.domain.model import Order, OrderLine, OrderState
from core.kernel.errors import IllegalTransition, NotFound

ZERO = Decimal(0)
_IN_WAREHOUSE = (
    AllocationState.RELEASED,
    AllocationState.PICKED,
    AllocationState.PACKED,
    AllocationState.SHIPPED,
)


def locked_order(uow: FulfilmentUnitOfWork, order_id: int) -> Order:
    order = uow.fulfilment.order(order_id, lock=True)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    return order


def approve(
    uow: FulfilmentUnitOfWork,
    order_ids: Iterable[int],
    policy: ApprovalPolicy,
    actor: str,
    now: datetime,
    *,
    strict: bool,
    locked: Sequence[Order] | None = None,
    write: bool = True,
) -> dict[int, str]:
    """Ask the credit/payment policy about each accepted order; returns each order's new state.

    `locked`: the orders, already read and locked by this transaction (in id order), instead of
    reading them again.  `write=False`: the caller writes the new states (`start` writes them once,
    with allocation's, instead of each order's row twice)."""
    out: dict[int, str] = {}
    orders = list(locked) if locked is not None else uow.fulfilment.orders(order_ids, lock=True)
    waiting = [o for o in orders if o.state in STEP_FROM[Step.APPROVE]]
    if isinstance(policy, BatchReview):
        policy.prepare(uow, waiting)
    ids = [o.id for o in waiting if o.id is not None]
    uow.fulfilment.prefetch_notice_keys(
        notification_key(i, kind) for i in ids for kind in (NoticeKind.ACCEPTED, NoticeKind.CANCELLED)
    )
    for order in orders:
        assert order.id is not None
        if order.state not in STEP_FROM[Step.APPROVE]:
            if strict:
                check(order, Step.APPROVE)
            continue
        # a policy that reads orders (a credit limit's exposure) sees those decided before this one
        approval = policy.review(uow, order)
        detail: dict[str, object] = {"policy": approval.reason}
        with uow.fulfilment.deferring_states():  # telling the customer does not read order states
            if approval.verdict is Verdict.APPROVE:
                record(uow, order, OrderState.APPROVED, Step.APPROVE, actor, now, detail)
                uow.emit(OrderApproved(order.id))
                announce(uow, order, NoticeKind.ACCEPTED, now)
            elif approval.verdict is Verdict.WAIT:
                pass  # stays accepted; the policy asks for approval again once it can decide
            elif approval.verdict is Verdict.HOLD:
                hold = {**detail, "reason": approval.reason}
                record(uow, order, OrderState.ON_HOLD, Step.HOLD, actor, now, hold)
            else:
                record(uow, order, OrderState.REJECTED, Step.REJECT, actor, now, detail)
                announce(uow, order, NoticeKind.CANCELLED, now, detail={"reason": approval.reason})
        out[order.id] = str(order.state)
    if write:
        uow.fulfilment.write_states(orders)  # one statement for the batch, not one UPDATE per order
    return out


def hold(uow: FulfilmentUnitOfWork, order_id: int, reason: str, actor: str, now: datetime) -> Order:
    """Stop an order where it is; lines waiting on a pick list are taken off it."""
    order = locked_order(uow, order_id)
    check(order, Step.HOLD)
    withdrawn = _withdraw_picks(uow, order_id)
    record(uow, order, OrderState.ON_HOLD, Step.HOLD, actor, now, {"reason": reason, "withdrawn": withdrawn})
    return order


def release_hold(uow: FulfilmentUnitOfWork, order_id: int, actor: str, now: datetime) -> Order:
    """Let a held order go on from where it was (its units say where, once it has stock)."""
    order = locked_order(uow, order_id)
    check(order, Step.RELEASE_HOLD)
    held = uow.fulfilment.last_hold(order_id)
    before = held.from_state if held is not None else OrderState.ACCEPTED
    if before in FULFILMENT:
        allocations = uow.fulfilment.allocations([order_id]).get(order_id, [])
        before = derive(progress(order, allocations), all_delivered=False)
    record(uow, order, before, Step.RELEASE_HOLD, actor, now)
    return order


def cancel(uow: FulfilmentUnitOfWork, order_id: int, reason: str, actor: str, now: datetime) -> Order:
    """Cancel an order not yet shipped: its stock is given back and the customer is told."""
    order = locked_order(uow, order_id)
    check(order, Step.CANCEL)
    _withdraw_picks(uow, order_id)
    allocations = uow.fulfilment.allocations([order_id]).get(order_id, [])
    movements = []
    for a in allocations:
        if a.state in (AllocationState.SHIPPED, AllocationState.CANCELLED):
            continue
        movements.append(movement_for(a, MovementKind.DEALLOCATE, ZERO, -a.quantity, actor, now, "cancel"))
        a.state = AllocationState.CANCELLED
    uow.stock.post(movements, now)
    for shipment in uow.fulfilment.shipments(order_id=order_id, limit=1000):
        if shipment.state is ShipmentState.PACKED:
            shipment.state = ShipmentState.CANCELLED
    released = {str(m.sku): str(-m.allocated_delta) for m in movements}
    record(
        uow, order, OrderState.CANCELLED, Step.CANCEL, actor, now, {"reason": reason, "released": released}
    )
    uow.emit(OrderCancelled(order_id))
    announce(uow, order, NoticeKind.CANCELLED, now, detail={"reason": reason})
    return order


# Refuses (by raising IllegalTransition) to close an order that is not accounted for yet.
CloseGate = Callable[[FulfilmentUnitOfWork, Order, datetime], None]


def close(
    uow: FulfilmentUnitOfWork, order_id: int, actor: str, now: datetime, gate: CloseGate | None = None
) -> Order:
    order = locked_order(uow, order_id)
    check(order, Step.CLOSE)
    if gate is not None:
        gate(uow, order, now)
    record(uow, order, OrderState.CLOSED, Step.CLOSE, actor, now)
    return order


def _withdraw_picks(uow: FulfilmentUnitOfWork, order_id: int) -> int:
    lines = list(uow.fulfilment.open_pick_lines(order_id))
    allocations = uow.fulfilment.allocations_by_id(line.allocation_id for line in lines)
    for line in lines:
        line.state = PickLineState.WITHDRAWN
        allocation = allocations.get(line.allocation_id)
        if allocation is not None and allocation.state is AllocationState.RELEASED:
            allocation.state = AllocationState.ALLOCATED
            allocation.pick_list_id = None
    return len(lines)


def modify(
    uow: FulfilmentUnitOfWork, order_id: int, change: OrderChange, actor: str, now: datetime
) -> dict[str, str]:
    """Change quantities, lines and dates of an order nothing of which is in the warehouse yet.

    Reservations beyond a lowered quantity are given back; a raised quantity or a new line is
    allocated at once when the order is in fulfilment.  Returns what happened per line position.
    """
    order = locked_order(uow, order_id)
    check(order, Step.MODIFY)
    allocations = uow.fulfilment.allocations([order_id]).get(order_id, [])
    if any(a.state in _IN_WAREHOUSE for a in allocations):
        raise IllegalTransition(
            f"order {order_id} has goods in the warehouse already; it can no longer be modified",
            order_id=order_id,
            state=str(order.state),
        )
    outcome = _apply(uow, order, change)
    if change.requested_delivery_date is not None:
        order.requested_delivery_date = change.requested_delivery_date
        outcome.setdefault("date", "changed")
    movements = _trim(order, allocations, actor, now)
    uow.stock.post(movements, now)
    uow.flush()
    detail: dict[str, object] = {"lines": outcome, "note": change.note}
    if order.state in FULFILMENT:
        allocate(uow, [order_id], actor, now, as_step=(Step.MODIFY, detail))
    else:
        record(uow, order, order.state, Step.MODIFY, actor, now, detail)
    ref = count_notices(uow, order_id, NoticeKind.CHANGED) + 1
    announce(uow, order, NoticeKind.CHANGED, now, ref=ref, detail=detail)
    return outcome


def _apply(uow: FulfilmentUnitOfWork, order: Order, change: OrderChange) -> dict[str, str]:
    outcome: dict[str, str] = {}
    by_position = {line.position: line for line in order.lines}
    for item in change.lines:
        if item.position is None or item.position not in by_position:
            line = _new_line(uow, order, item.sku, item.quantity, item.unit_price, item.position)
            line.requested_delivery_date = item.requested_delivery_date
            order.lines.append(line)
            outcome[str(line.position)] = "added"
            continue
        line = by_position[item.position]
        if item.quantity is not None and item.quantity != line.quantity:
            if item.quantity < 0:
                raise IllegalTransition(f"line {item.position}: a quantity cannot be negative")
            line.change_quantity(item.quantity)
            outcome[str(line.position)] = "deleted" if item.quantity == 0 else "changed"
        if (
            item.requested_delivery_date is not None
            and item.requested_delivery_date != line.requested_delivery_date
        ):
            line.requested_delivery_date = item.requested_delivery_date
            outcome.setdefault(str(line.position), "changed")
        if item.unit_price is not None and item.unit_price != line.unit_price:
            line.unit_price = item.unit_price
            outcome.setdefault(str(line.position), "changed")
        if line.quantity is not None and line.unit_price is not None:
            line.amount = line.quantity * line.unit_price
    amounts = [line.amount for line in order.lines]
    if all(a is not None for a in amounts):
        order.total = sum((a for a in amounts if a is not None), ZERO)
    return outcome


def _new_line(
    uow: FulfilmentUnitOfWork,
    order: Order,
    sku: str | None,
    quantity: Decimal | None,
    price: Decimal | None,
    position: int | None,
) -> OrderLine:
    product = uow.master.product(sku) if sku else None
    if product is None:
        raise NotFound(f"a new line needs a known product; {sku!r} is not one")
    if quantity is None or quantity <= 0:
        raise IllegalTransition(f"a new line of {sku} needs a positive quantity")
    unit_price = price if price is not None else product.price
    return OrderLine(
        position=position or max((line.position for line in order.lines), default=0) + 1,
        sku=product.sku,
        gtin=product.gtin,
        item_code=product.gtin or product.sku,
        supplier_item_code=product.sku,
        description=product.name,
        quantity=quantity,
        unit=product.unit,
        unit_price=unit_price,
        amount=quantity * unit_price if unit_price is not None else None,
    )


def _trim(order: Order, allocations: list[Allocation], actor: str, now: datetime) -> list[StockMovement]:
    """Give back reservations beyond each line's (new) quantity, newest first."""
    movements: list[StockMovement] = []
    for line in order.lines:
        units = line.stock_quantity  # a pack line counts its base units
        wanted = units if units and units > 0 else ZERO
        mine = sorted(
            (a for a in allocations if a.line_id == line.id and a.active), key=lambda a: -(a.id or 0)
        )
        surplus = sum((a.quantity for a in mine), ZERO) - wanted
        for a in mine:
            if surplus <= 0:
                break
            give = min(a.quantity, surplus)
            movements.append(movement_for(a, MovementKind.DEALLOCATE, ZERO, -give, actor, now, "modify"))
            a.quantity -= give
            if a.quantity == 0:
                a.state = AllocationState.CANCELLED
            surplus -= give
    return movements
