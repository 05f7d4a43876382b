"""Shipping: choose the carrier service for a packed shipment, book it (tracking number and label),
take the goods off the books, and record delivery.

The carrier network is an edge: `Carrier` is the interface a real adapter implements; bookings
carry an idempotency key (the shipment) so a retried booking never books twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from core.fulfilment.domain.contact import delivery_address
from core.fulfilment.domain.events import ShipmentDelivered, ShipmentShipped
from core.fulfilment.domain.lifecycle import Step, check
from core.fulfilment.domain.notifications import NoticeKind
from core.fulfilment.domain.shipping import (
    Booking,
    BookingRequest,
    Consignment,
    GoodsClass,
    ParcelLabel,
    Quote,
    choose,
    quote,
    zone_for,
)
from core.fulfilment.domain.stock import AllocationState, MovementKind
from core.fulfilment.domain.warehouse import Shipment, ShipmentState
from core.fulfilment.services.allocation import movement_for
from core.fulfilment.services.lifecycle import locked_order
from core.fulfilment.services.progress import announce, settle
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.model import Order
from core.kernel.errors import IllegalTransition, NoCarrier, NotFound

ZERO = Decimal(0)


class Carrier(Protocol):
    """A carrier's booking interface (its API, or the fake one in `outbound.carriers`)."""

    def book(self, request: BookingRequest) -> Booking: ...


def destination(uow: FulfilmentUnitOfWork, order: Order) -> tuple[str, str, str, str, str]:
    """Name, street, postal code, city and country to deliver to (see `delivery_address`)."""
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    return delivery_address(order, customer)


def consignment_of(uow: FulfilmentUnitOfWork, order: Order, shipment: Shipment) -> Consignment:
    """What the shipment carries, as rate tables and carrier rules see it."""
    allocations = [
        a
        for a in uow.fulfilment.allocations([shipment.order_id]).get(shipment.order_id, [])
        if a.shipment_id == shipment.id
    ]
    attributes = uow.stock.shipping_attributes(a.sku for a in allocations)
    prices = {line.id: line.unit_price or ZERO for line in order.lines}
    value = sum((prices.get(a.line_id, ZERO) * a.quantity for a in allocations), ZERO)
    warehouse = uow.stock.warehouse(shipment.warehouse)
    origin = warehouse.country if warehouse else "ES"
    place = destination(uow, order)
    return Consignment(
        parcel_kg=tuple(p.weight_kg for p in shipment.parcels),
        classes=frozenset(attributes[a.sku].goods_class for a in allocations)
        or frozenset({GoodsClass.GENERAL}),
        fragile=any(attributes[a.sku].fragile for a in allocations),
        value=value,
        zone=zone_for(origin, place[4] or None, place[2] or None),
    )


def quotes(uow: FulfilmentUnitOfWork, shipment_id: int, now: datetime) -> list[Quote]:
    """Every suitable service's quote for a packed shipment, cheapest first (for people to compare)."""
    shipment, order = _shipment_and_order(uow, shipment_id, lock=False)
    goods = consignment_of(uow, order, shipment)
    rates, extras = uow.stock.carrier_rates(), uow.stock.carrier_surcharges()
    found = []
    for service in uow.stock.carrier_services():
        q = quote(service, rates, extras, goods, now.date(), order.requested_delivery_date)
        if q is not None:
            found.append(q)
    return sorted(found, key=lambda q: (q.total, q.delivery_date))


