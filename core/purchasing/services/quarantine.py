"""Damaged goods a buyer settles: released from the quarantine location onto a shelf of the same
warehouse (available at once, serving backorders), or written off (the loss posted to goods
scrapped). Both are movements of the stock ledger, valued in the books as every other."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from core.purchasing.domain.errors import PurchasingError
from core.purchasing.services.receiving import DEFAULT_LOCATION, QUARANTINE
from core.purchasing.services.unit_of_work import Held, PurchasingUnitOfWork


def held(uow: PurchasingUnitOfWork, warehouse: str | None = None) -> list[Held]:
    """What waits in quarantine, per SKU and place."""
    return list(uow.goods_in.held(warehouse))


def _level(uow: PurchasingUnitOfWork, sku: str, warehouse: str, location: str, quantity: Decimal) -> Held:
    if quantity <= 0:
        raise PurchasingError(f"a quantity to settle must be above zero, not {quantity}")
    found = [h for h in uow.goods_in.held(warehouse) if h.sku == sku and h.location == location]
    holds = found[0].on_hand if found else Decimal(0)
    if quantity > holds:
        raise PurchasingError(f"{warehouse}/{location} holds {holds} of {sku} in quarantine, not {quantity}")
    return found[0]


def release(
    uow: PurchasingUnitOfWork,
    sku: str,
    warehouse: str,
    quantity: Decimal,
    actor: str,
    now: datetime,
    *,
    location: str = QUARANTINE,
    to: str | None = None,
    reason: str = "released from quarantine",
) -> str:
    """Onto `to` (default: where the warehouse keeps the SKU); returns the place it went to."""
    _level(uow, sku, warehouse, location, quantity)
    place = to or uow.supply.location_of(sku, warehouse) or DEFAULT_LOCATION
    if place == location:
        raise PurchasingError(f"{location} is the quarantine; release the goods to another place")
    uow.goods_in.release(sku, warehouse, location, place, quantity, actor, now, reason)
    left = quantity
    for line in uow.purchasing.damaged_lines(sku, warehouse):  # now owed to their supplier again
        taken = min(left, line.credit_expected)
        line.released += taken
        left -= taken
        if left <= 0:
            break
    return place


def write_off(
    uow: PurchasingUnitOfWork,
    sku: str,
    warehouse: str,
    quantity: Decimal,
    actor: str,
    now: datetime,
    *,
    location: str = QUARANTINE,
    reason: str = "written off from quarantine",
) -> None:
    _level(uow, sku, warehouse, location, quantity)
    uow.goods_in.write_off(sku, warehouse, location, quantity, actor, now, reason)
