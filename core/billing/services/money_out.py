"""The money steps only a supervisor takes, each either done at once or, above the threshold, written
down for a second supervisor: writing an invoice off, paying a supplier, releasing a credit hold; and
carrying out any of them (refunds too) once approved, with both names in the books."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from core.billing.domain.approvals import FourEyes, MoneyApproval, MoneyStep
from core.billing.domain.invoicing import DocumentKind, Invoice
from core.billing.services import approvals, books, credit, returns
from core.billing.services.invoicing import currency_of, estimate
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.kernel.domain.model import Order


def write_off(
    uow: BillingUnitOfWork, rule: FourEyes, code: str, reason: str, actor: str, now: datetime
) -> Invoice | MoneyApproval:
    actor = approvals.supervisor(uow, actor, "write an invoice off")
    invoice = books.find_invoice(uow, code)
    if invoice.kind is DocumentKind.INVOICE and invoice.open_amount > 0:  # else books says why not
        pending = approvals.gate(
            uow, rule, MoneyStep.WRITE_OFF, code, invoice.open_amount, invoice.currency, actor, now,
            {"reason": reason},
        )  # fmt: skip
        if pending is not None:
            return pending
    return books.write_off(uow, code, reason, actor, now)


def pay_supplier(
    uow: BillingUnitOfWork,
    rule: FourEyes,
    supplier_id: str,
    amount: Decimal,
    currency: str,
    reference: str,
    actor: str,
    now: datetime,
) -> Decimal | MoneyApproval:
    actor = approvals.supervisor(uow, actor, "pay a supplier")
    supplier_id, reference = books.check_supplier_payment(uow, supplier_id, amount, currency, reference)
    pending = approvals.gate(
        uow, rule, MoneyStep.SUPPLIER_PAYMENT, supplier_id, amount, currency, actor, now,
        {"reference": reference},
    )  # fmt: skip
    return pending or books.pay_supplier(uow, supplier_id, amount, currency, reference, actor, now)


def release_credit(
    uow: BillingUnitOfWork,
    rule: FourEyes,
    policy: credit.PaymentPolicy,
    order_id: int,
    actor: str,
    now: datetime,
    note: str = "",
) -> Order | MoneyApproval:
    """The amount at stake is the order's (what the release lets the customer owe beyond the limit)."""
    actor = approvals.supervisor(uow, actor, "release a credit hold")
    order = credit.credit_held(uow, order_id)
    total = estimate(uow, order).total
    pending = approvals.gate(
        uow, rule, MoneyStep.CREDIT_RELEASE, str(order_id), total, currency_of(uow, order), actor, now,
        {"order_id": order_id, "note": note},
    )  # fmt: skip
    return pending or credit.release_credit_hold(uow, order_id, policy, actor, now, note)


def approve(
    uow: BillingUnitOfWork, policy: credit.PaymentPolicy, approval_id: int, actor: str, now: datetime
) -> MoneyApproval:
    """A second supervisor approves a pending step, which is carried out now in their transaction:
    the journal entry, the override and the order's history name who asked and who approved."""
    done = approvals.approve(uow, approval_id, actor, now)
    detail, signed = done.detail, done.signed
    if done.step is MoneyStep.WRITE_OFF:
        books.write_off(uow, done.subject, str(detail.get("reason", "")), signed, now, done.note)
    elif done.step is MoneyStep.SUPPLIER_PAYMENT:
        books.pay_supplier(
            uow, done.subject, done.amount, done.currency, str(detail["reference"]), signed, now, done.note
        )
    elif done.step is MoneyStep.CREDIT_RELEASE:
        note = f"{detail.get('note') or ''} ({done.note})".strip()
        credit.release_credit_hold(uow, int(str(detail["order_id"])), policy, signed, now, note)
    else:
        returns.refund(uow, done, now)
    return done
