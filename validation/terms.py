"""Commercial terms on an order's lines: the pack each line was ordered in and the price this customer
should pay for it (core.catalog.domain.pricing), per unit as the document wrote it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol, runtime_checkable

from core.capture.domain.order import CapturedLine, CapturedOrder
from core.capture.domain.resolution import LineTerms
from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceRow, list_row, resolve_price
from core.kernel.domain.model import Product
from validation.units import fold, kind_of

# A unit price within this fraction of the price the customer should pay agrees with it (rounding in
# the sender's ERP); `OMS_PRICE_TOLERANCE` overrides it.
PRICE_TOLERANCE = Decimal("0.005")


@runtime_checkable
class CommercialTerms(Protocol):
    """Price rows and packs, beside master data (the catalog's repository has both)."""

    def prices_for(self, sku: str) -> Sequence[PriceRow]: ...

    def packs_for(self, sku: str) -> Sequence[Pack]: ...

    def pack_by_gtin(self, gtin: str) -> Pack | None: ...


class NoTerms:
    """Master data without commercial terms: every product is sold by its own unit at its list price."""

    def prices_for(self, sku: str) -> Sequence[PriceRow]:
        return ()

    def packs_for(self, sku: str) -> Sequence[Pack]:
        return ()

    def pack_by_gtin(self, gtin: str) -> Pack | None:
        return None


def terms_of(master: object) -> CommercialTerms:
    return master if isinstance(master, CommercialTerms) else NoTerms()


def pack_for(line: CapturedLine, product: Product, terms: CommercialTerms) -> Pack | None:
    """The pack a line was ordered in: the one whose GTIN it carries, the one its unit names, or the
    only pack of the kind its unit is ("cajas" when the product has one box); None for the product's
    own unit, an unknown unit, or several packs of that kind."""
    packs = terms.packs_for(product.sku)
    if line.gtin and line.gtin != product.gtin:
        by_gtin = [p for p in packs if p.gtin == line.gtin]
        if by_gtin:
            return by_gtin[0]
    if not line.unit or not packs:
        return None
    named = [p for p in packs if fold(p.unit) == fold(line.unit)]
    if named:
        return named[0]
    kind = kind_of(line.unit)
    if kind is None or kind == kind_of(product.unit):
        return None
    same_kind = [p for p in packs if kind_of(p.unit) == kind]
    return same_kind[0] if len(same_kind) == 1 else None


def line_terms(
    order: CapturedOrder,
    products: tuple[Product | None, ...],
    customer_id: str | None,
    terms: CommercialTerms,
    today: date,
) -> tuple[LineTerms, ...]:
    """Each line's pack, base quantity and the price the customer should pay, as of the order date."""
    out: list[LineTerms] = []
    for line, product in zip(order.lines, products, strict=True):
        if product is None:
            out.append(LineTerms())
            continue
        pack = pack_for(line, product, terms)
        factor = pack.factor if pack else Decimal(1)
        base = line.quantity * factor if line.quantity is not None else None
        expected, source = _price(order, product, customer_id, terms, base, today)
        out.append(
            LineTerms(
                pack_unit=pack.unit if pack else None,
                factor=pack.factor if pack else None,
                base_quantity=base if pack else None,
                base_unit=product.unit if pack else None,
                expected_price=expected * factor if expected is not None else None,
                price_source=source,
            )
        )
    return tuple(out)


def _price(
    order: CapturedOrder,
    product: Product,
    customer_id: str | None,
    terms: CommercialTerms,
    quantity: Decimal | None,
    today: date,
) -> tuple[Decimal | None, str | None]:
    """The price per base unit the customer should pay and where it comes from."""
    currency = order.currency or product.currency
    if currency is None:
        return product.price, None
    rows = list(terms.prices_for(product.sku))
    own = list_row(product)
    if own is not None:
        rows.append(own)
    found = resolve_price(
        rows,
        sku=product.sku,
        customer_id=customer_id,
        group=None,  # customers have no group yet: group lists wait for one
        quantity=quantity if quantity is not None and quantity > 0 else Decimal(1),
        on=order.order_date or today,
        currency=currency,
    )
    return (found.unit_price, found.describe()) if found else (None, None)


def close(a: Decimal, b: Decimal, tolerance: Decimal, absolute: Decimal = Decimal(0)) -> bool:
    """Whether `a` agrees with `b` within a fraction of `b` (or an absolute amount, whichever is more)."""
    return abs(a - b) <= max(absolute, abs(b) * tolerance)
