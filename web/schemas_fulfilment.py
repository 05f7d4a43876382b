"""Request and response schemas of the lifecycle's JSON API, separate from the domain classes.

Quantities and amounts are decimal strings, as everywhere in the API.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

# a key of a database row as a client names it: a JSON integer (not `false`, not "1"), 1 .. 2**63-1
RowId = Annotated[int, Field(strict=True, ge=1, le=2**63 - 1)]
# a key in a JSON object is a string: the same range, read from text
RowKey = Annotated[int, Field(ge=1, le=2**63 - 1)]

# an amount or quantity a client sends: a finite decimal below a trillion with at most four decimals, what
# the ledger's columns and a rounding to cents can hold (a larger one answers 422, not a failed rounding)
_BOUND = 10**12
Amount = Annotated[Decimal, Field(gt=0, lt=_BOUND, decimal_places=4, allow_inf_nan=False)]
Quantity = Annotated[Decimal, Field(gt=-_BOUND, lt=_BOUND, decimal_places=4, allow_inf_nan=False)]
NonNegative = Annotated[Decimal, Field(ge=0, lt=_BOUND, decimal_places=4, allow_inf_nan=False)]


def _fmt(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


Dec = Annotated[Decimal, PlainSerializer(_fmt, return_type=str)]
OptDec = Annotated[Decimal | None, PlainSerializer(_fmt, return_type=str | None)]


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EventOut(Out):
    at: datetime
    actor: str
    step: str
    from_state: str
    to_state: str
    detail: dict[str, object]


class LineProgressOut(BaseModel):
    position: int
    sku: str | None
    ordered: Dec
    waiting: Dec
    allocated: Dec
    released: Dec
    picked: Dec
    packed: Dec
    shipped: Dec


class AllocationOut(Out):
    id: int
    line_id: int
    sku: str
    warehouse: str
    location: str
    quantity: Dec
    state: str
    pick_list_id: int | None
    shipment_id: int | None


class ParcelOut(Out):
    number: int
    box: str
    weight_kg: Dec
    length_cm: Dec
    width_cm: Dec
    height_cm: Dec
    sscc: str | None
    contents: list[dict[str, object]]


class ShipmentOut(Out):
    id: int
    order_id: int
    warehouse: str
    state: str
    carrier: str | None
    service: str | None
    zone: str | None
    tracking_number: str | None
    charge: OptDec
    currency: str | None
    charge_detail: list[dict[str, str]]
    promised_date: date | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    parcels: list[ParcelOut]


class NotificationOut(Out):
    kind: str
    key: str
    channel: str
    recipient: str | None
    language: str
    state: str
    attempts: int
    error: str | None
    created_at: datetime
    queued_at: datetime | None


class LifecycleOut(BaseModel):
    order_id: int
    po_number: str | None
    state: str
    lines: list[LineProgressOut]
    allocations: list[AllocationOut]
    shipments: list[ShipmentOut]
    notifications: list[NotificationOut]
    events: list[EventOut]


class StockLevelOut(Out):
    id: int
    warehouse: str
    location: str
    sku: str
    on_hand: Dec
    allocated: Dec
    available: Dec


class StockOut(BaseModel):
    levels: list[StockLevelOut]
    available_to_promise: dict[str, Dec]


class WarehouseOut(Out):
    code: str
    name: str
    priority: int
    country: str
    city: str | None
    active: bool


class PickLineOut(Out):
    id: int
    order_id: int
    line_id: int
    po_number: str | None
    sku: str
    description: str | None
    location: str
    quantity: Dec
    picked: OptDec
    state: str


class PickListOut(Out):
    id: int
    warehouse: str
    state: str
    created_at: datetime
    created_by: str
    confirmed_at: datetime | None
    confirmed_by: str | None
    lines: list[PickLineOut]


class QuoteOut(BaseModel):
    carrier: str
    service: str
    zone: str
    total: Dec
    currency: str
    delivery_date: date
    on_time: bool
    detail: list[dict[str, str]]


class Reason(BaseModel):
    reason: str = Field(default="", max_length=500)


class OrderIds(BaseModel):
    order_ids: list[RowId] = Field(min_length=1, max_length=10_000)


class StockChange(BaseModel):
    sku: str
    warehouse: str
    location: str
    quantity: Quantity
    reference: str | None = Field(default=None, max_length=64)


class PickConfirmation(BaseModel):
    picked: dict[RowKey, NonNegative] = Field(default_factory=dict, description="pick line id -> units found")


class PackRequest(BaseModel):
    order_id: RowId
    warehouse: str
    weights: list[Amount] | None = None


class ShipRequest(BaseModel):
    carrier: str | None = None
    service: str | None = None


class LineChangeIn(BaseModel):
    position: RowId | None = None
    quantity: NonNegative | None = None
    sku: str | None = None
    requested_delivery_date: date | None = None
    unit_price: NonNegative | None = None


class OrderChangeIn(BaseModel):
    lines: list[LineChangeIn] = Field(default_factory=list)
    requested_delivery_date: date | None = None
    note: str | None = Field(default=None, max_length=500)
