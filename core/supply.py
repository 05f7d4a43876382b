"""Purchasing's reads of stock and open demand, and its ways into stock and the books: fulfilment's
and billing's tables and services as purchasing's protocols ask for them
(`core.purchasing.services.unit_of_work`). It sits above the areas, beside the unit of work that
composes them, so purchasing imports neither."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.billing.domain.ledger import COGS, GRNI, INVENTORY, STOCK_DIFFERENCES, cr, dr, entry
from core.billing.services import books
from core.fulfilment.adapters import orm as stock
from core.fulfilment.domain.events import StockArrived
from core.fulfilment.domain.stock import AllocationState, MovementKind, StockLevel, StockMovement
from core.fulfilment.services import allocation
from core.kernel.adapters import orm as kernel
from core.kernel.domain.model import OrderState
from core.kernel.domain.money import round_money

if TYPE_CHECKING:
    from core.unit_of_work import UnitOfWork

COST_PLACES = Decimal("0.000001")  # a standard cost's precision (the column's scale)

# orders that still need goods: confirmed to the customer and not yet wholly allocated or shipped
DEMAND_STATES = (
    OrderState.ACCEPTED,
    OrderState.APPROVED,
    OrderState.BACKORDERED,
    OrderState.ALLOCATED,
    OrderState.PARTIALLY_SHIPPED,
)


class SupplyReads:
    """Stock and open demand per product, read in a few aggregate queries."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def warehouses(self) -> list[str]:
        return [code for code, _ in self.warehouse_names()]

    def warehouse_names(self) -> list[tuple[str, str]]:
        w = stock.warehouses.c
        stmt = select(w.code, w.name).where(w.active.is_(True)).order_by(w.priority, w.code)
        return [(code, name) for code, name in self.session.execute(stmt)]

    def available(self) -> dict[tuple[str, str], Decimal]:
        s = stock.stock_levels.c
        stmt = (
            select(s.sku, s.warehouse, func.sum(s.on_hand), func.sum(s.allocated))
            .where(s.held.is_(False))  # quarantine is no stock to plan on
            .group_by(s.sku, s.warehouse)
        )
        return {
            (sku, wh): (on or Decimal(0)) - (al or Decimal(0))
            for sku, wh, on, al in self.session.execute(stmt)
        }

    def product_facts(self, skus: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        products = kernel.metadata.tables["products"].c  # the catalog's table, on the one metadata
        wanted = sorted(set(skus))
        stmt = select(products.sku, products.gtin, products.name).where(products.sku.in_(wanted))
        return {sku: (gtin, name) for sku, gtin, name in self.session.execute(stmt)}

    def location_of(self, sku: str, warehouse: str) -> str | None:
        s = stock.stock_levels.c
        stmt = (
            select(s.location)
            .where(s.sku == sku, s.warehouse == warehouse, s.held.is_(False))
            .order_by(s.on_hand.desc(), s.location)
            .limit(1)
        )
        return self.session.scalar(stmt)

    def open_demand(self) -> dict[str, Decimal]:
        lines, orders, allocs = kernel.order_lines.c, kernel.orders.c, stock.allocations.c
        waiting = (
            select(lines.id, lines.sku, lines.quantity, lines.base_quantity)
            .join(kernel.orders, orders.id == lines.order_id)
            .where(orders.state.in_(list(DEMAND_STATES)), lines.sku.is_not(None))
        )
        served = (
            select(allocs.line_id, func.sum(allocs.quantity))
            .join(kernel.orders, orders.id == allocs.order_id)
            .where(orders.state.in_(list(DEMAND_STATES)), allocs.state != AllocationState.CANCELLED)
            .group_by(allocs.line_id)
        )
        allocated = {line_id: qty for line_id, qty in self.session.execute(served)}
        out: dict[str, Decimal] = defaultdict(Decimal)
        for line_id, sku, quantity, base in self.session.execute(waiting):
            wanted = base if base is not None else (quantity or Decimal(0))
            out[sku] += max(wanted - allocated.get(line_id, Decimal(0)), Decimal(0))
        return dict(out)


class StockIn:
    """Goods into stock through fulfilment's receipt, in the purchasing step's transaction; damaged
    goods into a held (quarantine) level of the stock ledger, and out of it again, each movement
    valued in the books as every other one is."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def receive(
        self, sku: str, warehouse: str, location: str, quantity: Decimal, actor: str, now: datetime, ref: str
    ) -> None:
        allocation.receive(self.uow, sku, warehouse, location, quantity, actor, now, ref)

    def quarantine(
        self, sku: str, warehouse: str, location: str, quantity: Decimal, actor: str, now: datetime, ref: str
    ) -> None:
        """On hand and valued (inventory against goods received not invoiced), never available."""
        level = self.uow.stock.ensure_level(warehouse, location, sku, now, held=True)
        self.uow.stock.post([_move(level, MovementKind.RECEIPT, quantity, actor, now, ref)], now)

    def held(self, warehouse: str | None = None) -> list[StockLevel]:
        return self.uow.stock.held_levels(warehouse=warehouse)

    def release(
        self, sku: str, warehouse: str, location: str, to: str, quantity: Decimal, actor: str, now: datetime,
        ref: str,
    ) -> None:  # fmt: skip
        """Out of quarantine onto a shelf of the same warehouse: available at once, serving backorders."""
        level = self.uow.stock.ensure_level(warehouse, location, sku, now, held=True)
        target = self.uow.stock.ensure_level(warehouse, to, sku, now)
        out = _move(level, MovementKind.TRANSFER, -quantity, actor, now, ref)
        self.uow.stock.post([out, _move(target, MovementKind.TRANSFER, quantity, actor, now, ref)], now)
        self.uow.emit(StockArrived(sku))

    def write_off(
        self, sku: str, warehouse: str, location: str, quantity: Decimal, actor: str, now: datetime, ref: str
    ) -> None:
        """Taken off the books as unsellable: the loss is posted to goods scrapped."""
        level = self.uow.stock.ensure_level(warehouse, location, sku, now, held=True)
        self.uow.stock.post([_move(level, MovementKind.SCRAP, -quantity, actor, now, ref)], now)


def _move(
    level: StockLevel, kind: MovementKind, quantity: Decimal, actor: str, now: datetime, ref: str
) -> StockMovement:
    return StockMovement(
        at=now, stock_id=level.id, warehouse=level.warehouse, location=level.location, sku=level.sku,
        kind=kind, on_hand_delta=quantity, reference=ref[:64], actor=actor,
    )  # fmt: skip


class PayablesBook:
    """A supplier's invoice into accounts payable through billing's books."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def record(
        self,
        supplier_id: str,
        number: str,
        issued: date,
        due: date,
        net: Decimal,
        tax: Decimal,
        currency: str,
        actor: str,
        now: datetime,
    ) -> int:
        return books.record_supplier_invoice(
            self.uow, supplier_id, number, issued, due, net, tax, currency, actor, now
        )

    def credit(
        self,
        supplier_id: str,
        number: str,
        corrects: str | None,
        issued: date,
        net: Decimal,
        tax: Decimal,
        currency: str,
        actor: str,
        now: datetime,
    ) -> int:
        return books.record_supplier_credit(
            self.uow, supplier_id, number, corrects, issued, net, tax, currency, actor, now
        )

    def has_invoice(self, supplier_id: str, number: str) -> bool:
        return self.uow.billing.supplier_invoice(supplier_id, number) is not None


