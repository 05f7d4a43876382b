"""Fulfilment's unit of work: orders under lock, stock and warehouse work in the one transaction, with
customers and products read from the catalog there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.orm import Session

from core.fulfilment.adapters.repository import FulfilmentRepository
from core.fulfilment.adapters.repository_stock import StockRepository
from core.fulfilment.domain.contact import Reach
from core.kernel.domain.model import Customer, Product
from core.kernel.services.unit_of_work import UnitOfWork


class Catalog(Protocol):
    """The master data fulfilment reads: who the customer is, what a product is."""

    def customer(self, customer_id: str) -> Customer | None: ...

    def product(self, sku: str) -> Product | None: ...


class FulfilmentUnitOfWork(UnitOfWork):
    fulfilment: FulfilmentRepository
    stock: StockRepository
    master: Catalog  # the catalog's; composed in core.unit_of_work
    channels: Sequence[
        Reach
    ] = ()  # where customers can be told things, as the composition root registered them

    def open(self, session: Session) -> None:
        super().open(session)
        self.fulfilment = FulfilmentRepository(session)
        self.stock = StockRepository(session)
