"""Warehouse work: pick lists (grouped by location), parcels and shipments, and how goods are packed."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_FLOOR, Decimal

ZERO = Decimal(0)


class PickListState(enum.StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"


class PickLineState(enum.StrEnum):
    OPEN = "open"
    PICKED = "picked"
    SHORT = "short"  # fewer found than asked for
    WITHDRAWN = "withdrawn"  # the order was held or cancelled before picking


@dataclass(eq=False)
class PickLine:
    """Take `quantity` of `sku` from `location` for one order line (one allocation)."""

    allocation_id: int
    order_id: int
    line_id: int
    sku: str
    location: str
    quantity: Decimal
    description: str | None = None
    po_number: str | None = None
    picked: Decimal | None = None
    state: PickLineState = PickLineState.OPEN
    pick_list_id: int | None = None
    id: int | None = None


@dataclass(eq=False)
class PickList:
    """The work released to one warehouse at once, for one or many orders."""

    warehouse: str
    created_at: datetime
    created_by: str
    state: PickListState = PickListState.OPEN
    confirmed_at: datetime | None = None
    confirmed_by: str | None = None
    lines: list[PickLine] = field(default_factory=list)
    id: int | None = None


_NUMBER = re.compile(r"(\d+)")


def location_key(location: str) -> tuple[object, ...]:
    """Sort key that walks A-2 before A-10 (natural order of aisle, rack and shelf numbers)."""
    return tuple(int(p) if p.isdigit() else p for p in _NUMBER.split(location.upper()) if p)


def by_location(lines: Iterable[PickLine]) -> list[tuple[str, list[PickLine]]]:
    """The lines grouped by location in walking order, each group by SKU and order."""
    groups: dict[str, list[PickLine]] = {}
    for line in lines:
        groups.setdefault(line.location, []).append(line)
    return [
        (loc, sorted(groups[loc], key=lambda ln: (ln.sku, ln.order_id, ln.line_id)))
        for loc in sorted(groups, key=location_key)
    ]


class ShipmentState(enum.StrEnum):
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"  # packed, then the order was cancelled: the goods go back to stock


@dataclass(eq=False)
class Parcel:
    """One box of a shipment: its size, weight, SSCC and what it holds."""

    number: int  # 1-based within the shipment
    weight_kg: Decimal
    length_cm: Decimal
    width_cm: Decimal
    height_cm: Decimal
    box: str
    sscc: str | None = None
    # [{"line_id": int, "position": int, "sku": str, "quantity": "3"}, ...]
    contents: list[dict[str, object]] = field(default_factory=list)
    shipment_id: int | None = None
    id: int | None = None


@dataclass(eq=False)
class Shipment:
    """What leaves one warehouse for one order at once: parcels, carrier, tracking and charge."""

    order_id: int
    warehouse: str
    created_at: datetime
    state: ShipmentState = ShipmentState.PACKED
    carrier: str | None = None
    service: str | None = None
    zone: str | None = None
    tracking_number: str | None = None
    charge: Decimal | None = None
    currency: str | None = None
    charge_detail: list[dict[str, str]] = field(default_factory=list)
    promised_date: date | None = None
    label_pdf: bytes | None = None
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    parcels: list[Parcel] = field(default_factory=list)
    id: int | None = None

    @property
    def weight_kg(self) -> Decimal:
        return sum((p.weight_kg for p in self.parcels), ZERO)


@dataclass(frozen=True)
class Box:
    """A carton size the packing bench has."""

    name: str
    length_cm: Decimal
    width_cm: Decimal
    height_cm: Decimal
    tare_kg: Decimal
    max_kg: Decimal

    @property
    def volume(self) -> Decimal:
        return self.length_cm * self.width_cm * self.height_cm


D = Decimal
BOXES = (
    Box("S", D(30), D(20), D(15), D("0.2"), D(5)),
    Box("M", D(40), D(30), D(25), D("0.35"), D(15)),
    Box("L", D(60), D(40), D(40), D("0.6"), D(25)),
)
FILL = D("0.8")  # a box is full at 80 % of its volume: goods are not liquid


@dataclass(frozen=True)
class PackItem:
    """Picked units of one line to pack, with the product's unit weight and size."""

    line_id: int
    position: int
    sku: str
    quantity: Decimal
    unit_kg: Decimal
    unit_volume_cm3: Decimal