def ship(
    uow: FulfilmentUnitOfWork,
    shipment_id: int,
    carriers: Mapping[str, Carrier],
    actor: str,
    now: datetime,
    *,
    service: tuple[str, str] | None = None,
) -> Shipment:
    """Hand a packed shipment to the carrier chosen by the rules (or the `service` a person chose)."""
    shipment, order = _shipment_and_order(uow, shipment_id, lock=True)
    if shipment.state is not ShipmentState.PACKED:
        raise IllegalTransition(f"shipment {shipment_id} is {shipment.state}: only a packed one can ship")
    check(order, Step.SHIP)
    chosen = _choose(uow, order, shipment, now, service)
    carrier = carriers.get(chosen.carrier) or carriers.get("*")
    if carrier is None:
        raise NoCarrier(f"no booking interface for carrier {chosen.carrier}")
    booking = carrier.book(_request(uow, order, shipment, chosen, now))
    shipment.carrier, shipment.service, shipment.zone = chosen.carrier, chosen.service, chosen.zone
    shipment.charge, shipment.currency = chosen.total, chosen.currency
    shipment.charge_detail = chosen.detail()
    shipment.promised_date = chosen.delivery_date
    shipment.tracking_number, shipment.label_pdf = booking.tracking_number, booking.label_pdf
    shipment.state, shipment.shipped_at = ShipmentState.SHIPPED, now
    allocations = uow.fulfilment.allocations([order.id or 0]).get(order.id or 0, [])
    movements = []
    for a in allocations:
        if a.shipment_id == shipment.id and a.state is AllocationState.PACKED:
            movements.append(
                movement_for(
                    a, MovementKind.SHIP, -a.quantity, -a.quantity, actor, now, f"shipment-{shipment.id}"
                )
            )
            a.state = AllocationState.SHIPPED
    uow.stock.post(movements, now)
    detail: dict[str, object] = {
        "shipment": shipment.id,
        "carrier": chosen.carrier,
        "service": chosen.service,
        "tracking": booking.tracking_number,
        "charge": str(chosen.total),
        "on_time": chosen.on_time,
    }
    settle(uow, order, Step.SHIP, actor, now, allocations, detail, delivered=False)
    assert order.id is not None and shipment.id is not None
    announce(uow, order, NoticeKind.SHIPPED, now, ref=shipment.id, detail=detail, shipment_id=shipment.id)
    uow.emit(ShipmentShipped(shipment.id, order.id))
    return shipment


def deliver(uow: FulfilmentUnitOfWork, shipment_id: int, actor: str, now: datetime) -> Shipment:
    """The carrier (or the customer) confirmed delivery of a shipment."""
    shipment, order = _shipment_and_order(uow, shipment_id, lock=True)
    if shipment.state is not ShipmentState.SHIPPED:
        raise IllegalTransition(
            f"shipment {shipment_id} is {shipment.state}: only a shipped one can be delivered"
        )
    check(order, Step.DELIVER)
    shipment.state, shipment.delivered_at = ShipmentState.DELIVERED, now
    uow.flush()
    allocations = uow.fulfilment.allocations([shipment.order_id]).get(shipment.order_id, [])
    detail: dict[str, object] = {"shipment": shipment.id, "tracking": shipment.tracking_number}
    settle(uow, order, Step.DELIVER, actor, now, allocations, detail)
    assert order.id is not None and shipment.id is not None
    announce(uow, order, NoticeKind.DELIVERED, now, ref=shipment.id, detail=detail, shipment_id=shipment.id)
    uow.emit(ShipmentDelivered(shipment.id, order.id))
    return shipment


def _shipment_and_order(uow: FulfilmentUnitOfWork, shipment_id: int, *, lock: bool) -> tuple[Shipment, Order]:
    shipment = uow.fulfilment.shipment(shipment_id, lock=lock)
    if shipment is None:
        raise NotFound(f"shipment {shipment_id} does not exist")
    order = locked_order(uow, shipment.order_id) if lock else uow.fulfilment.order(shipment.order_id)
    assert order is not None
    return shipment, order


def _choose(
    uow: FulfilmentUnitOfWork,
    order: Order,
    shipment: Shipment,
    now: datetime,
    service: tuple[str, str] | None,
) -> Quote:
    goods = consignment_of(uow, order, shipment)
    services = uow.stock.carrier_services()
    rates, extras = uow.stock.carrier_rates(), uow.stock.carrier_surcharges()
    wanted_by = order.requested_delivery_date
    if service is None:
        return choose(services, rates, extras, goods, now.date(), wanted_by)
    match = [s for s in services if (s.carrier, s.service) == service]
    q = quote(match[0], rates, extras, goods, now.date(), wanted_by) if match else None
    if q is None:
        raise NoCarrier(f"{service[0]} {service[1]} has no rate for this shipment (zone {goods.zone})")
    return q


def _request(
    uow: FulfilmentUnitOfWork, order: Order, shipment: Shipment, chosen: Quote, now: datetime
) -> BookingRequest:
    warehouse = uow.stock.warehouse(shipment.warehouse)
    place = destination(uow, order)
    count = len(shipment.parcels)
    return BookingRequest(
        idempotency_key=f"shipment-{shipment.id}",
        carrier=chosen.carrier,
        service=chosen.service,
        ship_date=now.date(),
        sender_name=warehouse.name if warehouse else shipment.warehouse,
        sender_city=(warehouse.city if warehouse else None) or "",
        sender_country=warehouse.country if warehouse else "ES",
        recipient_name=place[0],
        street=place[1],
        postal_code=place[2],
        city=place[3],
        country=place[4],
        reference=order.po_number or f"order {order.id}",
        parcels=tuple(ParcelLabel(p.number, count, p.weight_kg, p.sscc) for p in shipment.parcels),
    )
