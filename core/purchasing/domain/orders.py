"""The purchase order, its lines and its state history; every move between states goes through
`PurchaseOrder.move`, which refuses what `TRANSITIONS` does not allow."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from core.purchasing.domain.errors import IllegalPoTransition, PurchasingError

ZERO = Decimal(0)


class PoState(enum.StrEnum):
    """Where a purchase order stands."""

    DRAFT = "draft"  # proposed by planning or typed in; a buyer may still edit it
    APPROVED = "approved"  # a buyer approved it; it goes out on the supplier's channel
    SENT = "sent"  # it went out
    CONFIRMED = "confirmed"  # the supplier answered (ORDRSP), lines and dates as they said
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"  # every line received in full, or the rest given up
    INVOICED = "invoiced"  # the supplier's invoice matched and was posted
    CLOSED = "closed"
    CANCELLED = "cancelled"


S = PoState
TRANSITIONS: dict[PoState, frozenset[PoState]] = {
    S.DRAFT: frozenset({S.APPROVED, S.CANCELLED}),
    S.APPROVED: frozenset({S.SENT, S.CANCELLED}),
    S.SENT: frozenset({S.CONFIRMED, S.PARTLY_RECEIVED, S.RECEIVED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.PARTLY_RECEIVED, S.RECEIVED, S.CANCELLED}),
    S.PARTLY_RECEIVED: frozenset({S.RECEIVED, S.INVOICED, S.CLOSED}),
    S.RECEIVED: frozenset({S.INVOICED, S.CLOSED}),
    S.INVOICED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.CANCELLED: frozenset(),
}
OPEN_STATES = (S.APPROVED, S.SENT, S.CONFIRMED, S.PARTLY_RECEIVED)  # goods still to come
RECEIVABLE = (S.SENT, S.CONFIRMED, S.PARTLY_RECEIVED)


@dataclass(eq=False)
class PoLine:
    """One product on a purchase order, in base units."""

    line_no: int
    sku: str
    supplier_item_code: str
    quantity: Decimal
    unit_price: Decimal
    gtin: str | None = None
    description: str = ""
    expected_date: date | None = None
    confirmed_quantity: Decimal | None = None
    received: Decimal = ZERO
    damaged: Decimal = ZERO
    released: Decimal = ZERO  # of the damaged, found fit and released from quarantine: owed again
    invoiced: Decimal = ZERO
    credited: Decimal = ZERO  # of the invoiced, taken back by the supplier's credit notes
    landed: Decimal = ZERO  # charges (carriage, duties) its invoices spread onto it
    id: int | None = None
    po_id: int | None = None

    @property
    def ordered(self) -> Decimal:
        """What we expect: the supplier's confirmed quantity once they answered, ours before."""
        return self.quantity if self.confirmed_quantity is None else self.confirmed_quantity

    @property
    def outstanding(self) -> Decimal:
        # damaged units are not what we ordered: they wait in quarantine for the supplier's credit
        # or replacement, so the line stays open until good ones come or a buyer closes it
        return max(self.ordered - self.received, ZERO)

    @property
    def owed(self) -> Decimal:
        """What the supplier may invoice: good units and damaged ones a buyer released; the damaged
        units still held, or written off, are not owed (the supplier owes us credit for them)."""
        return self.received + self.released

    @property
    def credit_expected(self) -> Decimal:
        """Damaged units still held or written off that no credit note has taken back yet."""
        return max(self.damaged - self.released - self.credited, ZERO)

    @property
    def net_invoiced(self) -> Decimal:
        """What the supplier's invoices still charge on this line, their credit notes taken off."""
        return self.invoiced - self.credited

    @property
    def creditable(self) -> Decimal:
        """Units invoiced that are not owed (never came, or came damaged and were not released):
        what a credit note of the supplier may take back."""
        return max(self.net_invoiced - self.owed, ZERO)

    @property
    def amount(self) -> Decimal:
        return self.ordered * self.unit_price


@dataclass(eq=False)
class PoEvent:
    """One step in a purchase order's history."""

    at: datetime
    actor: str
    step: str
    from_state: PoState | None
    to_state: PoState
    note: str = ""
    id: int | None = None
    po_id: int | None = None


@dataclass(eq=False)
class PurchaseOrder:
    """What we order from one supplier for one warehouse."""

    number: str
    supplier_id: str
    warehouse: str
    currency: str
    created_at: datetime
    state: PoState = PoState.DRAFT
    expected_date: date | None = None
    lines: list[PoLine] = field(default_factory=list)
    events: list[PoEvent] = field(default_factory=list)
    control_ref: str | None = None  # the interchange it went out in (EDIFACT suppliers)
    outbound_id: int | None = None
    supplier_reference: str | None = None  # their order number, from their ORDRSP
    id: int | None = None

    def move(self, to: PoState, step: str, actor: str, now: datetime, note: str = "") -> None:
        """Change state, writing the step into the history; an illegal move is refused."""
        if to not in TRANSITIONS[self.state]:
            raise IllegalPoTransition(f"purchase order {self.number} is {self.state}; it cannot become {to}")
        self.events.append(PoEvent(now, actor, step, self.state, to, note[:500]))
        self.state = to

    def note(self, step: str, actor: str, now: datetime, note: str) -> None:
        """A step in the history that leaves the state as it is (an edit, a delivery announced)."""
        self.events.append(PoEvent(now, actor, step, self.state, self.state, note[:500]))

    def line(self, line_no: int) -> PoLine:
        for line in self.lines:
            if line.line_no == line_no:
                return line
        raise PurchasingError(f"purchase order {self.number} has no line {line_no}")

    def line_for(self, sku: str) -> PoLine | None:
        for line in self.lines:
            if line.sku == sku:
                return line
        return None

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    def set_quantity(self, line_no: int, quantity: Decimal, actor: str, now: datetime) -> None:
        """A buyer's edit of a draft: a new quantity, or 0 to take the line off."""
        if self.state is not PoState.DRAFT:
            raise IllegalPoTransition(f"purchase order {self.number} is {self.state}; only a draft is edited")
        if quantity < 0:
            raise PurchasingError(f"a quantity cannot be negative, not {quantity}")
        line = self.line(line_no)
        before = line.quantity
        if quantity == 0:
            self.lines.remove(line)
        else:
            line.quantity = quantity
        self.note("edit", actor, now, f"line {line_no} {line.sku}: {before} -> {quantity}")

    def after_receipt(self, actor: str, now: datetime, reference: str) -> None:
        """Partly received while something is outstanding, received when nothing is."""
        done = all(line.outstanding == 0 for line in self.lines)
        target = PoState.RECEIVED if done else PoState.PARTLY_RECEIVED
        if target is self.state:
            self.note("receive", actor, now, reference)
        else:
            self.move(target, "receive", actor, now, reference)
