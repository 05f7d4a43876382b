"""Prospects: businesses that may become customers, who brought them in, where they stand and who
follows them up; a won prospect becomes a customer with everything it had."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from core.kernel.domain.model import Customer
from core.kernel.errors import SalesError


class ProspectStatus(enum.StrEnum):
    """Where a prospect stands in the sales funnel."""

    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    QUOTED = "quoted"  # a quote went out to it
    WON = "won"  # it became a customer
    LOST = "lost"


# forward through the funnel, or lost from anywhere open; a lost prospect may be taken up again
MOVES: dict[ProspectStatus, frozenset[ProspectStatus]] = {
    ProspectStatus.NEW: frozenset(
        {ProspectStatus.CONTACTED, ProspectStatus.QUALIFIED, ProspectStatus.QUOTED, ProspectStatus.LOST}
    ),
    ProspectStatus.CONTACTED: frozenset(
        {ProspectStatus.QUALIFIED, ProspectStatus.QUOTED, ProspectStatus.LOST}
    ),
    ProspectStatus.QUALIFIED: frozenset({ProspectStatus.QUOTED, ProspectStatus.LOST}),
    ProspectStatus.QUOTED: frozenset({ProspectStatus.WON, ProspectStatus.LOST}),
    ProspectStatus.LOST: frozenset({ProspectStatus.CONTACTED}),
    ProspectStatus.WON: frozenset(),
}

SOURCES = ("web", "email", "phone", "fair", "referral", "review-queue", "other")


@dataclass(eq=False)
class Prospect:
    """A lead: a business we may sell to, with the contact details a customer record needs."""

    name: str
    source: str
    owner: str  # the user who follows it up
    created_at: datetime
    status: ProspectStatus = ProspectStatus.NEW
    email: str | None = None
    phone: str | None = None
    fax: str | None = None
    vat_id: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    language: str | None = None
    notes: str = ""
    customer_id: str | None = None  # set when it became a customer
    id: int | None = None

    def move(self, to: ProspectStatus) -> None:
        """Take the prospect to another status, as the funnel allows."""
        if to is self.status:
            return
        if to is ProspectStatus.WON:
            raise SalesError("a prospect is won by becoming a customer (convert it)")
        if to not in MOVES[self.status]:
            raise SalesError(f"a {self.status} prospect cannot become {to}")
        self.status = to

    def won_as(self, customer_id: str) -> None:
        """The prospect became this customer (whose record `as_customer` wrote)."""
        self._may_convert()
        self.customer_id = customer_id
        self.status = ProspectStatus.WON

    def _may_convert(self) -> None:
        if self.customer_id is not None:
            raise SalesError(f"prospect {self.id} is customer {self.customer_id} already")
        if self.status is ProspectStatus.LOST:
            raise SalesError("a lost prospect must be taken up again before it can become a customer")

    def as_customer(self, customer_id: str) -> Customer:
        """The customer this prospect turns into, with every detail it had."""
        self._may_convert()
        return Customer(
            customer_id=customer_id,
            name=self.name,
            email=self.email,
            fax=self.fax,
            street=self.street,
            postal_code=self.postal_code,
            city=self.city,
            country=self.country,
            language=self.language,
            vat_id=self.vat_id,
            phone=self.phone,
        )
