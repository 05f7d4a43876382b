"""`/api/orders/{id}/…`: an order's lifecycle (units, allocations, shipments, notices, events) and the
steps a person takes on it: approve and allocate, release, hold, release the hold, modify, cancel, close."""

from __future__ import annotations

from fastapi import APIRouter

from core.fulfilment.domain.progress import progress
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.changes import LineChange, OrderChange
from core.kernel.errors import NotFound
from web.deps import IdPath, UowDep
from web.fulfilment_deps import ActorDep, ServiceDep
from web.schemas_fulfilment import (
    AllocationOut,
    EventOut,
    LifecycleOut,
    LineProgressOut,
    NotificationOut,
    OrderChangeIn,
    OrderIds,
    Reason,
    ShipmentOut,
)

router = APIRouter(prefix="/api/orders", tags=["lifecycle"])


def lifecycle_of(uow: FulfilmentUnitOfWork, order_id: IdPath) -> LifecycleOut:
    order = uow.fulfilment.order(order_id)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    allocations = uow.fulfilment.allocations([order_id]).get(order_id, [])
    positions = {line.id: line for line in order.lines}
    lines = [
        LineProgressOut(
            position=positions[p.line_id].position,
            sku=positions[p.line_id].sku,
            ordered=p.ordered,
            waiting=p.waiting,
            allocated=p.allocated,
            released=p.released,
            picked=p.picked,
            packed=p.packed,
            shipped=p.shipped,
        )
        for p in progress(order, allocations)
    ]
    return LifecycleOut(
        order_id=order_id,
        po_number=order.po_number,
        state=str(order.state),
        lines=lines,
        allocations=[AllocationOut.model_validate(a) for a in allocations],
        shipments=[ShipmentOut.model_validate(s) for s in uow.fulfilment.shipments(order_id=order_id)],
        notifications=[NotificationOut.model_validate(n) for n in uow.fulfilment.notifications(order_id)],
        events=[EventOut.model_validate(e) for e in uow.fulfilment.events(order_id)],
    )


@router.get("/{order_id}/lifecycle", response_model=LifecycleOut)
def get_lifecycle(order_id: IdPath, uow: UowDep) -> LifecycleOut:
    return lifecycle_of(uow, order_id)


@router.post("/allocate", response_model=dict[str, dict[str, str]])
def allocate_many(body: OrderIds, service: ServiceDep, actor: ActorDep) -> dict[str, dict[str, str]]:
    """Approve (credit policy) and allocate accepted orders; allocate backordered ones again."""
    report = service.start(body.order_ids, actor)
    return {
        "states": {str(k): v for k, v in report.states.items()},
        "skipped": {str(k): v for k, v in report.skipped.items()},
    }


def _after(service: ServiceDep, order_id: int) -> LifecycleOut:
    with service.uow_factory() as uow:
        return lifecycle_of(uow, order_id)


@router.post("/{order_id}/allocate", response_model=LifecycleOut)
def allocate_one(order_id: IdPath, service: ServiceDep, actor: ActorDep) -> LifecycleOut:
    service.approve([order_id], actor)
    service.allocate([order_id], actor, strict=True)
    return _after(service, order_id)


@router.post("/{order_id}/release", response_model=LifecycleOut)
def release(order_id: IdPath, service: ServiceDep, actor: ActorDep) -> LifecycleOut:
    service.release([order_id], actor, strict=True)
    return _after(service, order_id)


@router.post("/{order_id}/hold", response_model=LifecycleOut)
def hold(order_id: IdPath, body: Reason, service: ServiceDep, actor: ActorDep) -> LifecycleOut:
    service.hold(order_id, body.reason or "held", actor)
    return _after(service, order_id)


@router.post("/{order_id}/release-hold", response_model=LifecycleOut)
def release_hold(order_id: IdPath, service: ServiceDep, actor: ActorDep) -> LifecycleOut:
    service.release_hold(order_id, actor)
    return _after(service, order_id)


@router.post("/{order_id}/cancel", response_model=LifecycleOut)
def cancel(order_id: IdPath, body: Reason, service: ServiceDep, actor: ActorDep) -> LifecycleOut:
    service.cancel(order_id, body.reason or "cancelled", actor)
    return _after(service, order_id)


@router.post("/{order_id}/close", response_model=LifecycleOut)
def close(order_id: IdPath, service: ServiceDep, actor: ActorDep) -> LifecycleOut:
    service.close(order_id, actor)
    return _after(service, order_id)


@router.post("/{order_id}/modify", response_model=LifecycleOut)
def modify(order_id: IdPath, body: OrderChangeIn, service: ServiceDep, actor: ActorDep) -> LifecycleOut:
    change = OrderChange(
        lines=tuple(LineChange(**line.model_dump()) for line in body.lines),
        requested_delivery_date=body.requested_delivery_date,
        note=body.note,
    )
    service.modify(order_id, change, actor)
    return _after(service, order_id)
