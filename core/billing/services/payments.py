"""Card payments through a processor: the `PaymentGateway` interface, and the three steps of every
call to it.

1. `queue`: the call is written down as a pending `PaymentTransaction` with a fresh idempotency key,
   in the transaction of the business step that wants it (approval, invoicing, a return);
2. `prepare` + the gateway call, outside any transaction (a job; no lock held while the processor
   thinks);
3. `record`: its answer, and what follows from it (the order approved and allocated, held, the
   invoice paid, the credit note refunded), in a transaction of its own.

A crash or a lost answer between 2 and 3 leaves the transaction pending; the job (or the sweep)
makes the call again with the same key, and the processor answers from memory: nothing is charged
twice.  Declines are answers, not errors; a processor that does not answer raises
`GatewayUnavailable` and the job is retried.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from core.billing.domain.events import GatewayCallQueued
from core.billing.domain.ledger import transaction_entry
from core.billing.domain.notices import BillingNoticeKind
from core.billing.domain.payments import (
    CardToken,
    CustomerAccount,
    GatewayResult,
    Payment,
    PaymentState,
    PaymentTransaction,
    TransactionKind,
    TransactionState,
)
from core.billing.domain.returns import ReturnState
from core.billing.services.notices import tell
from core.billing.services.settlement import close_if_settled, settle
from core.billing.services.unit_of_work import BillingUnitOfWork, Reviewer, locked_order
from core.kernel.domain.model import Order, OrderState

ZERO = Decimal(0)
PAYMENT_HOLD = "card payment"  # the reason of every hold this module puts on an order starts so
ACTOR = "payments"
_GATEWAY_KINDS = frozenset(
    {TransactionKind.AUTHORISE, TransactionKind.CAPTURE, TransactionKind.VOID, TransactionKind.REFUND}
)


class PaymentGateway(Protocol):
    """A card processor (its API, or the sandbox in `outbound.payments`).

    Every call but `tokenise` takes an idempotency key: the same key again returns the first
    answer and changes nothing.  Declines come back as results; an unreachable processor (or a
    lost answer) raises `GatewayUnavailable`.
    """

    def tokenise(self, number: str, expiry_month: int, expiry_year: int) -> CardToken: ...

    def authorise(
        self, token: str, amount: Decimal, currency: str, *, idempotency_key: str, description: str = ""
    ) -> GatewayResult: ...

    def capture(
        self, authorisation: str, amount: Decimal, currency: str, *, idempotency_key: str, final: bool = False
    ) -> GatewayResult: ...

    def void(self, authorisation: str, *, idempotency_key: str) -> GatewayResult: ...

    def refund(
        self, authorisation: str, amount: Decimal, currency: str, *, idempotency_key: str
    ) -> GatewayResult: ...


def queue(
    uow: BillingUnitOfWork,
    kind: TransactionKind,
    customer_id: str,
    amount: Decimal,
    currency: str,
    now: datetime,
    *,
    payment: Payment | None = None,
    invoice_id: int | None = None,
    final: bool = False,
    actor: str = ACTOR,
) -> PaymentTransaction:
    """Write a call (or a movement of money) down; processor calls are made by a job after commit."""
    txn = PaymentTransaction(
        kind=kind,
        customer_id=customer_id,
        amount=amount,
        currency=currency,
        idempotency_key=f"{kind}-{uuid.uuid4().hex}",
        created_at=now,
        actor=actor[:64],
        payment_id=payment.id if payment else None,
        invoice_id=invoice_id,
        final=final,
    )
    uow.billing.add(txn)
    uow.flush()
    assert txn.id is not None
    if kind in _GATEWAY_KINDS:
        uow.emit(GatewayCallQueued(txn.id))
    return txn


def request_authorisation(
    uow: BillingUnitOfWork,
    order: Order,
    account: CustomerAccount,
    amount: Decimal,
    currency: str,
    now: datetime,
) -> Payment:
    """Ask the processor to reserve `amount` on the customer's card for this order (a new card, a
    new attempt: the earlier declined one stays in the history)."""
    assert order.id is not None
    payment = uow.billing.payment_for_order(order.id, lock=True)
    if payment is None:
        payment = Payment(order.id, account.customer_id, currency, amount, now)
        uow.billing.add(payment)
    else:
        payment.attempt += 1
        payment.amount, payment.state, payment.decline_code, payment.message = (
            amount,
            PaymentState.PENDING,
            None,
            None,
        )
    payment.token, payment.card_last4, payment.updated_at = account.card_token, account.card_last4, now
    uow.flush()
    queue(uow, TransactionKind.AUTHORISE, account.customer_id, amount, currency, now, payment=payment)
    return payment


@dataclass(frozen=True)
class Call:
    """What the job sends to the processor for one pending transaction."""

    transaction_id: int
    kind: TransactionKind
    idempotency_key: str
    amount: Decimal
    currency: str
    token: str | None
    authorisation: str | None
    final: bool
    description: str


def prepare(uow: BillingUnitOfWork, txn_id: int, now: datetime) -> Call | None:
    """The call to make for a pending transaction, counting the attempt; None when there is none
    to make (answered already, or no longer wanted)."""
    txn = uow.billing.transaction(txn_id, lock=True)
    if txn is None or txn.state is not TransactionState.PENDING or txn.kind not in _GATEWAY_KINDS:
        return None
    payment = uow.billing.payment(txn.payment_id, lock=True) if txn.payment_id else None
    if payment is None:
        _cancel(txn, now, "no card payment to act on")
        return None
    if txn.kind is TransactionKind.AUTHORISE:
        order = uow.fulfilment.order(payment.order_id)
        if order is None or order.state is OrderState.CANCELLED:
            _cancel(txn, now, "the order was cancelled before the card was authorised")
            payment.state = PaymentState.VOIDED
            return None
    txn.attempts += 1
    return Call(
        transaction_id=txn_id,
        kind=txn.kind,
        idempotency_key=txn.idempotency_key,
        amount=txn.amount,
        currency=txn.currency,
        token=payment.token,
        authorisation=payment.reference,
        final=txn.final,
        description=f"order {payment.order_id}",
    )


def _cancel(txn: PaymentTransaction, now: datetime, why: str) -> None:
    txn.state, txn.message, txn.done_at = TransactionState.CANCELLED, why, now


def call(gateway: PaymentGateway, c: Call) -> GatewayResult:
    """Make the call (no database involved)."""
    if c.kind is TransactionKind.AUTHORISE:
        if not c.token:
            return GatewayResult(False, "", c.amount, c.currency, "no_card", "no card on file")
        return gateway.authorise(
            c.token, c.amount, c.currency, idempotency_key=c.idempotency_key, description=c.description
        )
    if not c.authorisation:
        return GatewayResult(False, "", c.amount, c.currency, "no_authorisation", "nothing was authorised")
    if c.kind is TransactionKind.CAPTURE:
        return gateway.capture(
            c.authorisation, c.amount, c.currency, idempotency_key=c.idempotency_key, final=c.final
        )
    if c.kind is TransactionKind.VOID:
        return gateway.void(c.authorisation, idempotency_key=c.idempotency_key)
    return gateway.refund(c.authorisation, c.amount, c.currency, idempotency_key=c.idempotency_key)


def note_failure(uow: BillingUnitOfWork, txn_id: int, message: str) -> None:
    """The processor did not answer: the transaction stays pending, to be tried again."""
    txn = uow.billing.transaction(txn_id, lock=True)
    if txn is not None and txn.state is TransactionState.PENDING:
        txn.message = message[:2000]


def record(
    uow: BillingUnitOfWork, txn_id: int, result: GatewayResult, now: datetime, policy: Reviewer
) -> None:
    """The processor's answer, and what follows from it; an answer recorded before is ignored."""
    txn = uow.billing.transaction(txn_id, lock=True)
    if txn is None or txn.state is not TransactionState.PENDING:
        return
    payment = uow.billing.payment(txn.payment_id, lock=True) if txn.payment_id else None
    assert payment is not None
    txn.state = TransactionState.SUCCEEDED if result.approved else TransactionState.DECLINED
    txn.reference = result.reference or txn.reference
    txn.decline_code, txn.message, txn.done_at = result.code, result.message or None, now
    payment.updated_at = now
    if txn.kind is TransactionKind.AUTHORISE:
        _authorised(uow, txn, payment, result, now, policy)
    elif txn.kind is TransactionKind.CAPTURE:
        _captured(uow, txn, payment, result, now)
    elif txn.kind is TransactionKind.VOID:
        if result.approved:
            payment.state = PaymentState.VOIDED
    else:
        _refunded(uow, txn, payment, result, now)


