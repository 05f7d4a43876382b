"""Invoices and credit notes: what is billed, at which VAT, under which number.

An invoice is issued per shipment, for the goods in it and the shipment's charge; a credit note
(factura rectificativa) corrects an invoice, for goods returned.  Each kind has its own series, and
numbers run per series and calendar year without gaps (`F2026-000001`, `R2026-000001`): the number
is taken in the transaction that stores the document, so a rollback gives it back.

A document keeps a copy of whom it was addressed to (`bill_to`) and its VAT summary (`taxes`): what
was issued never changes when master data does.  Only `paid` and `state` move, as money comes in.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from core.billing.domain.tax import TaxAmount, VatTreatment, summarise
from core.kernel.domain.money import ZERO, round_money


class DocumentKind(enum.StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


SERIES: dict[DocumentKind, str] = {DocumentKind.INVOICE: "F", DocumentKind.CREDIT_NOTE: "R"}


class InvoiceState(enum.StrEnum):
    OPEN = "open"  # something is still owed (an invoice) or still to be given back (a credit note)
    SETTLED = "settled"


class LineKind(enum.StrEnum):
    GOODS = "goods"
    SHIPPING = "shipping"


def document_code(series: str, year: int, number: int) -> str:
    """`F2026-000042`: the series, the year and the number within both."""
    return f"{series}{year}-{number:06d}"


def parse_code(code: str) -> tuple[str, int, int]:
    """The series, year and number of `F2026-000042`; ValueError when it is not such a code."""
    head, sep, number = code.strip().upper().partition("-")
    series = head.rstrip("0123456789")
    year = head[len(series) :]
    if not sep or not series or len(year) != 4 or not year.isdigit() or not number.isdigit():
        raise ValueError(f"{code!r} is not a document number such as F2026-000042")
    return series, int(year), int(number)


@dataclass(frozen=True)
class Billable:
    """Something to put on a document: goods of an order line, or the carriage of a shipment."""

    description: str
    quantity: Decimal
    unit_price: Decimal
    vat: VatTreatment
    kind: LineKind = LineKind.GOODS
    sku: str | None = None
    gtin: str | None = None
    unit: str | None = None
    order_line_id: int | None = None
    line_no: str | None = None
    buyer_item_code: str | None = None
    discount: Decimal | None = None  # what a promotion takes off quantity × unit price, in cents
    promotion: str | None = None  # that promotion in words


@dataclass(eq=False)
class InvoiceLine:
    position: int
    kind: LineKind
    description: str
    quantity: Decimal
    unit_price: Decimal
    net: Decimal  # quantity × unit price, rounded to the cent, less `discount`
    vat_rate: Decimal
    vat_category: str
    sku: str | None = None
    gtin: str | None = None
    unit: str | None = None
    order_line_id: int | None = None
    line_no: str | None = None
    buyer_item_code: str | None = None
    discount: Decimal | None = None  # a promotion's allowance (core.catalog.domain.promotions)
    promotion: str | None = None
    invoice_id: int | None = None
    id: int | None = None

    @property
    def gross(self) -> Decimal:
        """Quantity × unit price before the promotion's allowance."""
        return self.net + (self.discount or ZERO)


@dataclass(eq=False)
class Invoice:
    """An invoice or a credit note, as issued."""

    kind: DocumentKind
    series: str
    year: int
    number: int
    issued_at: datetime
    issue_date: date
    due_date: date
    customer_id: str
    order_id: int
    currency: str
    regime: str
    language: str
    net_total: Decimal
    tax_total: Decimal
    total: Decimal
    bill_to: dict[str, str | None] = field(default_factory=dict)
    taxes: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # legal wording: exemptions, reverse charge
    paid: Decimal = ZERO  # settled so far: payments in (an invoice), refunds or offsets out (a credit note)
    state: InvoiceState = InvoiceState.OPEN
    shipment_id: int | None = None
    return_id: int | None = None
    corrects_id: int | None = None  # a credit note: the invoice it corrects
    reason: str | None = None
    lines: list[InvoiceLine] = field(default_factory=list)
    id: int | None = None

    @property
    def code(self) -> str:
        return document_code(self.series, self.year, self.number)

    @property
    def open_amount(self) -> Decimal:
        return self.total - self.paid

    @property
    def tax_amounts(self) -> list[TaxAmount]:
        return [TaxAmount.from_dict(t) for t in self.taxes]

    def net_of(self, kind: LineKind) -> Decimal:
        return sum((line.net for line in self.lines if line.kind is kind), ZERO)

    @property
    def discount_total(self) -> Decimal:
        """What promotions took off the goods (booked on the sales discounts account)."""
        return sum((line.discount or ZERO for line in self.lines), ZERO)

    def settle(self, amount: Decimal) -> Decimal:
        """Take up to `amount` against what is open; returns what was taken."""
        taken = min(amount, self.open_amount)
        if taken <= 0:
            return ZERO
        self.paid += taken
        self.state = InvoiceState.SETTLED if self.open_amount == 0 else InvoiceState.OPEN
        return taken


@dataclass(frozen=True)
class Priced:
    """Lines priced, the VAT summary and the totals of a document about to be issued."""

    lines: tuple[InvoiceLine, ...]
    taxes: tuple[TaxAmount, ...]
    net_total: Decimal
    tax_total: Decimal
    notes: tuple[str, ...]

    @property
    def total(self) -> Decimal:
        return self.net_total + self.tax_total


def price(items: Sequence[Billable], currency: str, language: str = "es") -> Priced:
    """Net per line rounded to the cent less its promotion's allowance (in cents already), VAT per rate
    over the summed nets, totals as sums."""
    lines = []
    for position, item in enumerate(items, start=1):
        gross = round_money(item.quantity * item.unit_price, currency)
        discount = min(item.discount, gross) if item.discount else None
        lines.append(
            InvoiceLine(
                position=position,
                kind=item.kind,
                description=item.description,
                quantity=item.quantity,
                unit_price=item.unit_price,
                net=gross - (discount or ZERO),
                vat_rate=item.vat.rate,
                vat_category=item.vat.category,
                sku=item.sku,
                gtin=item.gtin,
                unit=item.unit,
                order_line_id=item.order_line_id,
                line_no=item.line_no,
                buyer_item_code=item.buyer_item_code,
                discount=discount,
                promotion=item.promotion if discount else None,
            )
        )
    taxes = summarise(((ln.net, ln.vat_rate, ln.vat_category) for ln in lines), currency)
    notes: list[str] = []
    for item in items:
        note = item.vat.note_es if language == "es" else item.vat.note_en
        if note and note not in notes:
            notes.append(note)
    return Priced(
        lines=tuple(lines),
        taxes=tuple(taxes),
        net_total=sum((ln.net for ln in lines), ZERO),
        tax_total=sum((t.tax for t in taxes), ZERO),
        notes=tuple(notes),
    )


@dataclass(eq=False)
class Settlement:
    """Money or credit taken against an invoice: a capture, a transfer received, a credit note."""

    invoice_id: int
    amount: Decimal
    at: datetime
    source: str  # capture | receipt | credit_note | refund
    transaction_id: int | None = None
    credit_note_id: int | None = None
    id: int | None = None
