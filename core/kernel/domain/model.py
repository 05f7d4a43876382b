"""Master data and orders: the entities the order-management core keeps.

Plain classes mapped imperatively by `core.kernel.adapters.orm`, so the domain stays free of SQLAlchemy.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


class OrderState(enum.StrEnum):
    """Where an order stands; the lifecycle's transitions are in `core.fulfilment.domain.lifecycle`."""

    RECEIVED = "received"
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"
    # the lifecycle after acceptance (core.fulfilment.domain.lifecycle)
    APPROVED = "approved"  # credit/payment approved
    BACKORDERED = "backordered"  # some units wait for stock
    ALLOCATED = "allocated"
    RELEASED = "released"  # on a pick list in the warehouse
    PICKED = "picked"
    PACKED = "packed"
    PARTIALLY_SHIPPED = "partially_shipped"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CLOSED = "closed"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


class Decision(enum.StrEnum):
    """What validation decided for a captured order."""

    ACCEPT = "accept"
    REVIEW = "review"
    REJECT = "reject"

    @property
    def order_state(self) -> OrderState:
        return {
            Decision.ACCEPT: OrderState.ACCEPTED,
            Decision.REVIEW: OrderState.IN_REVIEW,
            Decision.REJECT: OrderState.REJECTED,
        }[self]


@dataclass(eq=False)
class Customer:
    """A customer as master data knows it."""

    customer_id: str
    name: str
    email: str | None = None
    fax: str | None = None
    gln: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    language: str | None = None
    # optional columns beyond the first contract: the tax/VAT number and a telephone number, strong
    # identifiers a document may print in its letterhead (see `identifier_keys`)
    vat_id: str | None = None
    phone: str | None = None


@dataclass(eq=False)
class Product:
    """A product we sell, by our SKU."""

    sku: str
    name: str
    description_en: str | None = None
    gtin: str | None = None
    unit: str | None = None
    price: Decimal | None = None
    currency: str | None = None
    # optional columns beyond the master-data contract: standard cost (for the cost of goods sold,
    # in `currency`) and VAT class (core.billing.domain.tax.VatClass; None: general)
    cost_price: Decimal | None = None
    vat_class: str | None = None


@dataclass(eq=False)
class CustomerItem:
    """A customer's own code for one of our SKUs."""

    customer_id: str
    customer_item_code: str
    sku: str


@dataclass(eq=False)
class CustomerIdentifier:
    """A strong identifier (kind "vat" | "gln" | "email" | "phone" | "fax") a clerk confirmed as a
    customer's, beyond those in its master-data columns: the next document printing it names the customer."""

    customer_id: str
    kind: str
    value: str  # as `identifier_keys` normalises it: upper-case VAT, lower-case e-mail, E.164 number


@dataclass(eq=False)
class Partner:
    """An EDIFACT trading partner: its interchange id and our control-reference sequence for it."""

    partner_id: str  # their UNB sender id
    qualifier: str = ""
    our_id: str = ""  # the id they address us by (their UNB recipient id)
    our_qualifier: str = ""
    syntax_id: str = "UNOC"
    syntax_version: str = "3"
    customer_id: str | None = None
    next_control_ref: int = 1
    # the trading agreement, as `oms import partners` wrote it (docs/command-line.md); a row without an
    # address was never configured (earlier versions stored every sender they saw): it is no partner
    syntax_ids: str = ""  # accepted UNB syntax identifiers, comma separated ("UNOA,UNOC")
    buyers: str = ""  # customer ids and GLNs it may order for, comma separated
    channel: str = ""  # "edi" (outbox folder), "as2"; blank: the channel the interchange came on
    address: str = ""  # the outbox folder name, or the AS2 partner's id

    @property
    def configured(self) -> bool:
        return bool(self.address)

    def accepts_syntax(self, syntax_id: str) -> bool:
        return syntax_id in _listed(self.syntax_ids)

    def speaks_for(self, customer: Customer) -> bool:
        """May order on behalf of this customer: named by customer id or by its GLN."""
        allowed = _listed(self.buyers)
        return customer.customer_id in allowed or bool(customer.gln and customer.gln in allowed)

    def take_control_ref(self) -> str:
        """Return the next outbound control reference for this partner and advance the sequence."""
        ref = self.next_control_ref
        self.next_control_ref = ref + 1
        return str(ref)