def _authorised(
    uow: BillingUnitOfWork,
    txn: PaymentTransaction,
    payment: Payment,
    result: GatewayResult,
    now: datetime,
    policy: Reviewer,
) -> None:
    order = locked_order(uow, payment.order_id)
    assert order.id is not None
    if not result.approved:
        payment.state, payment.decline_code, payment.message = (
            PaymentState.DECLINED,
            result.code,
            result.message,
        )
        if order.state is OrderState.ACCEPTED:
            uow.lifecycle.hold(order.id, f"{PAYMENT_HOLD} declined ({result.code})", ACTOR, now)
        detail = {"stage": "authorisation", "code": result.code, "card": payment.card_last4}
        tell(
            uow, order, BillingNoticeKind.PAYMENT_DECLINED, now, ref=f"auth-{payment.attempt}", detail=detail
        )
        return
    payment.state, payment.authorised, payment.reference = (
        PaymentState.AUTHORISED,
        result.amount,
        result.reference,
    )
    payment.decline_code = payment.message = None
    if order.state is OrderState.CANCELLED:
        queue(uow, TransactionKind.VOID, payment.customer_id, ZERO, payment.currency, now, payment=payment)
        return
    if order.state is OrderState.ON_HOLD:
        held = uow.fulfilment.last_hold(order.id)
        reason = str(held.detail.get("reason", "")) if held else ""
        if not reason.startswith(PAYMENT_HOLD):
            return  # held for another reason: whoever holds it releases it
        uow.lifecycle.release_hold(order.id, ACTOR, now)
    if order.state is OrderState.ACCEPTED:
        uow.lifecycle.approve(order.id, policy, ACTOR, now)
        uow.lifecycle.allocate(order.id, ACTOR, now)