def pack(items: Sequence[PackItem], boxes: Sequence[Box] = BOXES) -> list[Parcel]:
    """Put the units into as few boxes as the weight and volume limits allow (first fit, whole units).

    Each parcel is then given the smallest box its contents fit.  A unit larger than every box
    travels alone in the largest one (the carrier's oversize rules are not modelled).
    """
    largest = max(boxes, key=lambda b: b.volume)
    parcels: list[_Open] = []
    for item in sorted(items, key=lambda i: (-i.unit_kg, i.position)):
        left = item.quantity
        while left > 0:
            target = next((p for p in parcels if p.room_for(item, largest) > 0), None)
            if target is None:
                target = _Open()
                parcels.append(target)
            room = target.room_for(item, largest)
            take = min(left, room) if room > 0 else min(left, Decimal(1))
            target.add(item, take)
            left -= take
    return [_parcel(n, p, boxes) for n, p in enumerate(parcels, start=1)]


class _Open:
    """A parcel being filled."""

    def __init__(self) -> None:
        self.kg = ZERO
        self.volume = ZERO
        self.holds: dict[int, tuple[PackItem, Decimal]] = {}

    def room_for(self, item: PackItem, box: Box) -> Decimal:
        """Whole units of `item` that still fit (weight and volume of the largest box)."""
        limits = []
        if item.unit_kg > 0:
            limits.append(
                ((box.max_kg - box.tare_kg - self.kg) / item.unit_kg).to_integral_value(ROUND_FLOOR)
            )
        if item.unit_volume_cm3 > 0:
            space = box.volume * FILL - self.volume
            limits.append((space / item.unit_volume_cm3).to_integral_value(ROUND_FLOOR))
        room = min(limits) if limits else item.quantity
        return max(room, ZERO)

    def add(self, item: PackItem, quantity: Decimal) -> None:
        _, had = self.holds.get(item.line_id, (item, ZERO))
        self.holds[item.line_id] = (item, had + quantity)
        self.kg += item.unit_kg * quantity
        self.volume += item.unit_volume_cm3 * quantity


def _parcel(number: int, filled: _Open, boxes: Sequence[Box]) -> Parcel:
    kg, volume, holds = filled.kg, filled.volume, filled.holds
    fitting = [b for b in boxes if volume <= b.volume * FILL and kg + b.tare_kg <= b.max_kg]
    box = min(fitting, key=lambda b: b.volume) if fitting else max(boxes, key=lambda b: b.volume)
    contents: list[dict[str, object]] = [
        {"line_id": item.line_id, "position": item.position, "sku": item.sku, "quantity": str(q)}
        for item, q in sorted(holds.values(), key=lambda t: t[0].position)
    ]
    return Parcel(
        number=number,
        weight_kg=_grams(kg + box.tare_kg),
        length_cm=box.length_cm,
        width_cm=box.width_cm,
        height_cm=box.height_cm,
        box=box.name,
        contents=contents,
    )


def _grams(kg: Decimal) -> Decimal:
    """A weight to the gram, without trailing zeros (10.500 -> 10.5)."""
    value = kg.quantize(Decimal("0.001"))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def sscc(company_prefix: str, serial: int, extension: int = 0) -> str:
    """An 18-digit Serial Shipping Container Code with its GS1 check digit."""
    body = f"{extension}{company_prefix}"
    body += str(serial).zfill(17 - len(body))
    if len(body) != 17 or not body.isdigit():
        raise ValueError(f"cannot make an SSCC from prefix {company_prefix!r} and serial {serial}")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)
