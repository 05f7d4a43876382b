"""The unit of work the application runs on: every area's repositories over one session, so that a use
case is one transaction whichever areas it touches.

Areas meet here and nowhere else inside core: capture, fulfilment and billing read master data
through the catalog's repository, billing reads orders, shipments and stock through fulfilment's,
`uow.lifecycle` carries the lifecycle steps that capture (a buyer's change) and billing (a payment's
outcome) take on an order, every movement of goods is valued in billing's journal as it is posted,
and the products import hands its cost and VAT columns to billing, all in the same transaction;
purchasing reads stock and demand, takes goods in through fulfilment's receipt and posts supplier
invoices through billing's books (`core.supply`).
The channels customers are told on come from the composition root, which registered them.
Each area's services see only their own unit of work (`core.<area>.services.unit_of_work`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from core.billing.services.billing_data import product_extras
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.billing.services.valuation import value_movements
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.catalog.adapters.repository import MasterDataRepository
from core.catalog.services.unit_of_work import CatalogUnitOfWork
from core.fulfilment.adapters.repository import FulfilmentRepository
from core.fulfilment.adapters.repository_stock import StockRepository
from core.fulfilment.domain.contact import Reach
from core.fulfilment.domain.stock import StockMovement
from core.fulfilment.services.steps import LifecycleSteps
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.adapters.master_memo import MasterMemo
from core.kernel.domain.model import Product
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork
from core.reporting.services.unit_of_work import ReportingUnitOfWork
from core.supply import LandedCosts, PayablesBook, StockIn, SupplyReads


class UnitOfWork(
    CatalogUnitOfWork,
    CaptureUnitOfWork,
    FulfilmentUnitOfWork,
    BillingUnitOfWork,
    PurchasingUnitOfWork,
    ReportingUnitOfWork,
):
    master: MasterDataRepository
    fulfilment: FulfilmentRepository
    stock: StockRepository
    lifecycle: LifecycleSteps

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        channels: Sequence[Reach] = (),
        master_memo: MasterMemo | None = None,
        *,
        reads_only: bool = False,
    ) -> None:
        super().__init__(session_factory, master_memo, reads_only=reads_only)
        self.channels = tuple(channels)

    def open(self, session: Session) -> None:
        super().open(session)
        self.lifecycle = LifecycleSteps(self)
        self.stock.on_post(self._value)
        self.product_extras = self._product_extras
        self.supply = SupplyReads(session)
        self.goods_in = StockIn(self)
        self.payables = PayablesBook(self)
        self.costing = LandedCosts(self)

    def _value(self, movements: Sequence[StockMovement], now: datetime) -> None:
        value_movements(self.ledger, self.master, movements)

    def _product_extras(
        self, product: Product, row: Mapping[str, str | None], number: int, actor: str, now: datetime
    ) -> None:
        product_extras(self, product, row, number, actor, now)
