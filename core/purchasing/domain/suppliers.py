"""Suppliers, what each sells us (its code, pack, price, lead time and minimum), which supplier is
preferred for a product at a warehouse, and the reorder rule of a product at a warehouse."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Protocol


class OrderChannel(enum.StrEnum):
    """How a supplier takes our purchase orders."""

    EDIFACT = "edifact"
    EMAIL = "email"
    FAX = "fax"


@dataclass(eq=False)
class Supplier:
    """Someone we buy from, and where their purchase orders go."""

    supplier_id: str
    name: str
    channel: OrderChannel = OrderChannel.EMAIL
    email: str | None = None
    fax: str | None = None
    edi_id: str | None = None  # their interchange id (UNB): how we address them, how they sign
    edi_qualifier: str = ""
    our_edi_id: str | None = None  # the id they know us by
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    language: str = "es"
    currency: str = "EUR"
    next_control_ref: int = 1

    def take_control_ref(self) -> str:
        ref = str(self.next_control_ref)
        self.next_control_ref += 1
        return ref

    @property
    def address(self) -> str | None:
        """Where this supplier's purchase orders go on its channel; None when master data has none."""
        if self.channel is OrderChannel.EDIFACT:
            return self.edi_id
        return self.email if self.channel is OrderChannel.EMAIL else self.fax


@dataclass(eq=False)
class SupplierProduct:
    """One of our SKUs as a supplier sells it: ordered in whole packs of `pack` base units, at least
    `min_order_qty` base units at a time, at `price` per base unit."""

    supplier_id: str
    sku: str
    supplier_item_code: str
    pack: Decimal
    price: Decimal
    currency: str
    lead_time_days: int
    min_order_qty: Decimal

    def order_quantity(self, needed: Decimal) -> Decimal:
        return order_quantity(self, needed)


class Offer(Protocol):
    """What planning reads of a supplier's offer (a `SupplierProduct`, or a plain row of one)."""

    @property
    def supplier_id(self) -> str: ...
    @property
    def sku(self) -> str: ...
    @property
    def supplier_item_code(self) -> str: ...
    @property
    def pack(self) -> Decimal: ...
    @property
    def price(self) -> Decimal: ...
    @property
    def currency(self) -> str: ...
    @property
    def lead_time_days(self) -> int: ...
    @property
    def min_order_qty(self) -> Decimal: ...


class Rule(Protocol):
    """What planning reads of a reorder rule."""

    @property
    def sku(self) -> str: ...
    @property
    def warehouse(self) -> str: ...
    @property
    def reorder_point(self) -> Decimal: ...
    @property
    def order_up_to(self) -> Decimal: ...


def order_quantity(offer: Offer, needed: Decimal) -> Decimal:
    """The smallest quantity of whole packs, at least the supplier's minimum, that covers `needed`."""
    wanted = max(needed, offer.min_order_qty)
    packs = (wanted / offer.pack).to_integral_value(rounding=ROUND_CEILING)
    return packs * offer.pack


@dataclass(eq=False)
class Preference:
    """The supplier we buy a product from for a warehouse."""

    sku: str
    warehouse: str
    supplier_id: str


@dataclass(eq=False)
class ReorderRule:
    """Order when the position of a product at a warehouse falls to `reorder_point` or below, enough
    to bring it back to `order_up_to`."""

    sku: str
    warehouse: str
    reorder_point: Decimal
    order_up_to: Decimal


def choose_supplier(
    sku: str,
    warehouse: str,
    offers: Iterable[Offer],
    preferred: Mapping[tuple[str, str], str],
) -> Offer | None:
    """The preferred supplier's offer; without a preference the cheapest, then the quickest."""
    choices = [o for o in offers if o.sku == sku]
    chosen = preferred.get((sku, warehouse))
    for offer in choices:
        if offer.supplier_id == chosen:
            return offer
    if not choices:
        return None
    return min(choices, key=lambda o: (o.price, o.lead_time_days, o.supplier_id))
