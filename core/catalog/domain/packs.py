"""Packs of a product: how many base units one box, case or pallet holds, and the pack's own GTIN."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(eq=False)
class Pack:
    """One pack of a product: `factor` base units (the product's own unit) in one `unit`."""

    sku: str
    unit: str
    factor: Decimal
    gtin: str | None = None
