"""Commercial terms on an order's lines: the pack each line was ordered in and the price this customer
should pay for it (core.catalog.domain.pricing), per unit as the document wrote it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from core.capture.domain.order import CapturedLine, CapturedOrder
from core.capture.domain.promo_codes import PROMO_REFERENCE
from core.capture.domain.resolution import LineTerms
from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceRow, list_row, resolve_price
from core.catalog.domain.promotions import (
    Buyer,
    LineDiscount,
    PromoLine,
    Promotion,
    apply_promotions,
)
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


@runtime_checkable
class PriceMemo(Protocol):
    """Terms that keep a place for the prices worked out from them (the catalog's repository does,
    for its unit of work); without one they are worked out again for every order."""

    def price_memo(self) -> dict[tuple[object, ...], Any]: ...


@runtime_checkable
class GroupsAndPromotions(Protocol):
    """Customer groups, product categories and promotions (the catalog's repository has them too);
    master data without them prices by agreement and base list only, with no promotion."""

    def group_of(self, customer_id: str) -> str | None: ...

    def categories(self) -> dict[str, str]: ...

    def promotions(self) -> Sequence[Promotion]: ...


class NoTerms:
    """Master data without commercial terms: every product is sold by its own unit at its list price."""

    def prices_for(self, sku: str) -> Sequence[PriceRow]:
        return ()

    def packs_for(self, sku: str) -> Sequence[Pack]:
        return ()

    def pack_by_gtin(self, gtin: str) -> Pack | None:
        return None

    def group_of(self, customer_id: str) -> str | None:
        return None

    def categories(self) -> dict[str, str]:
        return {}

    def promotions(self) -> Sequence[Promotion]:
        return ()


# The classes found to have every method of a protocol of their own: asked for every order and line,
# `isinstance` against a runtime-checkable protocol lists the protocol's members anew each time.
_CONFORMING: set[tuple[type, type]] = set()


def conforms(obj: object, protocol: type) -> bool:
    """`isinstance(obj, protocol)`, the answer for a class that defines every member itself kept: an
    instance's own attributes may make it conform where another of its class does not, a class's
    methods are the same for all its instances."""
    key = (type(obj), protocol)
    if key in _CONFORMING:
        return True
    if not isinstance(obj, protocol):
        return False
    members = [name for name in vars(protocol) if not name.startswith("_")]
    if all(callable(getattr(type(obj), name, None)) for name in members):
        _CONFORMING.add(key)
    return True


def terms_of(master: object) -> CommercialTerms:
    return master if conforms(master, CommercialTerms) else NoTerms()  # type: ignore[return-value]


def groups_of(terms: object) -> GroupsAndPromotions:
    return terms if conforms(terms, GroupsAndPromotions) else NoTerms()  # type: ignore[return-value]


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
    tolerance: Decimal = PRICE_TOLERANCE,
) -> tuple[LineTerms, ...]:
    """Each line's pack, base quantity, the price the customer should pay as of the order date, and the
    promotion it gets."""
    extra = groups_of(terms)
    group = extra.group_of(customer_id) if customer_id else None
    memo = terms.price_memo() if conforms(terms, PriceMemo) else {}  # type: ignore[attr-defined]
    on = order.order_date or today
    priced: list[tuple[Pack | None, Decimal | None, Decimal | None, str | None]] = []
    for line, product in zip(order.lines, products, strict=True):
        if product is None:
            priced.append((None, None, None, None))
            continue
        pack = pack_for(line, product, terms)
        base = line.quantity * pack.factor if line.quantity is not None and pack else line.quantity
        # everything the price depends on besides the SKU's rows; the product's price as written
        # ("1.50" and "1.5" are shown differently in the price's source)
        sku, price, currency = product.sku, str(product.price), product.currency
        key = (sku, price, currency, order.currency, customer_id, group, base, on)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _price(order, product, customer_id, group, terms, base, today)
        expected, source = found
        priced.append((pack, base, expected, source))
    discounts = _promotions(order, products, priced, customer_id, group, extra, today)
    out: list[LineTerms] = []
    for line, product, (pack, base, expected, source), found in zip(
        order.lines, products, priced, discounts, strict=True
    ):
        if product is None:
            out.append(LineTerms())
            continue
        factor = pack.factor if pack else Decimal(1)
        per_unit = expected * factor if expected is not None else None
        net = _net(per_unit, line.quantity, found)
        in_price = (
            net is not None
            and per_unit is not None
            and line.unit_price is not None
            and close(line.unit_price, net, tolerance)
            and not close(line.unit_price, per_unit, tolerance)
        )
        out.append(
            LineTerms(
                pack_unit=pack.unit if pack else None,
                factor=pack.factor if pack else None,
                base_quantity=base if pack else None,
                base_unit=product.unit if pack else None,
                expected_price=per_unit,
                price_source=source,
                discount=found.amount if found else None,
                promotion=found.description if found else None,
                net_price=net,
                promotion_in_price=in_price,
            )
        )
    return tuple(out)


def _net(per_unit: Decimal | None, quantity: Decimal | None, found: LineDiscount | None) -> Decimal | None:
    """The price per unit as ordered once the promotion is taken off."""
    if found is None or per_unit is None or not quantity or quantity <= 0:
        return None
    return per_unit - found.amount / quantity


def _promotions(
    order: CapturedOrder,
    products: tuple[Product | None, ...],
    priced: list[tuple[Pack | None, Decimal | None, Decimal | None, str | None]],
    customer_id: str | None,
    group: str | None,
    terms: GroupsAndPromotions,
    today: date,
) -> tuple[LineDiscount | None, ...]:
    currency = order.currency or next((p.currency for p in products if p and p.currency), None)
    promotions = terms.promotions()
    if currency is None or not promotions:
        return tuple(None for _ in order.lines)
    lines = [
        PromoLine(p.sku if p else None, base, expected)
        for p, (_, base, expected, _) in zip(products, priced, strict=True)
    ]
    buyer = Buyer(customer_id, group, order.order_date or today, currency, promo_codes(order))
    return apply_promotions(lines, promotions, buyer, terms.categories())


def promo_codes(order: CapturedOrder) -> tuple[str, ...]:
    """The promotion codes the order quoted: EDIFACT RFF+PD, or a "promo code" in an e-mail or PDF."""
    return tuple(value for qualifier, value in order.references if qualifier == PROMO_REFERENCE and value)


def _price(
    order: CapturedOrder,
    product: Product,
    customer_id: str | None,
    group: str | None,
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
        group=group,
        quantity=quantity if quantity is not None and quantity > 0 else Decimal(1),
        on=order.order_date or today,
        currency=currency,
    )
    return (found.unit_price, found.describe()) if found else (None, None)


def close(a: Decimal, b: Decimal, tolerance: Decimal, absolute: Decimal = Decimal(0)) -> bool:
    """Whether `a` agrees with `b` within a fraction of `b` (or an absolute amount, whichever is more)."""
    return abs(a - b) <= max(absolute, abs(b) * tolerance)
