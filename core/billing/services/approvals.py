"""Who may move money out or give it up: the role check every such step of the billing service makes
(so the API, the pages and the command line obey the same rule), the second approval above the
threshold, and approving a request, which may not be one's own."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from core.billing.domain.approvals import ApprovalState, FourEyes, MoneyApproval, MoneyStep
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.kernel.domain.users import Role
from core.kernel.errors import IllegalTransition, NotFound, NotPermitted
from core.kernel.services.signins import account_name


def is_supervisor(uow: BillingUnitOfWork, actor: str) -> bool:
    user = uow.users.by_name(account_name(actor))
    return user is not None and user.active and user.role.allows(Role.SUPERVISOR)


def supervisor(uow: BillingUnitOfWork, actor: str, what: str) -> str:
    """The acting user's name when it is an active supervisor (or admin); else NotPermitted."""
    if not is_supervisor(uow, actor):
        raise NotPermitted(f"{actor!r} is no active supervisor: only a supervisor may {what}")
    return account_name(actor)


def request(
    uow: BillingUnitOfWork,
    step: MoneyStep,
    subject: str,
    amount: Decimal,
    currency: str,
    actor: str,
    now: datetime,
    detail: dict[str, object],
) -> MoneyApproval:
    """Write a step down to wait for a second supervisor's approval; nothing is posted yet."""
    pending = MoneyApproval(step, subject[:96], amount, currency.upper(), actor[:64], now, detail)
    uow.billing.add(pending)
    uow.flush()
    return pending


def gate(
    uow: BillingUnitOfWork,
    rule: FourEyes,
    step: MoneyStep,
    subject: str,
    amount: Decimal,
    currency: str,
    actor: str,
    now: datetime,
    detail: dict[str, object],
) -> MoneyApproval | None:
    """A supervisor's step: refused to anyone else; None when it may be done now, else the approval
    it now waits for (the amount is above the threshold)."""
    actor = supervisor(uow, actor, f"take a {step.replace('_', ' ')}")
    if not rule.needs_second(amount, currency):
        return None
    return request(uow, step, subject, amount, currency, actor, now, detail)


def approve(uow: BillingUnitOfWork, approval_id: int, actor: str, now: datetime) -> MoneyApproval:
    """A second supervisor approves a pending step (the caller then carries it out in the same
    transaction); the one who asked may not approve it."""
    pending = uow.billing.approval(approval_id, lock=True)
    if pending is None:
        raise NotFound(f"there is no approval {approval_id}")
    approver = supervisor(uow, actor, "approve a money step")
    if pending.state is not ApprovalState.PENDING:
        raise IllegalTransition(f"approval {approval_id} was given already, by {pending.approved_by}")
    if approver == pending.requested_by.strip().lower():
        raise NotPermitted(f"{approver} asked for approval {approval_id}: a second person must approve it")
    pending.state, pending.approved_by, pending.approved_at = ApprovalState.APPROVED, approver, now
    return pending
