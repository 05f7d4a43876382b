"""The review queue's records: who works on an order (locks), what changed (the audit trail), and what
was learned from clerks' corrections: customer item codes, and the identifiers that name a customer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(eq=False)
class ReviewLock:
    """Who is working on an order in review, until when."""

    order_id: int
    user_id: int
    acquired_at: datetime
    expires_at: datetime


@dataclass(eq=False)
class AuditEvent:
    """One change to an order: who, when, what, before and after."""

    order_id: int
    at: datetime
    action: str  # edit | save | approve | reject | learn | unlearn | lock | ...
    user_id: int | None = None
    field: str | None = None
    before: object = None
    after: object = None
    id: int | None = None
    keystrokes: int | None = None  # keys pressed in the review form for this action; None: not counted


@dataclass(eq=False)
class LearnedItem:
    """A customer item code Comanda learned from a clerk's correction; a supervisor may undo it."""

    customer_id: str
    customer_item_code: str
    sku: str
    learned_at: datetime
    user_id: int | None = None
    order_id: int | None = None
    undone_at: datetime | None = None
    id: int | None = None


@dataclass(eq=False)
class LearnedIdentifier:
    """A strong identifier (VAT, GLN, e-mail, phone, fax) learned as a customer's when a clerk approved
    an order that printed it or was sent from it; a supervisor may undo it."""

    customer_id: str
    kind: str
    value: str
    learned_at: datetime
    user_id: int | None = None
    order_id: int | None = None
    undone_at: datetime | None = None
    id: int | None = None
