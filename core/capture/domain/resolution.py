"""A captured order after master-data resolution and validation: who, which SKUs, how sure, what now."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from core.capture.domain.order import CapturedOrder, Identifier, Problem, Severity
from core.kernel.domain.identity import identifier_keys
from core.kernel.domain.model import Customer, Decision, Product


@dataclass(frozen=True)
class LineTerms:
    """What the commercial terms made of one line: the pack it was ordered in, the quantity in the
    product's own unit, and the price this customer should pay per unit as the document wrote it."""

    pack_unit: str | None = None  # the pack the line was ordered in ("CJ"); None: the product's own unit
    factor: Decimal | None = None  # base units in one pack
    base_quantity: Decimal | None = None  # the ordered quantity in the product's own unit
    base_unit: str | None = None
    expected_price: Decimal | None = None  # per unit as ordered (per pack when ordered in a pack)
    price_source: str | None = None  # the rule that gave it, in words, for the order's history
    # a promotion on the line (core.catalog.domain.promotions): what it takes off the line in the order's
    # currency, in words, and the price per unit as ordered once it is taken off
    discount: Decimal | None = None
    promotion: str | None = None
    net_price: Decimal | None = None
    # the document's price is `net_price` (it applied the promotion itself): the order keeps the
    # expected price and the discount, so the promotion is shown once, not taken off twice
    promotion_in_price: bool = False


@dataclass(frozen=True)
class ResolvedOrder:
    """The captured order, the customer and SKUs it resolved to, its problems and the decision."""

    captured: CapturedOrder
    customer_id: str | None
    skus: tuple[str | None, ...]  # one per captured line, None when unresolved
    problems: tuple[Problem, ...]
    confidence: float
    decision: Decision
    # the identifiers that may be the customer's: printed outside our block and not ours, and the
    # sender's address or fax number (role "sender"); a clerk's confirmation of the customer learns them
    learnable: tuple[Identifier, ...] = ()
    terms: tuple[LineTerms, ...] = ()  # one per captured line when the terms were looked at
    # one per captured line when master data was looked at: the unit in master data's words where the
    # line's unit names the product's (or the pack's it was ordered in), "PEZZI" -> "UD"; else as read
    units: tuple[str | None, ...] = ()

    def line_units(self) -> tuple[str | None, ...]:
        """Each line's unit: master data's word for it where resolution found one, else as read."""
        return self.units or tuple(line.unit for line in self.captured.lines)

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity >= Severity.REVIEW)


@dataclass(frozen=True)
class OwnIdentity:
    """Who we are, as documents print it: our tax ids, GLNs, phone and fax numbers and mail domains.
    An identifier of ours printed on an order (our address block, "send to ...") never names a customer,
    and is never learned as one."""

    keys: frozenset[str] = frozenset()  # identifier keys (core.kernel.domain.identity)
    email_domains: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        *,
        vat: Iterable[str] = (),
        gln: Iterable[str] = (),
        numbers: Iterable[str] = (),
        emails: Iterable[str] = (),
        country: str = "ES",
    ) -> OwnIdentity:
        """From what settings say of us; an e-mail address makes its whole domain ours."""
        pairs = [("vat", v) for v in vat] + [("gln", g) for g in gln] + [("phone", n) for n in numbers]
        pairs += [("email", e) for e in emails]
        keys = frozenset(k for kind, value in pairs for k in identifier_keys(kind, value, country))
        domains = frozenset(e.strip().lower().rpartition("@")[2] for e in emails if "@" in e)
        return cls(keys, domains)

    def owns(self, kind: str, value: str, *, domain: bool = True) -> bool:
        """Whether the identifier is ours; with `domain`, any address at one of our mail domains is."""
        if self.keys & identifier_keys(kind, value):
            return True
        return domain and kind == "email" and value.strip().lower().rpartition("@")[2] in self.email_domains


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

    def customers_by_identifier(self, kind: str, value: str) -> Sequence[Customer]:
        """Every customer known by this strong identifier (kind "vat" | "gln" | "email" | "phone" |
        "fax"; a phone and a fax number are one kind), in master data or confirmed by a clerk."""
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

    def customer_codes(self, customer_id: str) -> Mapping[str, str]:
        """This customer's own item codes, each with the SKU it names (for telling which of them a code
        OCR misread was: `validation.lookalike`)."""
        ...