@dataclass(eq=False)
class OrderLine:
    """One line of an order, as captured and as resolved against master data."""

    position: int
    line_no: str | None = None
    item_code: str | None = None
    gtin: str | None = None
    buyer_item_code: str | None = None
    supplier_item_code: str | None = None
    sku: str | None = None
    description: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    amount: Decimal | None = None
    requested_delivery_date: date | None = None
    id: int | None = None
    # ordered in a pack: `quantity` and `unit` as the document wrote them, these in the product's unit
    base_quantity: Decimal | None = None
    base_unit: str | None = None
    price_source: str | None = None  # the price rule the line was checked against, in words
    # a promotion on the line (core.catalog.domain.promotions): what it takes off quantity × unit price
    discount: Decimal | None = None
    promotion: str | None = None

    @property
    def stock_quantity(self) -> Decimal | None:
        """The ordered quantity as stock counts it, in the product's own unit: a pack line's base
        quantity ("2 CAJ" = 24 UD), else the quantity."""
        return self.base_quantity if self.base_quantity is not None else self.quantity

    def in_line_unit(self, units: Decimal) -> Decimal:
        """Units as stock counts them (shipped, returned) in the line's own unit: 24 UD of a line
        ordered as "2 CAJ" are 2; a line not ordered in a pack is counted in its own unit already."""
        if self.base_quantity is None or not self.quantity:
            return units
        return units * self.quantity / self.base_quantity

    def change_quantity(self, quantity: Decimal) -> None:
        """A new ordered quantity in the line's own unit; a pack line's base quantity follows it."""
        if self.base_quantity is not None and self.quantity:
            self.base_quantity = self.base_quantity * quantity / self.quantity
        self.quantity = quantity


@dataclass(frozen=True)
class EarlierLine:
    """What the duplicate check compares of an earlier order's line."""

    sku: str | None
    quantity: Decimal | None


@dataclass(frozen=True)
class EarlierOrder:
    """What the duplicate check compares of an earlier order: its number, its lines and its channel
    (plain values read for the check, not the order itself)."""

    id: int
    channel: str
    state: OrderState
    created_at: datetime
    po_number: str | None
    lines: tuple[EarlierLine, ...]


@dataclass(eq=False)
class Order:
    """A customer order in the OMS."""

    document_id: int
    message_index: int  # position of the order within its document
    channel: str
    state: OrderState
    decision: Decision
    confidence: float
    created_at: datetime
    po_number: str | None = None
    customer_id: str | None = None
    order_date: date | None = None
    requested_delivery_date: date | None = None
    currency: str | None = None
    buyer_party_id: str | None = None
    buyer_name: str | None = None
    supplier_party_id: str | None = None
    supplier_name: str | None = None
    ship_to_party_id: str | None = None
    ship_to_name: str | None = None
    ship_to_street: str | None = None
    ship_to_postal_code: str | None = None
    ship_to_city: str | None = None
    ship_to_country: str | None = None
    total: Decimal | None = None
    partner_id: str | None = None  # EDIFACT sender the answer goes to
    message_ref: str | None = None
    problems: list[dict[str, str | None]] = field(default_factory=list)
    # per-field confidence and provenance as captured: {"field", "confidence", "page", "box", "segment"}
    evidence: list[dict[str, object]] = field(default_factory=list)
    duplicate_of: int | None = None  # the earlier order this one repeats (perhaps on another channel)
    # the strong identifiers the document printed and who sent it: {"kind", "value", "role"}; role
    # "sender" for the e-mail From or the fax number it came from (what a clerk's confirmation teaches)
    identifiers: list[dict[str, str | None]] = field(default_factory=list)
    promo_code: str | None = None  # the promotion code the order quoted
    lines: list[OrderLine] = field(default_factory=list)
    id: int | None = None


class OutboundKind(enum.StrEnum):
    """What an outbound message is."""

    ORDRSP = "ordrsp"
    CONTRL = "contrl"
    DESADV = "desadv"
    NOTICE = "notice"  # a lifecycle notification on e-mail or fax
    REPLY = "reply"  # the answer to an order that came by e-mail or fax
    INVOIC = "invoic"  # an EDIFACT invoice or credit note
    BILLING = "billing"  # an invoice, credit note or return notice on e-mail or fax
    QUOTE = "quote"  # a quote offered to a prospect or customer by e-mail
    ORDERS = "orders"  # our purchase order to an EDIFACT supplier
    PURCHASE = "purchase"  # our purchase order to a supplier by e-mail or fax
    REPORT = "report"  # a scheduled report by e-mail (core.forecasting's schedules)
    PRICAT = "pricat"  # a price catalogue to an EDIFACT partner


class OutboundState(enum.StrEnum):
    """Delivery state of an outbound message (an outbox row)."""

    PENDING = "pending"
    SENT = "sent"  # handed to the channel (a spool folder, a smarthost, a partner's server)
    DELIVERED = "delivered"  # the far end acknowledged it (an AS2 receipt), now or later
    FAILED = "failed"  # refused for good by the far end; `error` says why


@dataclass(eq=False)
class OutboundMessage:
    """An answer to send on a channel, sent once by a job.

    Most answers are rendered when queued. A `draft` one (the e-mail reply with its PDF) holds only
    what its channel needs to render it (`content` stays empty): a job renders it off the intake
    path, clears `draft`, and only then may it be sent.
    """

    channel: str
    kind: OutboundKind
    recipient: str  # EDI partner id, e-mail address or fax number
    filename: str
    content: bytes
    created_at: datetime
    state: OutboundState = OutboundState.PENDING
    order_id: int | None = None
    document_id: int | None = None
    control_ref: str | None = None
    sent_at: datetime | None = None
    error: str | None = None
    attempts: int = 0
    id: int | None = None
    draft: dict[str, Any] | None = None
    queued_at: datetime | None = None  # a draft's render job queued again by the sweep, last at


def _listed(text: str) -> set[str]:
    return {part.strip() for part in text.split(",") if part.strip()}
