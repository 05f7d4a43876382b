"""The credit and payment policy consulted when an accepted order is approved (it replaces
`ApproveEverything`).

- On account: approved while what the customer owes (the receivables in the ledger), plus its
  approved orders not invoiced yet, plus this order stays within its credit limit; otherwise held
  for a supervisor, whose release (`release_credit_hold`) is remembered as an override.
- By card: approved once the card is authorised for the order.  Until then the order waits,
  accepted, while the authorisation goes to the processor; an answer approves and allocates it, a
  decline holds it (a new card tries again).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal

from core.billing.domain.ledger import RECEIVABLE
from core.billing.domain.payments import (
    CreditCheck,
    CreditOverride,
    CustomerAccount,
    PaymentMethod,
    PaymentState,
    authorisation_amount,
    check_credit,
)
from core.billing.services.invoicing import account_of, currency_of, estimate
from core.billing.services.payments import PAYMENT_HOLD, request_authorisation
from core.billing.services.unit_of_work import BillingUnitOfWork, billing_uow, locked_order
from core.fulfilment.domain.approval import Approval, Verdict
from core.kernel.domain.model import Order, OrderState
from core.kernel.errors import IllegalTransition
from core.kernel.services.unit_of_work import UnitOfWork

ZERO = Decimal(0)
CREDIT_HOLD = "credit limit"  # the reason of every credit hold starts so
# approved orders that may still be invoiced (what they will cost counts against the limit)
COMMITTED = (
    OrderState.APPROVED,
    OrderState.BACKORDERED,
    OrderState.ALLOCATED,
    OrderState.RELEASED,
    OrderState.PICKED,
    OrderState.PACKED,
    OrderState.PARTIALLY_SHIPPED,
)


class PaymentPolicy:
    """Payment terms, credit limit and card authorisation, as `ApprovalPolicy`."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock

    def prepare(self, any_uow: UnitOfWork, orders: Sequence[Order]) -> None:
        """Read the batch's accounts and overrides at once (see `BatchReview`)."""
        billing_uow(any_uow).billing.prefetch(
            (o.customer_id for o in orders), (o.id for o in orders if o.id is not None)
        )

    def review(self, any_uow: UnitOfWork, order: Order) -> Approval:
        uow = billing_uow(any_uow)
        account = account_of(uow, order)
        if account.method is PaymentMethod.CARD:
            return self._card(uow, order, account)
        return self._credit(uow, order, account)

    def _credit(self, uow: BillingUnitOfWork, order: Order, account: CustomerAccount) -> Approval:
        assert order.id is not None
        override = uow.billing.credit_override(order.id)
        if override is not None:
            return Approval(Verdict.APPROVE, f"{CREDIT_HOLD} overridden by {override.by}")
        if account.credit_limit is None:
            return Approval(Verdict.APPROVE, f"on account, net {account.terms_days} days, no credit limit")
        check = exposure(uow, order, account)
        currency = account.currency
        if currency_of(uow, order) != currency:
            return Approval(
                Verdict.HOLD, f"{CREDIT_HOLD}: the order is not in {currency}, the limit's currency"
            )
        if check.within:
            return Approval(
                Verdict.APPROVE, f"on account, net {account.terms_days} days: {check.reason(currency)}"
            )
        return Approval(Verdict.HOLD, f"{CREDIT_HOLD}: {check.reason(currency)}")

    def _card(self, uow: BillingUnitOfWork, order: Order, account: CustomerAccount) -> Approval:
        assert order.id is not None
        payment = uow.billing.payment_for_order(order.id)
        if payment is not None and payment.state in (PaymentState.AUTHORISED, PaymentState.CAPTURED):
            return Approval(
                Verdict.APPROVE,
                f"card ****{payment.card_last4 or '?'} authorised {payment.authorised} {payment.currency}"
                f" ({payment.reference})",
            )
        if payment is not None and payment.state is PaymentState.DECLINED:
            return Approval(Verdict.HOLD, f"{PAYMENT_HOLD} declined ({payment.decline_code})")
        if not account.card_token:
            return Approval(Verdict.HOLD, f"{PAYMENT_HOLD}: no card on file")
        if payment is None or payment.state is PaymentState.VOIDED:
            currency = currency_of(uow, order)
            amount = authorisation_amount(estimate(uow, order).total, currency)
            request_authorisation(uow, order, account, amount, currency, self.clock())
        return Approval(Verdict.WAIT, "awaiting card authorisation")


def exposure(uow: BillingUnitOfWork, order: Order, account: CustomerAccount) -> CreditCheck:
    """The credit check of an order: receivables, approved orders not invoiced, and this order."""
    assert order.id is not None
    receivables = uow.ledger.balance(RECEIVABLE, account.customer_id)
    others = uow.billing.open_orders_of(account.customer_id, COMMITTED, exclude=order.id)
    invoiced = uow.billing.invoiced_by_order(o.id for o in others if o.id is not None)
    committed = sum((max(estimate(uow, o).total - invoiced.get(o.id or 0, ZERO), ZERO) for o in others), ZERO)
    return check_credit(account.credit_limit, receivables, committed, estimate(uow, order).total)


def credit_held(uow: BillingUnitOfWork, order_id: int) -> Order:
    """The order, locked, when it is held over its credit limit; IllegalTransition otherwise."""
    order = locked_order(uow, order_id)
    held = uow.fulfilment.last_hold(order_id)
    reason = str(held.detail.get("reason", "")) if held is not None else ""
    if order.state is not OrderState.ON_HOLD or not reason.startswith(CREDIT_HOLD):
        raise IllegalTransition(
            f"order {order_id} is not held over its credit limit ({order.state}: {reason or 'no hold'})",
            order_id=order_id,
            state=str(order.state),
        )
    return order


def release_credit_hold(
    uow: BillingUnitOfWork, order_id: int, policy: PaymentPolicy, actor: str, now: datetime, note: str = ""
) -> Order:
    """A supervisor lets an order held over the credit limit through: the override is kept with
    the figures of the moment, and the order is approved and allocated."""
    order = credit_held(uow, order_id)
    account = account_of(uow, order)
    check = exposure(uow, order, account)
    uow.billing.add(
        CreditOverride(order_id, actor[:64], now, check.exposure, account.credit_limit or ZERO, note)
    )
    uow.flush()
    uow.lifecycle.release_hold(order_id, actor, now)
    if OrderState(order.state) is OrderState.ACCEPTED:
        uow.lifecycle.approve(order_id, policy, actor, now)
        uow.lifecycle.allocate(order_id, actor, now)
    return order
