"""The catalog's unit of work: master data in the one transaction, and the hook through which the
products import hands its optional columns to whoever keeps them (billing: cost price, VAT class)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from core.catalog.adapters.catalogues import CatalogueRepository
from core.catalog.adapters.repository import MasterDataRepository
from core.catalog.adapters.sales import SalesRepository
from core.kernel.domain.model import Product
from core.kernel.services.unit_of_work import UnitOfWork


class ProductExtras(Protocol):
    """Takes a products row's columns beyond the master-data contract, in the import's transaction."""

    def __call__(
        self, product: Product, row: Mapping[str, str | None], number: int, actor: str, now: datetime
    ) -> None: ...


class CatalogUnitOfWork(UnitOfWork):
    master: MasterDataRepository
    sales: SalesRepository
    catalogues: CatalogueRepository
    # None: the optional columns are ignored; the composed unit of work sets billing's
    product_extras: ProductExtras | None = None

    def open(self, session: Session) -> None:
        super().open(session)
        self.master = MasterDataRepository(session, self.memo)
        self.sales = SalesRepository(session)
        self.catalogues = CatalogueRepository(session)
