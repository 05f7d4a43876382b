"""A captured order after master-data resolution and validation: who, which SKUs, how sure, what now."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from core.capture.domain.order import CapturedOrder, Problem, Severity
from core.kernel.domain.model import Customer, Decision, Product


@dataclass(frozen=True)
class ResolvedOrder:
    """The captured order, the customer and SKUs it resolved to, its problems and the decision."""

    captured: CapturedOrder
    customer_id: str | None
    skus: tuple[str | None, ...]  # one per captured line, None when unresolved
    problems: tuple[Problem, ...]
    confidence: float
    decision: Decision

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity >= Severity.REVIEW)


class MasterData(Protocol):
    """Read access to master data, as validation needs it (implemented over the database)."""

    def customer(self, customer_id: str) -> Customer | None: ...

    def customer_by_gln(self, gln: str) -> Customer | None: ...

    def customer_by_email(self, address: str, *, domain: bool = True) -> Customer | None:
        """The customer with this e-mail address (case-insensitive); with `domain`, failing that, the
        only customer whose address is at the same domain (None when several are)."""
        ...

    def customer_by_fax(self, number: str) -> Customer | None:
        """The customer whose fax number is this one, however either is written (None when several)."""
        ...

    def product(self, sku: str) -> Product | None: ...

    def customers(self) -> Sequence[Customer]:
        """Every customer, for matching by name when no code or number identifies the buyer."""
        ...

    def products(self) -> Sequence[Product]:
        """Every product, for matching a line by its description when no code names it."""
        ...

    def product_by_gtin(self, gtin: str) -> Product | None: ...

    def sku_for_customer_code(self, customer_id: str, code: str) -> str | None: ...
