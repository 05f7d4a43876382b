"""Payment terms per customer, the credit check, card payments and the calls made to a processor.

A customer pays on account (an invoice due after `terms_days`, within a credit limit) or by card
(authorised before the order is approved, captured per invoice at shipment, voided on cancel,
refunded on return).  Every call to a processor is first written down as a `PaymentTransaction`
with its idempotency key, then made, then its answer recorded: a retried call carries the same key
and the processor answers it from memory instead of charging twice.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from core.kernel.domain.money import ZERO, round_money


class PaymentMethod(enum.StrEnum):
    ON_ACCOUNT = "on_account"
    CARD = "card"


@dataclass(eq=False)
class CustomerAccount:
    """How a customer pays; a customer without a row pays on account, net 30, without a limit."""

    customer_id: str
    method: PaymentMethod = PaymentMethod.ON_ACCOUNT
    terms_days: int = 30
    credit_limit: Decimal | None = None  # None: no limit
    currency: str = "EUR"
    vat_number: str | None = None
    card_token: str | None = None  # the processor's token: we never keep a card number
    card_brand: str | None = None
    card_last4: str | None = None


# The share of an order's gross added to a card authorisation for the carriage, which is only known
# when the goods ship, and the least that is added.
SHIPPING_ALLOWANCE = Decimal("0.10")
SHIPPING_ALLOWANCE_MIN = Decimal("15.00")


def authorisation_amount(gross: Decimal, currency: str) -> Decimal:
    """What to authorise for an order: its estimated gross plus the shipping allowance (rounded here)."""
    allowance = max(gross * SHIPPING_ALLOWANCE, SHIPPING_ALLOWANCE_MIN)
    return round_money(gross + allowance, currency)


@dataclass(frozen=True)
class CreditCheck:
    """Whether an on-account order fits the customer's credit limit, and the figures behind it."""

    within: bool
    limit: Decimal | None
    receivables: Decimal  # what the customer owes on issued invoices (the ledger's balance)
    committed: Decimal  # approved orders not invoiced yet
    order: Decimal  # this order's estimated gross

    @property
    def exposure(self) -> Decimal:
        return self.receivables + self.committed + self.order

    def reason(self, currency: str) -> str:
        if self.limit is None:
            return "on account, no credit limit"
        verdict = "within" if self.within else "credit limit exceeded:"
        return (
            f"{verdict} {self.exposure} of {self.limit} {currency} (receivables {self.receivables},"
            f" approved orders {self.committed}, this order {self.order})"
        )


def check_credit(
    limit: Decimal | None, receivables: Decimal, committed: Decimal, order: Decimal
) -> CreditCheck:
    within = limit is None or receivables + committed + order <= limit
    return CreditCheck(within, limit, receivables, max(committed, ZERO), order)


class PaymentState(enum.StrEnum):
    PENDING = "pending"  # authorisation asked for, no answer yet
    AUTHORISED = "authorised"
    DECLINED = "declined"
    CAPTURED = "captured"  # the last capture is done; what was not captured is released
    VOIDED = "voided"


@dataclass(eq=False)
class Payment:
    """The card payment of one order: one authorisation (a new card makes a new attempt), its
    captures and refunds.  Amounts are in the order's currency."""

    order_id: int
    customer_id: str
    currency: str
    amount: Decimal  # asked to authorise
    created_at: datetime
    state: PaymentState = PaymentState.PENDING
    authorised: Decimal = ZERO
    captured: Decimal = ZERO
    refunded: Decimal = ZERO
    token: str | None = None
    card_last4: str | None = None
    reference: str | None = None  # the processor's authorisation id
    attempt: int = 1
    decline_code: str | None = None
    message: str | None = None
    updated_at: datetime | None = None
    id: int | None = None

    @property
    def capturable(self) -> Decimal:
        if self.state is not PaymentState.AUTHORISED:
            return ZERO
        return max(self.authorised - self.captured, ZERO)

    @property
    def refundable(self) -> Decimal:
        return max(self.captured - self.refunded, ZERO)


class TransactionKind(enum.StrEnum):
    AUTHORISE = "authorise"
    CAPTURE = "capture"
    VOID = "void"
    REFUND = "refund"  # to the card
    RECEIPT = "receipt"  # a transfer received from the customer
    PAYOUT = "payout"  # money sent back by transfer


class TransactionState(enum.StrEnum):
    PENDING = "pending"  # written down, the processor not (yet) answered
    SUCCEEDED = "succeeded"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # no longer wanted (the order went away before it was made)


@dataclass(eq=False)
class PaymentTransaction:
    """One movement of money, or one call to the card processor, with its idempotency key."""

    kind: TransactionKind
    customer_id: str
    amount: Decimal
    currency: str
    idempotency_key: str
    created_at: datetime
    actor: str = "system"
    state: TransactionState = TransactionState.PENDING
    payment_id: int | None = None
    invoice_id: int | None = None  # the invoice a capture pays, or the credit note a refund pays out
    final: bool = False  # a capture after which nothing more will be captured
    reference: str | None = None  # the processor's id, or the bank statement's reference
    decline_code: str | None = None
    message: str | None = None
    attempts: int = 0
    done_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class CardToken:
    """A card as the processor keeps it for us."""

    token: str
    brand: str
    last4: str


@dataclass(frozen=True)
class GatewayResult:
    """A processor's answer: approved or declined (with its code); a transient failure is raised."""

    approved: bool
    reference: str  # authorisation, capture or refund id at the processor
    amount: Decimal
    currency: str
    code: str | None = None  # decline code: card_declined, insufficient_funds, expired_card, …
    message: str = ""


@dataclass(eq=False)
class CreditOverride:
    """A supervisor let an order through over the customer's credit limit."""

    order_id: int
    by: str
    at: datetime
    exposure: Decimal
    limit: Decimal
    note: str = ""