class LandedCosts:
    """A charge spread onto one product's received goods raises its standard cost.

    The charge went to goods-received-not-invoiced with the supplier's invoice; here it leaves it:
    the part of the received goods still on hand is capitalised (inventory, the standard cost raised
    by it over the units on hand, to six places, the cent of rounding to stock differences); the
    part already gone, or all of it for a product without a standard cost (its stock carries no
    value), is cost of goods sold."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def weights(self, skus: Iterable[str]) -> dict[str, Decimal]:
        found = self.uow.stock.shipping_attributes(skus)
        return {sku: a.weight_kg for sku, a in found.items() if a.weight_kg}

    def land(
        self,
        sku: str,
        amount: Decimal,
        received: Decimal,
        currency: str,
        note: str,
        actor: str,
        now: datetime,
    ) -> None:
        product = self.uow.master.product(sku)
        before = product.cost_price if product is not None else None
        on_hand = sum((lv.on_hand for lv in self.uow.stock.levels(sku=sku)), Decimal(0))
        kept = min(on_hand, received) if before and received > 0 else Decimal(0)
        capitalised = round_money(amount * kept / received, currency) if kept > 0 else Decimal(0)
        revalued = Decimal(0)
        if capitalised and product is not None and before:
            after = (before + capitalised / on_hand).quantize(COST_PLACES, rounding=ROUND_HALF_UP)
            revalued = round_money(on_hand * (after - before), currency)
            product.cost_price = after
        left = capitalised - revalued  # the rounding of a cost to six places, in cents
        lines = [dr(INVENTORY, revalued), dr(COGS, amount - capitalised), cr(GRNI, amount)]
        lines.append(dr(STOCK_DIFFERENCES, left) if left > 0 else cr(STOCK_DIFFERENCES, -left))
        what = f"Coste en destino {sku}: {amount} {currency} sobre {received} recibidas · {note}"
        self.uow.ledger.post(entry(now, "landed_cost", what[:250], currency, lines, actor=actor))
