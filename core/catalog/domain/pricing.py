"""The price a customer pays for a SKU at a quantity on a date, resolved in one place.

The levels, most specific first: the customer's agreed (contract) price, the customer's own price list,
its group's list, the base list. The first level that has a price for the SKU in the order's currency,
valid on the order date, at a break the quantity reaches, gives the price; inside it the highest quantity
break reached wins (ties: the row valid from the latest date, then the lower price).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.kernel.domain.model import Product


class PriceLevel(enum.StrEnum):
    """Where a price row comes from, most specific first (the order of `LEVELS`)."""

    AGREEMENT = "agreement"  # party: a customer id
    CUSTOMER_LIST = "customer_list"  # party: a customer id
    GROUP_LIST = "group_list"  # party: a customer group
    BASE = "base"  # party: "" (everyone)


LEVELS = (PriceLevel.AGREEMENT, PriceLevel.CUSTOMER_LIST, PriceLevel.GROUP_LIST, PriceLevel.BASE)


@dataclass(eq=False)
class PriceRow:
    """One price for one SKU: per base unit of the product, from `min_quantity` base units on, valid
    from `valid_from` to `valid_to` inclusive (None: open on that side)."""

    level: str
    party: str
    sku: str
    unit_price: Decimal
    currency: str
    min_quantity: Decimal = Decimal(1)
    valid_from: date | None = None
    valid_to: date | None = None
    id: int | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class PriceResolution:
    """The price resolved for a line and the row that gave it, said in words for the order's history."""

    unit_price: Decimal
    currency: str
    level: PriceLevel
    party: str
    min_quantity: Decimal
    valid_from: date | None
    valid_to: date | None

    def describe(self) -> str:
        source = {
            PriceLevel.AGREEMENT: f"agreed price of {self.party}",
            PriceLevel.CUSTOMER_LIST: f"price list of {self.party}",
            PriceLevel.GROUP_LIST: f"price list of group {self.party}",
            PriceLevel.BASE: "base price list",
        }[self.level]
        parts = [f"{_money(self.unit_price)} {self.currency}", source]
        if self.min_quantity > 1:
            parts.append(f"from {self.min_quantity.normalize():f} units")
        if self.valid_from or self.valid_to:
            since = self.valid_from.isoformat() if self.valid_from else "open"
            until = self.valid_to.isoformat() if self.valid_to else "open"
            parts.append(f"valid {since} to {until}")
        return ", ".join(parts)


def _money(amount: Decimal) -> str:
    """An amount as a price list prints it: at least cents ("4.20"), more places only where it has them."""
    cents = amount.quantize(Decimal("0.01"))
    return f"{cents:f}" if cents == amount else f"{amount.normalize():f}"


def list_row(product: Product) -> PriceRow | None:
    """The product's own list price as a row of the base list (from one unit, always valid)."""
    if product.price is None or not product.currency:
        return None
    return _base_row(product.sku, str(product.price), product.currency)


@functools.lru_cache(maxsize=4096)
def _base_row(sku: str, price: str, currency: str) -> PriceRow:
    """One row per SKU, price and currency, shared: validation prices every line against its product's
    list price, and a row is a mapped class, costly to make. Callers only read it. The price is keyed
    as written ("1.50" and "1.5" are equal Decimals, but are shown differently)."""
    return PriceRow(PriceLevel.BASE, "", sku, Decimal(price), currency)


# a usable row's fields as read once: level, party, quantity break, valid from, valid to, price, currency
_Usable = tuple[str, str, Decimal, date | None, date | None, Decimal, str]


def resolve_price(
    rows: Iterable[PriceRow],
    *,
    sku: str,
    customer_id: str | None,
    group: str | None,
    quantity: Decimal,
    on: date,
    currency: str,
) -> PriceResolution | None:
    """The price this customer pays for `quantity` base units of `sku` ordered on `on` in `currency`;
    None when no level has one."""
    parties = {
        PriceLevel.AGREEMENT: customer_id,
        PriceLevel.CUSTOMER_LIST: customer_id,
        PriceLevel.GROUP_LIST: group,
        PriceLevel.BASE: "",
    }
    wanted = currency.upper()
    # each row's fields read once, in the rows' order: a row is a mapped class, and every read of
    # one of its attributes goes through the mapping (up to two dozen reads a row before)
    usable: list[_Usable] = []
    for r in rows:
        if r.sku != sku:
            continue
        least, since, until, money = r.min_quantity, r.valid_from, r.valid_to, r.currency
        if (
            money.upper() == wanted
            and least <= quantity
            and (since is None or since <= on)
            and (until is None or on <= until)
        ):
            usable.append((r.level, r.party, least, since, until, r.unit_price, money))
    for level in LEVELS:
        party = parties[level]
        if party is None:
            continue
        here = [u for u in usable if u[0] == level and u[1] == party]
        if here:
            _, _, least, since, until, price, money = max(here, key=_rank)
            return PriceResolution(price, money.upper(), level, party, least, since, until)
    return None


def _rank(row: _Usable) -> tuple[Decimal, date, Decimal]:
    """Inside a level: the highest quantity break reached, then the row valid from the latest date,
    then the lower price."""
    return (row[2], row[3] or date.min, -row[5])
