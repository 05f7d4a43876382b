"""Quotes: prices offered to a prospect or a customer for a while; one the customer accepts becomes an
order through the same intake as every other order (`acceptance`, read back by `parsers.quote`)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from core.kernel.errors import SalesError

ACCEPTANCE_MEDIA_TYPE = "application/vnd.comanda.quote-acceptance+json"
CENT = Decimal("0.01")


class QuoteState(enum.StrEnum):
    """Where a quote stands."""

    DRAFT = "draft"  # being written: lines may change
    SENT = "sent"  # offered to the customer: fixed
    ACCEPTED = "accepted"  # the customer took it: an order was made of it
    REJECTED = "rejected"  # the customer declined it
    WITHDRAWN = "withdrawn"  # we took it back before an answer


@dataclass(eq=False)
class QuoteLine:
    """A product offered: quantity in the product's unit, price per unit before tax."""

    position: int
    sku: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    unit: str | None = None
    price_source: str = ""  # the price rule the price came from, in words ("" when typed by hand)
    id: int | None = None

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(eq=False)
class Quote:
    """Prices offered to one prospect or customer until `valid_until`, in one currency."""

    currency: str
    created_at: datetime
    created_by: str
    valid_until: date
    prospect_id: int | None = None
    customer_id: str | None = None
    state: QuoteState = QuoteState.DRAFT
    note: str = ""
    lines: list[QuoteLine] = field(default_factory=list)
    sent_at: datetime | None = None
    sent_to: str | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    document_id: int | None = None  # the stored acceptance the order was read from
    id: int | None = None

    @property
    def number(self) -> str:
        return f"Q-{self.id:06d}" if self.id is not None else "Q-(new)"

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    def add_line(
        self, sku: str, description: str, quantity: Decimal, unit_price: Decimal, **extra: str | None
    ) -> QuoteLine:
        if self.state is not QuoteState.DRAFT:
            raise SalesError(f"quote {self.number} is {self.state}: only a draft can change")
        if quantity <= 0:
            raise SalesError(f"the quantity of {sku} must be more than zero")
        if unit_price < 0:
            raise SalesError(f"the price of {sku} cannot be negative")
        line = QuoteLine(
            len(self.lines) + 1,
            sku,
            description,
            quantity,
            unit_price,
            unit=extra.get("unit"),
            price_source=extra.get("price_source") or "",
        )
        self.lines.append(line)
        return line

    def send(self, to: str, now: datetime) -> None:
        if self.state is not QuoteState.DRAFT:
            raise SalesError(f"quote {self.number} is {self.state}: it was sent already")
        if not self.lines:
            raise SalesError(f"quote {self.number} has no lines to offer")
        if self.valid_until < now.date():
            raise SalesError(f"quote {self.number} expired on {self.valid_until.isoformat()}")
        self.state, self.sent_at, self.sent_to = QuoteState.SENT, now, to

    def accept(self, customer_id: str, by: str, now: datetime) -> None:
        """The customer took the offer (within its validity); the order is made from `acceptance`."""
        self._decide(QuoteState.ACCEPTED, by, now)
        self.customer_id = customer_id

    def reject(self, by: str, now: datetime) -> None:
        self._decide(QuoteState.REJECTED, by, now)

    def withdraw(self, by: str, now: datetime) -> None:
        if self.state not in (QuoteState.DRAFT, QuoteState.SENT):
            raise SalesError(f"quote {self.number} is {self.state}: it cannot be withdrawn")
        self.state, self.decided_at, self.decided_by = QuoteState.WITHDRAWN, now, by

    def _decide(self, to: QuoteState, by: str, now: datetime) -> None:
        if self.state is not QuoteState.SENT:
            raise SalesError(f"quote {self.number} is {self.state}: only a sent quote is answered")
        if to is QuoteState.ACCEPTED and now.date() > self.valid_until:
            raise SalesError(
                f"quote {self.number} was valid until {self.valid_until.isoformat()}: quote again"
            )
        self.state, self.decided_at, self.decided_by = to, now, by

    def acceptance(self) -> bytes:
        """The accepted quote as an order document: what intake stores and `parsers.quote` reads."""
        if self.state is not QuoteState.ACCEPTED or self.customer_id is None or self.decided_at is None:
            raise SalesError(f"quote {self.number} is not accepted")
        body = {
            "quote": self.number,
            "customer_id": self.customer_id,
            "currency": self.currency,
            "accepted_on": self.decided_at.date().isoformat(),
            "accepted_by": self.decided_by,
            "lines": [
                {
                    "position": line.position,
                    "sku": line.sku,
                    "description": line.description,
                    "quantity": str(line.quantity),
                    "unit": line.unit,
                    "unit_price": str(line.unit_price),
                    "amount": str(line.amount),
                }
                for line in self.lines
            ],
            "total": str(self.total),
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
