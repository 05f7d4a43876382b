"""Which customer sent the order: by the buyer's number, by the strong identifiers the document prints,
by who sent it, and, only as a suggestion for a clerk, by its name and address.

A strong identifier (VAT id, GLN, e-mail address, phone or fax number) names a customer when exactly
one customer is known by it; ours (settings) and those printed in the supplier's block never do. When
the evidence names two customers, a person decides; only the buyer's number still wins over who sent
the document, as it always has (a shared or head office's fax machine, a forwarding mailbox).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.capture.domain.order import (
    CapturedOrder,
    Identifier,
    IdentifierKind,
    Party,
    Problem,
    ProblemCode,
    Severity,
)
from core.capture.domain.resolution import MasterData, OwnIdentity
from core.kernel.domain.model import Customer
from validation.fuzzy import customer_by_name
from validation.resolve import PUBLIC_MAIL_DOMAINS

NOT_A_CUSTOMER_ROLES = ("supplier",)  # our own block on the customer's document


@dataclass(frozen=True)
class CustomerMatch:
    """The customer the order resolved to, how, and the problem a clerk must look at (if any)."""

    customer: Customer | None
    via: str | None  # "party_id" | "identifier" | "sender" | "name" | None
    problem: Problem | None = None
    evidence: tuple[str, ...] = field(default=())  # what named the customer, for messages

    @property
    def strong(self) -> bool:
        """Found by a number or an identifier, not guessed from the name."""
        return self.customer is not None and self.via in ("party_id", "identifier", "sender")


def resolve_customer(
    order: CapturedOrder, master: MasterData, ours: OwnIdentity | None = None
) -> CustomerMatch:
    """The buyer's (then the invoicee's) party id; the printed identifiers; the sender; the name.

    The party id decides as it always has (before who sent it). Printed identifiers must agree with
    it, with each other, with the sender and with a name that clearly names a customer; the sender
    alone decides when the document names nobody.
    """
    ours = ours or OwnIdentity()
    found = _on_document(order, master, ours)
    via = found[0][0] if found else None
    if via != "party_id":
        sender = _by_sender(order.buyer, master, ours)
        if sender is not None:
            found.append(("sender", *sender))
            via = via or "sender"
    if via == "identifier":
        # a name that clearly names someone else than the letterhead's identifiers: a person decides
        guessed = customer_by_name(order.buyer, master.customers())
        if guessed is not None and guessed[0].customer_id != found[0][1].customer_id:
            found.append(("name", guessed[0], f"the buyer's name {order.buyer.name!r}"))
    named: dict[str, tuple[Customer, list[str]]] = {}
    for _, customer, what in found:
        named.setdefault(customer.customer_id, (customer, []))[1].append(what)
    if len(named) > 1:
        return CustomerMatch(None, None, _conflict(named), ())
    if named:
        ((customer, evidence),) = named.values()
        return CustomerMatch(customer, via, None, tuple(evidence))
    by_name = customer_by_name(order.buyer, master.customers())
    if by_name is not None:
        customer, how = by_name
        problem = Problem(
            ProblemCode.CUSTOMER_BY_NAME,
            f"buyer {order.buyer.name!r} taken for {customer.name} ({customer.customer_id}) by name"
            f" ({how.score:.0f}% alike); confirm it",
            field="buyer.party_id",
        )
        return CustomerMatch(customer, "name", problem)
    return CustomerMatch(None, None, _unknown(order))


def _on_document(
    order: CapturedOrder, master: MasterData, ours: OwnIdentity
) -> list[tuple[str, Customer, str]]:
    """Every (how, customer, what) the document's own numbers and identifiers name: the party id
    first (as EDIFACT and a "customer no." field give it), then the identifiers printed outside our
    block that are not ours."""
    found: list[tuple[str, Customer, str]] = []
    for role, party in (("buyer", order.buyer), ("invoicee", order.invoicee)):
        pid = party.party_id
        customer = (master.customer_by_gln(pid) or master.customer(pid)) if pid else None
        if customer is not None:
            found.append(("party_id", customer, f"the {role}'s number {pid}"))
            break  # the invoicee's number counts only when the buyer's names nobody
    for item in order.identifiers:
        if item.role in NOT_A_CUSTOMER_ROLES or _ours(ours, str(item.kind), item.value):
            continue
        customer = _only(master, str(item.kind), item.value)
        if customer is not None:
            found.append(("identifier", customer, f"{_label(item)} {item.value}"))
    return found


def learnable(order: CapturedOrder, ours: OwnIdentity | None = None) -> tuple[Identifier, ...]:
    """The identifiers that may be the customer's: those printed outside our block that are not ours,
    and the sender (the From address unless it disagrees with the envelope, the fax number)."""
    ours = ours or OwnIdentity()
    found = [
        i
        for i in order.identifiers
        if i.role not in NOT_A_CUSTOMER_ROLES and not _ours(ours, str(i.kind), i.value)
    ]
    spoofed = any(p.code is ProblemCode.SENDER_MISMATCH for p in order.problems)
    if order.buyer.email and not spoofed and not _ours(ours, "email", order.buyer.email):
        found.append(Identifier(IdentifierKind.EMAIL, order.buyer.email.lower(), role="sender"))
    if order.buyer.fax and not _ours(ours, "fax", order.buyer.fax):
        found.append(Identifier(IdentifierKind.FAX, order.buyer.fax, role="sender"))
    return tuple(found)


def _ours(ours: OwnIdentity, kind: str, value: str) -> bool:
    """Ours by the identifier, or an address at our mail domain (unless that is a free-mail one)."""
    public = kind == "email" and value.rpartition("@")[2].lower() in PUBLIC_MAIL_DOMAINS
    return ours.owns(kind, value, domain=not public)


def _only(master: MasterData, kind: str, value: str) -> Customer | None:
    """The one customer known by the identifier; an e-mail address naming nobody is tried by its
    domain (never a free-mail one); None when nobody or several are."""
    found = master.customers_by_identifier(kind, value)
    if not found and kind == "email":
        domain = value.rpartition("@")[2].lower()
        by_domain = master.customer_by_email(value, domain=domain not in PUBLIC_MAIL_DOMAINS)
        found = [by_domain] if by_domain is not None else []
    return found[0] if len(found) == 1 else None


def _by_sender(buyer: Party, master: MasterData, ours: OwnIdentity) -> tuple[Customer, str] | None:
    """The address the order was mailed from (then its domain), the number it was faxed from."""
    if buyer.email and not _ours(ours, "email", buyer.email):
        customer = _only(master, "email", buyer.email)
        if customer is not None:
            return customer, f"the sender {buyer.email}"
    if buyer.fax and not _ours(ours, "fax", buyer.fax):
        customer = master.customer_by_fax(buyer.fax) or _only(master, "fax", buyer.fax)
        if customer is not None:
            return customer, f"the fax number {buyer.fax} it came from"
    return None


def _label(item: Identifier) -> str:
    where = f" ({item.role}'s block)" if item.role else ""
    return {"vat": "tax id", "gln": "GLN", "email": "e-mail", "phone": "phone", "fax": "fax"}.get(
        str(item.kind), str(item.kind)
    ) + where


def _conflict(named: dict[str, tuple[Customer, list[str]]]) -> Problem:
    said = "; ".join(
        f"{customer.name} ({customer_id}) by {', '.join(what)}"
        for customer_id, (customer, what) in named.items()
    )
    return Problem(
        ProblemCode.CUSTOMER_CONFLICT,
        f"the document names more than one customer: {said}; choose the customer",
        field="buyer.party_id",
        severity=Severity.REVIEW,
    )


def _unknown(order: CapturedOrder) -> Problem:
    buyer = order.buyer
    shown = buyer.party_id or buyer.email or buyer.fax or buyer.name or "no buyer given"
    return Problem(
        ProblemCode.UNKNOWN_CUSTOMER,
        f"buyer {shown!r} matches no customer (by GLN, customer id, the identifiers the document prints,"
        " e-mail address or fax number)",
        field="buyer.party_id",
        severity=Severity.REVIEW,
    )
