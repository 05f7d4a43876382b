"""Billing's unit of work: payments, invoices, returns and the books in the one transaction, with what
billing asks of other areas there, each through a protocol of its own: the order and its shipments
and allocations (fulfilment's), stock for goods coming back, customers and products (the catalog's),
and the lifecycle steps a payment's outcome takes on the order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from core.billing.adapters.repository import BillingRepository
from core.billing.adapters.repository_ledger import LedgerRepository
from core.fulfilment.domain.approval import Approval
from core.fulfilment.domain.contact import Reach
from core.fulfilment.domain.lifecycle import OrderEvent
from core.fulfilment.domain.shipping import CarrierService
from core.fulfilment.domain.stock import Allocation, CustomerPreferences, StockLevel, StockMovement, Warehouse
from core.fulfilment.domain.warehouse import Shipment, ShipmentState
from core.kernel.domain.model import Customer, Order, Product
from core.kernel.errors import NotFound
from core.kernel.services.unit_of_work import UnitOfWork


class Catalog(Protocol):
    def customer(self, customer_id: str) -> Customer | None: ...

    def product(self, sku: str) -> Product | None: ...


class FulfilmentReads(Protocol):
    """The order, its allocations, holds and shipments, as billing reads them."""

    def order(self, order_id: int, *, lock: bool = False) -> Order | None: ...

    def allocations(self, order_ids: Iterable[int]) -> dict[int, list[Allocation]]: ...

    def last_hold(self, order_id: int) -> OrderEvent | None: ...

    def shipment(self, shipment_id: int, *, lock: bool = False) -> Shipment | None: ...

    def shipments(self, *, order_id: int | None = None, limit: int = 100) -> Sequence[Shipment]: ...

    def shipment_states(self, order_id: int) -> list[tuple[int, ShipmentState]]: ...

    def shipped_since(self, since: datetime) -> list[int]: ...


class StockBook(Protocol):
    """Stock as billing needs it: goods coming back on a return, levels to revalue, carriers' names,
    and the customer's preferred channel."""

    def warehouse(self, code: str) -> Warehouse | None: ...

    def ensure_level(self, warehouse: str, location: str, sku: str, now: datetime) -> StockLevel: ...

    def levels(self, *, sku: str | None = None, warehouse: str | None = None) -> list[StockLevel]: ...

    def post(self, movements: Sequence[StockMovement], now: datetime) -> None: ...

    def carrier_services(self) -> list[CarrierService]: ...

    def preferences(self, customer_id: str | None) -> CustomerPreferences: ...


class Reviewer(Protocol):
    """An approval policy as billing hands it to the lifecycle (its own `PaymentPolicy`)."""

    def review(self, uow: UnitOfWork, order: Order) -> Approval: ...


class OrderSteps(Protocol):
    """The lifecycle steps a payment's outcome takes on the order, in billing's transaction."""

    def hold(self, order_id: int, reason: str, actor: str, now: datetime) -> None: ...

    def release_hold(self, order_id: int, actor: str, now: datetime) -> None: ...

    def approve(self, order_id: int, policy: Reviewer, actor: str, now: datetime) -> None: ...

    def allocate(self, order_id: int, actor: str, now: datetime) -> None: ...

    def close(self, order_id: int, actor: str, now: datetime) -> None: ...


class BillingUnitOfWork(UnitOfWork):
    billing: BillingRepository
    ledger: LedgerRepository
    master: Catalog  # the catalog's; composed in core.unit_of_work
    fulfilment: FulfilmentReads  # fulfilment's
    stock: StockBook  # fulfilment's
    lifecycle: OrderSteps  # fulfilment's
    channels: Sequence[Reach] = ()  # where customers can be told things (fulfilment's rule chooses)

    def open(self, session: Session) -> None:
        super().open(session)
        self.billing = BillingRepository(session)
        self.ledger = LedgerRepository(session)


def billing_uow(uow: UnitOfWork) -> BillingUnitOfWork:
    """The unit of work the lifecycle hands to billing's policy and close gate, as billing's.

    The lifecycle knows only the kernel's unit of work; the application's is every area's at once
    (`core.unit_of_work`), so this holds for every unit of work the wired app runs on.
    """
    if not isinstance(uow, BillingUnitOfWork):
        raise TypeError(f"{type(uow).__name__} does not carry billing's repositories")
    return uow


def locked_order(uow: BillingUnitOfWork, order_id: int) -> Order:
    """The order, locked until commit so that billing's steps on it run one at a time."""
    order = uow.fulfilment.order(order_id, lock=True)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    return order
