"""Every movement of goods valued in the books at the product's standard cost, in the transaction of
the movement itself, so that the stock ledger and the journal cannot drift apart."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from core.billing.adapters.repository_ledger import LedgerRepository
from core.billing.domain.ledger import stock_entry
from core.fulfilment.domain.stock import StockMovement


class Costs(Protocol):
    """Standard cost and currency per SKU (the catalog's)."""

    def costs(self, skus: Iterable[str]) -> dict[str, tuple[Decimal | None, str]]: ...


def value_movements(ledger: LedgerRepository, catalog: Costs, movements: Sequence[StockMovement]) -> None:
    """Post the value of each movement that changes what is on hand (allocations move no value)."""
    valued = [m for m in movements if m.on_hand_delta != 0]
    if not valued:
        return
    costs = catalog.costs(m.sku for m in valued)
    for movement in valued:
        cost, currency = costs.get(movement.sku, (None, "EUR"))
        posting = stock_entry(movement, cost, currency)
        if posting is not None:
            ledger.post(posting)
