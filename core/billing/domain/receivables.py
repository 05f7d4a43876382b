"""Open items and ageing of receivables and payables, and a customer's statement.

An open item is a document with something still owed on it (positive) or a credit not yet used
(negative).  Ageing puts what is owed into buckets by days past the due date: current (not due
yet), 1–30, 31–60, 61–90, over 90.  Credits nobody applied (an overpayment, a credit note left on
account) are taken off the oldest debt first, so the buckets add up to the ledger's balance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.kernel.domain.money import ZERO

BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")


def bucket_of(due: date, as_of: date) -> str:
    late = (as_of - due).days
    if late <= 0:
        return "current"
    if late <= 30:
        return "1-30"
    if late <= 60:
        return "31-60"
    if late <= 90:
        return "61-90"
    return "90+"


@dataclass(frozen=True)
class OpenItem:
    party: str
    document: str  # F2026-000001, R2026-000003, a supplier's invoice number
    kind: str  # invoice | credit_note | supplier_invoice
    issue_date: date
    due_date: date
    total: Decimal
    open: Decimal  # positive: owed; negative: a credit


@dataclass
class Ageing:
    party: str
    balance: Decimal  # the ledger's balance for the party
    buckets: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(BUCKETS, ZERO))
    items: list[OpenItem] = field(default_factory=list)
    unapplied: Decimal = ZERO  # credit not tied to any document (an overpayment, a credit on account)


def age(party: str, items: Sequence[OpenItem], balance: Decimal, as_of: date) -> Ageing:
    """Bucket a party's open items by days overdue; what the documents do not explain is unapplied
    credit (or debit), taken off the oldest debt first."""
    result = Ageing(party, balance, items=sorted(items, key=lambda i: (i.due_date, i.document)))
    debts = [(i.due_date, i.open) for i in result.items if i.open > 0]
    credit = -sum((i.open for i in result.items if i.open < 0), ZERO)
    result.unapplied = sum((i.open for i in result.items), ZERO) - balance
    credit += result.unapplied
    for due, owed in debts:  # oldest due first
        taken = min(owed, credit) if credit > 0 else ZERO
        credit -= taken
        result.buckets[bucket_of(due, as_of)] += owed - taken
    # credit left over stays as a negative current amount; a negative pool (more owed than the
    # documents say) is due now
    result.buckets["current"] -= credit
    return result


@dataclass(frozen=True)
class StatementLine:
    day: date
    document: str
    description: str
    debit: Decimal
    credit: Decimal
    balance: Decimal = ZERO


@dataclass(frozen=True)
class Statement:
    """What a customer owed at the start of a period, every posting since, and what it owes now."""

    party: str
    currency: str
    start: date
    end: date
    opening: Decimal
    lines: tuple[StatementLine, ...]
    ageing: Ageing

    @property
    def closing(self) -> Decimal:
        return self.lines[-1].balance if self.lines else self.opening


def running(opening: Decimal, lines: Iterable[StatementLine]) -> tuple[StatementLine, ...]:
    out, balance = [], opening
    for line in lines:
        balance += line.debit - line.credit
        out.append(StatementLine(line.day, line.document, line.description, line.debit, line.credit, balance))
    return tuple(out)
