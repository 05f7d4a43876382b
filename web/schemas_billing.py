"""Request and response schemas of the payments, invoicing, returns and books API (amounts are decimal
strings, as everywhere in the API)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from web.schemas_fulfilment import Amount, Dec, NonNegative, OptDec, Out, RowId, RowKey


class TermsIn(BaseModel):
    method: Literal["on_account", "card"] | None = None
    terms_days: int | None = Field(default=None, ge=0, le=365)
    credit_limit: NonNegative | None = None
    no_limit: bool = False
    currency: str | None = Field(default=None, min_length=3, max_length=3)
    vat_number: str | None = None


class CardIn(BaseModel):
    number: str = Field(min_length=12, max_length=23)
    expiry_month: int = Field(ge=1, le=12)
    expiry_year: int = Field(ge=2000, le=2100)


class AccountOut(Out):
    customer_id: str
    method: str
    terms_days: int
    credit_limit: OptDec
    currency: str
    vat_number: str | None
    card_brand: str | None
    card_last4: str | None


class CardOut(BaseModel):
    card_brand: str | None
    card_last4: str | None
    retried_orders: list[int]


class InvoiceLineOut(Out):
    position: int
    kind: str
    sku: str | None
    description: str
    quantity: Dec
    unit: str | None
    unit_price: Dec
    net: Dec
    vat_rate: Dec
    vat_category: str


class InvoiceOut(Out):
    id: int
    code: str
    kind: str
    issue_date: date
    due_date: date
    customer_id: str
    order_id: int
    currency: str
    regime: str
    net_total: Dec
    tax_total: Dec
    total: Dec
    paid: Dec
    open_amount: Dec
    state: str
    shipment_id: int | None
    return_id: int | None
    corrects_id: int | None
    reason: str | None
    notes: list[str]
    taxes: list[dict[str, str]]
    lines: list[InvoiceLineOut]


class PaymentOut(Out):
    id: int
    order_id: int
    state: str
    currency: str
    amount: Dec
    authorised: Dec
    captured: Dec
    refunded: Dec
    card_last4: str | None
    reference: str | None
    attempt: int
    decline_code: str | None


class TransactionOut(Out):
    id: int
    kind: str
    state: str
    amount: Dec
    currency: str
    idempotency_key: str
    invoice_id: int | None
    reference: str | None
    decline_code: str | None
    message: str | None
    attempts: int
    created_at: datetime
    done_at: datetime | None


class ReturnLineOut(Out):
    position: int
    sku: str
    quantity: Dec
    received: Dec
    restocked: Dec
    scrapped: Dec


class ReturnOut(Out):
    id: int
    number: str
    order_id: int
    state: str
    resolution: str
    reason: str
    credit_note_id: int | None
    lines: list[ReturnLineOut]


class NoticeOut(Out):
    kind: str
    channel: str
    recipient: str | None
    language: str
    state: str
    error: str | None
    detail: dict[str, object]


class OrderBillingOut(BaseModel):
    order_id: int
    state: str
    payment: PaymentOut | None
    transactions: list[TransactionOut]
    invoices: list[InvoiceOut]
    returns: list[ReturnOut]
    notices: list[NoticeOut]


class Note(BaseModel):
    note: str = ""


class ApprovalOut(Out):
    """A money step waiting for (or given) a second supervisor's approval."""

    id: RowId
    step: str
    subject: str
    amount: Dec
    currency: str
    requested_by: str
    requested_at: datetime
    state: str
    approved_by: str | None
    approved_at: datetime | None


class ReceiptIn(BaseModel):
    customer_id: str = Field(min_length=1, max_length=64)
    amount: Amount
    currency: str = Field(default="EUR", min_length=3, max_length=3)
    reference: str = Field(min_length=1, max_length=80)
    invoices: list[str] = []


class ReturnIn(BaseModel):
    order_id: RowId
    lines: dict[RowKey, Amount]  # order-line position -> quantity
    reason: str = Field(min_length=1)
    resolution: Literal["refund", "credit"] = "refund"


class ReceivedLineIn(BaseModel):
    position: int
    quantity: Amount
    disposition: Literal["restock", "scrap"] = "restock"
    warehouse: str | None = None
    location: str | None = None


class ReceiveIn(BaseModel):
    lines: list[ReceivedLineIn]


class SupplierInvoiceIn(BaseModel):
    supplier_id: str = Field(min_length=1, max_length=64)
    number: str = Field(min_length=1, max_length=64)
    issue_date: date
    due_date: date
    net: Amount
    tax: NonNegative
    currency: str = "EUR"


class SupplierPaymentIn(BaseModel):
    supplier_id: str = Field(min_length=1, max_length=64)
    amount: Amount
    currency: str = "EUR"
    reference: str = Field(min_length=1, max_length=80)


class CostIn(BaseModel):
    cost_price: NonNegative | None = None


class TrialBalanceRowOut(BaseModel):
    account: str
    name: str
    debit: Dec
    credit: Dec
    balance: Dec


class TrialBalanceOut(BaseModel):
    currency: str
    rows: list[TrialBalanceRowOut]
    debit: Dec
    credit: Dec
    difference: Dec


class AgeingOut(BaseModel):
    party: str
    balance: Dec
    unapplied: Dec
    buckets: dict[str, Dec]
    items: list[dict[str, str]]


class EntryLineOut(BaseModel):
    account: str
    party: str | None
    debit: Dec
    credit: Dec


class EntryOut(BaseModel):
    id: int | None
    at: datetime
    source: str
    key: str | None
    description: str
    currency: str
    actor: str
    lines: list[EntryLineOut]
