"""Purchasing's unit of work: its repository, with what it asks of other areas through protocols of
its own: products (the catalog's), stock and open demand (fulfilment's), goods taken into stock
(fulfilment's receipt, which serves backorders), and supplier invoices posted to accounts payable
(billing's). `core.unit_of_work` composes them over the one session."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from sqlalchemy.orm import Session

from core.kernel.domain.model import Product
from core.kernel.services.unit_of_work import UnitOfWork
from core.purchasing.adapters.repository import PurchasingRepository


class Catalog(Protocol):
    def product(self, sku: str) -> Product | None: ...

    def product_by_gtin(self, gtin: str) -> Product | None: ...


class Supply(Protocol):
    """Stock and demand as planning reads them, per (sku, warehouse)."""

    def warehouses(self) -> list[str]:
        """Active warehouses' codes, the one sourcing looks at first first."""
        ...

    def warehouse_names(self) -> list[tuple[str, str]]: ...

    def available(self) -> dict[tuple[str, str], Decimal]: ...

    def product_facts(self, skus: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """GTIN and name per SKU, read at once for many lines."""
        ...

    def location_of(self, sku: str, warehouse: str) -> str | None:
        """Where the warehouse keeps the product already (goods in go there)."""
        ...

    def open_demand(self) -> dict[str, Decimal]:
        """Per SKU, what accepted orders still need that no stock is allocated to."""
        ...


class Held(Protocol):
    """A quarantine level of the stock ledger: what it holds of one SKU at one place."""

    @property
    def sku(self) -> str: ...
    @property
    def warehouse(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def on_hand(self) -> Decimal: ...


class GoodsIn(Protocol):
    """Goods into stock exactly as `oms stock receive` takes them (fulfilment's receipt), and damaged
    goods into, and out of, a quarantine level that is on hand and valued but never available."""

    def receive(
        self, sku: str, warehouse: str, location: str, quantity: Decimal, actor: str, now: datetime, ref: str
    ) -> None: ...

    def quarantine(
        self, sku: str, warehouse: str, location: str, quantity: Decimal, actor: str, now: datetime, ref: str
    ) -> None: ...

    def held(self, warehouse: str | None = None) -> Sequence[Held]: ...

    def release(
        self, sku: str, warehouse: str, location: str, to: str, quantity: Decimal, actor: str, now: datetime,
        ref: str,
    ) -> None: ...  # fmt: skip

    def write_off(
        self, sku: str, warehouse: str, location: str, quantity: Decimal, actor: str, now: datetime, ref: str
    ) -> None: ...


class Payables(Protocol):
    """A supplier's invoice into accounts payable, and a credit note out of it (billing's books)."""

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
    ) -> int: ...

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
        """The reverse of an invoice, applied to the one it corrects (None: the oldest open)."""
        ...

    def has_invoice(self, supplier_id: str, number: str) -> bool: ...


class Costing(Protocol):
    """A charge spread onto one product's received goods, into its standard cost (billing's books)."""

    def land(
        self,
        sku: str,
        amount: Decimal,
        received: Decimal,
        currency: str,
        note: str,
        actor: str,
        now: datetime,
    ) -> None: ...

    def weights(self, skus: Iterable[str]) -> dict[str, Decimal]:
        """Each product's weight per unit in kg, where its shipping attributes give one."""
        ...


class PurchasingUnitOfWork(UnitOfWork):
    purchasing: PurchasingRepository
    master: Catalog  # the catalog's
    supply: Supply  # composed in core.unit_of_work
    goods_in: GoodsIn
    payables: Payables
    costing: Costing

    def open(self, session: Session) -> None:
        super().open(session)
        self.purchasing = PurchasingRepository(session, self.memo)
