"""`/api/shipments`: packing picked goods into parcels, carrier quotes, shipping with label and
tracking number, delivery."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from core.fulfilment.domain.warehouse import Shipment
from core.kernel.errors import LifecycleError, NotFound
from core.unit_of_work import UnitOfWork
from web.deps import IdPath, OptionalId, UowDep
from web.downloads import content_disposition
from web.fulfilment_deps import ActorDep, ServiceDep
from web.schemas_fulfilment import PackRequest, QuoteOut, ShipmentOut, ShipRequest

router = APIRouter(prefix="/api/shipments", tags=["shipments"])


def _shipment(uow: UnitOfWork, shipment_id: int) -> Shipment:
    found = uow.fulfilment.shipment(shipment_id)
    if found is None:
        raise NotFound(f"shipment {shipment_id} does not exist")
    return found


@router.get("", response_model=list[ShipmentOut])
def shipments(
    uow: UowDep, order_id: OptionalId = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[ShipmentOut]:
    return [ShipmentOut.model_validate(s) for s in uow.fulfilment.shipments(order_id=order_id, limit=limit)]


@router.post("", response_model=ShipmentOut, status_code=201)
def pack(body: PackRequest, service: ServiceDep, actor: ActorDep) -> ShipmentOut:
    """Pack what was picked for an order in one warehouse: one shipment of one or more parcels."""
    return ShipmentOut.model_validate(service.pack(body.order_id, body.warehouse, actor, body.weights))


@router.get("/{shipment_id}", response_model=ShipmentOut)
def shipment(shipment_id: IdPath, uow: UowDep) -> ShipmentOut:
    return ShipmentOut.model_validate(_shipment(uow, shipment_id))


@router.get("/{shipment_id}/quotes", response_model=list[QuoteOut])
def quotes(shipment_id: IdPath, service: ServiceDep) -> list[QuoteOut]:
    return [
        QuoteOut(
            carrier=q.carrier,
            service=q.service,
            zone=q.zone,
            total=q.total,
            currency=q.currency,
            delivery_date=q.delivery_date,
            on_time=q.on_time,
            detail=q.detail(),
        )
        for q in service.quotes(shipment_id)
    ]


@router.post("/{shipment_id}/ship", response_model=ShipmentOut)
def ship(shipment_id: IdPath, body: ShipRequest, service: ServiceDep, actor: ActorDep) -> ShipmentOut:
    """Book the carrier the rules choose (or the one named) and get tracking number and label."""
    if (body.carrier is None) != (body.service is None):
        raise LifecycleError("name both carrier and service, or neither")
    chosen = (body.carrier, body.service) if body.carrier and body.service else None
    return ShipmentOut.model_validate(service.ship(shipment_id, actor, service=chosen))


@router.get("/{shipment_id}/label", response_class=Response)
def label(shipment_id: IdPath, uow: UowDep) -> Response:
    found = _shipment(uow, shipment_id)
    if not found.label_pdf:
        raise NotFound(f"shipment {shipment_id} has no label yet (it is {found.state})")
    name = found.tracking_number or f"shipment-{shipment_id}"
    return Response(
        found.label_pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": content_disposition(f"{name}.pdf", "label.pdf", "inline")},
    )


@router.post("/{shipment_id}/deliver", response_model=ShipmentOut)
def deliver(shipment_id: IdPath, service: ServiceDep, actor: ActorDep) -> ShipmentOut:
    return ShipmentOut.model_validate(service.deliver(shipment_id, actor))
