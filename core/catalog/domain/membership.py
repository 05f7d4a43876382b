"""Which customer group a customer belongs to and which category a product is in: the keys that
group price lists and promotions are written against."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class CustomerGroup:
    """A customer's group ("FERRETERIAS"): its group price list and group promotions apply to it."""

    customer_id: str
    group_code: str


@dataclass(eq=False)
class ProductCategory:
    """A product's category ("TORNILLERIA"): category promotions apply to it."""

    sku: str
    category: str
