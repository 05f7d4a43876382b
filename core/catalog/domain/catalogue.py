"""Catalogues: what a customer group may buy this season, at its group's prices, with the promotions
running for it. A catalogue is published as a PDF, as a page customers open with its link, and as a
PRICAT to EDI partners; its entries are worked out when it is shown, so prices stay current."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from core.catalog.domain.pricing import PriceRow, list_row, resolve_price
from core.catalog.domain.promotions import Buyer, Promotion, applies
from core.kernel.domain.model import Product
from core.kernel.errors import SalesError


def token_hash(token: str) -> str:
    """Links carry the token; the table keeps only its hash, so a copy of the database opens nothing."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(eq=False)
class Catalogue:
    """A season's catalogue for one customer group (None: for every customer, at base prices)."""

    name: str
    season: str
    currency: str
    valid_from: date
    valid_to: date
    created_at: datetime
    created_by: str
    token_sha256: str
    group_code: str | None = None
    categories: str = ""  # comma-separated categories it shows; "" every category
    id: int | None = None

    def __post_init__(self) -> None:
        if self.valid_to < self.valid_from:
            raise SalesError(f"catalogue {self.name!r} would end before it starts")

    def opens_with(self, token: str) -> bool:
        return bool(token) and token_hash(token) == self.token_sha256

    def current_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_to

    @property
    def shown_categories(self) -> frozenset[str]:
        return frozenset(c.strip() for c in self.categories.split(",") if c.strip())


@dataclass(eq=False)
class Attribute:
    """A product's attribute as the catalogue prints it ("Material": "acero zincado")."""

    sku: str
    name: str
    value: str


@dataclass(frozen=True)
class Entry:
    """One product as the catalogue shows it."""

    sku: str
    name: str
    gtin: str | None
    unit: str | None
    category: str
    price: str  # the price per unit, as a plain decimal string
    price_source: str
    attributes: tuple[tuple[str, str], ...] = ()
    promotions: tuple[str, ...] = ()  # the running promotions in words
    has_image: bool = False
    description_en: str | None = field(default=None)


def entries(
    catalogue: Catalogue,
    products: Sequence[Product],
    rows: Iterable[PriceRow],
    categories: Mapping[str, str],
    promotions: Sequence[Promotion],
    attributes: Iterable[Attribute] = (),
    images: frozenset[str] = frozenset(),
    on: date | None = None,
) -> list[Entry]:
    """The catalogue's products by category and SKU, each at the price a member of its group pays for
    one unit on `on` (the group's list, else the base list), with the promotions that would apply; a
    product with no price in the catalogue's currency is left out (a catalogue never says "ask us")."""
    day = on or catalogue.valid_from
    by_sku: dict[str, list[PriceRow]] = {}
    for row in rows:
        by_sku.setdefault(row.sku, []).append(row)
    extra: dict[str, list[tuple[str, str]]] = {}
    for attribute in attributes:
        extra.setdefault(attribute.sku, []).append((attribute.name, attribute.value))
    wanted = catalogue.shown_categories
    buyer = Buyer(customer_id=None, group=catalogue.group_code, on=day, currency=catalogue.currency)
    running = [p for p in promotions if p.valid_on(day) and not p.code]
    out: list[Entry] = []
    for product in products:
        category = categories.get(product.sku, "")
        if wanted and category not in wanted:
            continue
        own = list_row(product)
        found = resolve_price(
            [*by_sku.get(product.sku, []), *([own] if own else [])],
            sku=product.sku,
            customer_id=None,
            group=catalogue.group_code,
            quantity=Decimal(1),
            on=day,
            currency=catalogue.currency,
        )
        if found is None:
            continue
        offers = tuple(p.describe() for p in running if applies(p, product.sku, buyer, categories))
        out.append(
            Entry(
                sku=product.sku,
                name=product.name,
                gtin=product.gtin,
                unit=product.unit,
                category=category,
                price=f"{found.unit_price:f}",
                price_source=found.describe(),
                attributes=tuple(sorted(extra.get(product.sku, []))),
                promotions=offers,
                has_image=product.sku in images,
                description_en=product.description_en,
            )
        )
    return sorted(out, key=lambda e: (e.category, e.sku))
