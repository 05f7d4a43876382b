"""The credit/payment step between acceptance and allocation, as a replaceable policy.

The lifecycle only needs the verdict.  `ApproveEverything` is the default of a bare lifecycle
service; the composition root wires `core.billing.services.credit.PaymentPolicy` in its place (payment
terms, credit limit, card authorisation).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from core.kernel.domain.model import Order
from core.unit_of_work import UnitOfWork


class Verdict(enum.StrEnum):
    APPROVE = "approve"
    HOLD = "hold"  # e.g. over the credit limit: a supervisor decides
    REJECT = "reject"  # e.g. the card was declined for good
    WAIT = "wait"  # not yet: e.g. the card authorisation is on its way; asked again when it answers


@dataclass(frozen=True)
class Approval:
    verdict: Verdict
    reason: str


class ApprovalPolicy(Protocol):
    """Decides whether an accepted order may go on to allocation.

    Called inside the approval transaction with the order locked; may read (and, for a card
    authorisation, write) through `uow`.  Must be idempotent for an order it already approved.
    """

    def review(self, uow: UnitOfWork, order: Order) -> Approval: ...


class ApproveEverything:
    """The policy until issue 7: every accepted order is approved."""

    def review(self, uow: UnitOfWork, order: Order) -> Approval:
        return Approval(Verdict.APPROVE, "no credit or payment check configured")
