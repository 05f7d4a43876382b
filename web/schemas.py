"""Response schemas of the JSON API, separate from the domain classes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, field_serializer


def _fmt(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class ProblemOut(BaseModel):
    field: str | None
    code: str
    message: str


class OrderLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    position: int
    line_no: str | None
    item_code: str | None
    gtin: str | None
    buyer_item_code: str | None
    supplier_item_code: str | None
    sku: str | None
    description: str | None
    quantity: Decimal | None
    unit: str | None
    unit_price: Decimal | None
    amount: Decimal | None
    requested_delivery_date: date | None
    # ordered in a pack: the quantity in the product's own unit, beside `quantity` and `unit` as written
    base_quantity: Decimal | None = None
    base_unit: str | None = None
    price_source: str | None = None  # the price rule the line was checked against
    discount: Decimal | None = None  # what a promotion takes off quantity × unit price
    promotion: str | None = None  # that promotion in words

    @field_serializer("quantity", "unit_price", "amount", "base_quantity", "discount")
    def _decimal(self, value: Decimal | None) -> str | None:
        return _fmt(value)


class OrderSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    state: str
    decision: str
    confidence: float
    channel: str
    po_number: str | None
    customer_id: str | None
    order_date: date | None
    requested_delivery_date: date | None
    currency: str | None
    total: Decimal | None
    document_id: int
    created_at: datetime

    @field_serializer("total")
    def _decimal(self, value: Decimal | None) -> str | None:
        return _fmt(value)


class PartyOut(BaseModel):
    party_id: str | None
    name: str | None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None


class OrderOut(OrderSummary):
    buyer: PartyOut
    supplier: PartyOut
    ship_to: PartyOut
    partner_id: str | None
    message_ref: str | None
    promo_code: str | None = None  # the promotion code the order quoted
    problems: list[ProblemOut]
    lines: list[OrderLineOut]


class OrderPage(BaseModel):
    items: list[OrderSummary]
    limit: int
    offset: int
    has_more: bool = False  # another page follows this one


class OutboundOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    channel: str
    recipient: str
    filename: str
    state: str
    order_id: int | None
    control_ref: str | None
    created_at: datetime
    sent_at: datetime | None
    error: str | None


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    channel: str
    state: str
    format: str | None
    original_name: str | None
    sender: str | None
    external_id: str | None
    sha256: str
    size: int
    received_at: datetime
    updated_at: datetime | None
    error: str | None
    problems: list[ProblemOut]
    duplicate_of: int | None
    attempts: int
    order_ids: list[int] = []
    answers: list[OutboundOut] = []


class DocumentPage(BaseModel):
    items: list[DocumentOut]
    limit: int
    offset: int


class Health(BaseModel):
    status: str
    database: str
    documents: dict[str, int]


class CheckOut(BaseModel):
    ok: bool
    detail: str
    fix: str = ""  # what to install or change, when not ok


class Ready(BaseModel):
    """Readiness: `ready` only when every check passed; the checks by name."""

    status: str
    checks: dict[str, CheckOut]


class ErrorOut(BaseModel):
    """Every refusal: what was wrong, in words."""

    detail: str


def _error(description: str) -> dict[str, object]:
    return {"model": ErrorOut, "description": description}


# the answers every route may give besides its own (documented so the OpenAPI schema tells the truth)
COMMON_ERRORS: dict[int | str, dict[str, object]] = {
    400: _error("refused by a business rule"),
    401: _error("no user: a bearer token or a session is needed"),
    403: _error("the user's role does not allow it, or the CSRF token is missing"),
    404: _error("no such thing"),
    429: _error("too many failed sign-ins from this address or for this account: see Retry-After"),
}
CONFLICT: dict[int | str, dict[str, object]] = {409: _error("the order's state does not allow this step")}
