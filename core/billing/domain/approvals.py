"""Segregation of duties for money going out or given up: refunds, write-offs, supplier payments and
credit releases are a supervisor's steps, and above a threshold a second supervisor, not the one who
asked, approves before anything is posted.  What waits for that approval is a `MoneyApproval`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


class MoneyStep(enum.StrEnum):
    """The steps that need a supervisor (and, above the threshold, a second one)."""

    REFUND = "refund"
    WRITE_OFF = "write_off"
    SUPPLIER_PAYMENT = "supplier_payment"
    CREDIT_RELEASE = "credit_release"


class ApprovalState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"


@dataclass(frozen=True)
class FourEyes:
    """Above `above` (in `currency`, the company's) a step needs a second supervisor's approval; an
    amount in another currency always does, as there is no rate to compare it with."""

    above: Decimal = Decimal(5000)
    currency: str = "EUR"

    def needs_second(self, amount: Decimal, currency: str) -> bool:
        return currency.upper() != self.currency.upper() or amount > self.above


@dataclass(eq=False)
class MoneyApproval:
    """A step asked for and waiting for (or given) a second person's approval.  `subject` names what
    it acts on (an invoice or credit note code, a supplier, an order id); `detail` what the step
    needs to be carried out exactly as asked."""

    step: MoneyStep
    subject: str
    amount: Decimal
    currency: str
    requested_by: str
    requested_at: datetime
    detail: dict[str, object] = field(default_factory=dict)
    state: ApprovalState = ApprovalState.PENDING
    approved_by: str | None = None
    approved_at: datetime | None = None
    id: int | None = None

    @property
    def signed(self) -> str:
        """Who asked and who approved, as the journal and the order history name them."""
        if self.approved_by is None or self.approved_by == self.requested_by:
            return self.requested_by[:64]
        return f"{self.requested_by[:31]}/{self.approved_by[:32]}"

    @property
    def note(self) -> str:
        """The same, written out for a journal entry's description."""
        if self.approved_by is None:
            return f"solicitado por {self.requested_by}, pendiente de aprobación"
        return f"solicitado por {self.requested_by}, aprobado por {self.approved_by} (aprobación #{self.id})"
