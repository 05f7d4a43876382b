"""Telling the customer about money: invoices and credit notes (with their documents), declined
payments, return authorisations, goods received back, refunds.

They work as the lifecycle's notifications do (`core.fulfilment.domain.notifications`): one row per thing to
tell, written with the change it reports, unique by its key so nothing is told twice, rendered later
by a job through one notifier per channel into the outbox, and delivered by the channel's sender.
They live in a table of their own because they carry documents and belong to invoices and returns
rather than to a step of the order.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from core.billing.domain.invoicing import Invoice
from core.billing.domain.payments import CustomerAccount
from core.billing.domain.returns import ReturnRequest
from core.kernel.domain.model import Customer, Order, Partner
from core.kernel.domain.notices import NotificationState


class BillingNoticeKind(enum.StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    PAYMENT_DECLINED = "payment_declined"
    RETURN_AUTHORISED = "return_authorised"
    RETURN_RECEIVED = "return_received"
    REFUNDED = "refunded"


# the kinds that carry a document of their own (a PDF, an INVOIC)
DOCUMENT_KINDS = frozenset({BillingNoticeKind.INVOICE, BillingNoticeKind.CREDIT_NOTE})


@dataclass(eq=False)
class BillingNotice:
    order_id: int
    kind: BillingNoticeKind
    key: str
    channel: str  # a registered channel's name (edi, email, fax, as2)
    created_at: datetime
    recipient: str | None = None
    language: str = "es"
    state: NotificationState = NotificationState.PENDING
    detail: dict[str, object] = field(default_factory=dict)
    invoice_id: int | None = None
    return_id: int | None = None
    attempts: int = 0
    error: str | None = None
    outbound_id: int | None = None
    queued_at: datetime | None = None
    id: int | None = None


def billing_key(order_id: int, kind: BillingNoticeKind, ref: str | int) -> str:
    return f"billing:{order_id}:{kind}:{ref}"


@dataclass(frozen=True)
class BillingMessage:
    """Everything a notifier needs to render one billing notice on its channel."""

    notice: BillingNotice
    order: Order
    customer: Customer | None
    reference: str  # unique per notice, safe in a file name
    document: Invoice | None = None
    original: Invoice | None = None  # the invoice a credit note corrects
    rma: ReturnRequest | None = None
    account: CustomerAccount | None = None
    partner: Partner | None = None
    control_ref: str | None = None

    @property
    def kind(self) -> BillingNoticeKind:
        return self.notice.kind

    @property
    def language(self) -> str:
        return "es" if self.notice.language[:2].lower() == "es" else "en"