def _captured(
    uow: BillingUnitOfWork, txn: PaymentTransaction, payment: Payment, result: GatewayResult, now: datetime
) -> None:
    invoice = uow.billing.invoice(txn.invoice_id, lock=True) if txn.invoice_id else None
    order = locked_order(uow, payment.order_id)
    if not result.approved:
        payment.decline_code, payment.message = result.code, result.message
        detail = {"stage": "capture", "code": result.code, "card": payment.card_last4}
        if invoice is not None:
            detail |= {"invoice": invoice.code, "amount": str(txn.amount), "currency": txn.currency}
        tell(uow, order, BillingNoticeKind.PAYMENT_DECLINED, now, ref=f"capture-{txn.id}", detail=detail)
        return
    payment.captured += txn.amount
    if txn.final:
        payment.state = PaymentState.CAPTURED  # what was not captured is released
    posting = transaction_entry(txn, now)
    if posting is not None:
        uow.ledger.post(posting)
    if invoice is not None:
        settle(uow, invoice, txn.amount, now, "capture", transaction_id=txn.id)
    close_if_settled(uow, order, now)


def _refunded(
    uow: BillingUnitOfWork, txn: PaymentTransaction, payment: Payment, result: GatewayResult, now: datetime
) -> None:
    if not result.approved:
        return  # the credit note stays open: pay it out by transfer instead
    payment.refunded += txn.amount
    posting = transaction_entry(txn, now)
    if posting is not None:
        uow.ledger.post(posting)
    credit_note = uow.billing.invoice(txn.invoice_id, lock=True) if txn.invoice_id else None
    order = locked_order(uow, payment.order_id)
    if credit_note is not None:
        settle(uow, credit_note, txn.amount, now, "refund", transaction_id=txn.id)
        rma = uow.billing.return_request(credit_note.return_id, lock=True) if credit_note.return_id else None
        if rma is not None and credit_note.open_amount == 0:
            rma.state, rma.settled_at = ReturnState.SETTLED, now
    detail = {"amount": str(txn.amount), "currency": txn.currency, "card": payment.card_last4}
    if credit_note is not None:
        detail["credit_note"] = credit_note.code
    tell(uow, order, BillingNoticeKind.REFUNDED, now, ref=f"refund-{txn.id}", detail=detail)
