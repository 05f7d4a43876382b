"""The credit/payment step between acceptance and allocation, as a replaceable policy.

The lifecycle only needs the verdict.  `ApproveEverything` is the default of a bare lifecycle
service; the composition root wires `core.billing.services.credit.PaymentPolicy` in its place (payment
terms, credit limit, card authorisation).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from core.fulfilment.domain.approval import Approval, Verdict
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.model import Order


class ApprovalPolicy(Protocol):
    """Decides whether an accepted order may go on to allocation.

    Called inside the approval transaction with the order locked; may read (and, for a card
    authorisation, write) through `uow`.  Must be idempotent for an order it already approved.
    """

    def review(self, uow: FulfilmentUnitOfWork, order: Order) -> Approval: ...


@runtime_checkable
class BatchReview(Protocol):
    """A policy that reads what it needs for a whole batch of orders at once before reviewing each
    (so a batch of approvals costs a few queries, not a few per order)."""

    def prepare(self, uow: FulfilmentUnitOfWork, orders: Sequence[Order]) -> None: ...


class ApproveEverything:
    """The policy until issue 7: every accepted order is approved."""

    def review(self, uow: FulfilmentUnitOfWork, order: Order) -> Approval:
        return Approval(Verdict.APPROVE, "no credit or payment check configured")
