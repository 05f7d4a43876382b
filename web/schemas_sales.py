"""Request and response bodies of `/api/prospects` and `/api/quotes`."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from core.catalog.domain.prospects import ProspectStatus
from core.catalog.domain.quotes import QuoteState

Text = Annotated[str, Field(max_length=256)]
Short = Annotated[str, Field(max_length=64)]


class ProspectIn(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=256)]
    source: Short = "other"
    owner: Short | None = None  # the user who follows it up; default: who writes it down
    email: Annotated[str, Field(max_length=320)] | None = None
    phone: Short | None = None
    vat_id: Annotated[str, Field(max_length=32)] | None = None
    city: Annotated[str, Field(max_length=128)] | None = None
    country: Annotated[str, Field(min_length=2, max_length=2)] | None = None
    language: Annotated[str, Field(max_length=8)] | None = None
    notes: Annotated[str, Field(max_length=4000)] = ""


class ProspectOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    source: str
    owner: str
    status: ProspectStatus
    created_at: datetime
    email: str | None
    phone: str | None
    vat_id: str | None
    city: str | None
    country: str | None
    language: str | None
    notes: str
    customer_id: str | None


class ProspectMove(BaseModel):
    status: ProspectStatus
    owner: Short | None = None


class Conversion(BaseModel):
    customer_id: Short | None = None  # default: made from the prospect's name


class OfferIn(BaseModel):
    sku: Short
    quantity: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=6)]
    unit_price: Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=6)] | None = None


class QuoteIn(BaseModel):
    prospect_id: Annotated[int, Field(ge=1, le=2**63 - 1)] | None = None
    customer_id: Short | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "EUR"
    valid_until: date | None = None
    note: Annotated[str, Field(max_length=2000)] = ""
    lines: Annotated[list[OfferIn], Field(min_length=1, max_length=500)]


class QuoteLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    position: int
    sku: str
    description: str
    quantity: Decimal
    unit: str | None
    unit_price: Decimal
    amount: Decimal
    price_source: str


class QuoteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    state: QuoteState
    prospect_id: int | None
    customer_id: str | None
    currency: str
    total: Decimal
    created_at: datetime
    created_by: str
    valid_until: date
    sent_at: datetime | None
    sent_to: str | None
    decided_at: datetime | None
    decided_by: str | None
    document_id: int | None
    note: str
    lines: list[QuoteLineOut]
