"""What a search over orders asks for: the filters of `/orders` and `GET /api/orders`, and the sorts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

SORTS = ("created_at", "id", "po_number", "customer_id", "total", "state", "channel")


@dataclass(frozen=True)
class OrderQuery:
    """Every filter is optional; together they must all hold.  `text` is words searched for in what was
    captured (order number, customer, names, every line's codes and description), all of them."""

    number: str | None = None  # the order's id, or the start of its PO number
    customer: str | None = None  # the customer id, or part of the buyer's name
    sku: str | None = None  # an order with a line of this SKU
    category: str | None = None  # an order with a line of a product in this category
    carrier: str | None = None  # an order with a shipment this carrier took
    corrected: bool | None = None  # True: a clerk changed a field of it in review; False: none did
    text: str | None = None
    channel: str | None = None
    state: str | None = None
    date_from: date | None = None  # arrival day, inclusive (UTC)
    date_to: date | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    sort: str = "created_at"
    descending: bool = True
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")


def words(text: str | None) -> list[str]:
    """The words of a search text, lower-case; punctuation other than - . / _ splits words."""
    if not text:
        return []
    cleaned = "".join(ch if ch.isalnum() or ch in "-./_" else " " for ch in text.lower())
    return [w for w in cleaned.split() if w]
