"""Capture's unit of work: documents, interchanges and the review queue in the one transaction, with
the two things capture asks of other areas there: master data to resolve against (the catalog's)
and a buyer's change applied to an order (fulfilment's)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from core.capture.adapters.repository import BlobRepository, DocumentRepository, InterchangeRepository
from core.capture.adapters.repository_review import PolicyRepository, ReviewRepository
from core.capture.domain.resolution import MasterData
from core.kernel.domain.changes import OrderChange
from core.kernel.domain.model import Customer, CustomerIdentifier, CustomerItem, Product
from core.kernel.services.unit_of_work import UnitOfWork


class MasterDataView(MasterData, Protocol):
    """Validation's view of master data, and what the review queue writes back (learned codes and
    identifiers)."""

    def upsert(self, obj: Customer | Product | CustomerItem) -> bool: ...

    def remove_customer_item(self, customer_id: str, code: str, sku: str) -> None: ...

    def customers_by_identifier(self, kind: str, value: str, *, learned: bool = True) -> Sequence[Customer]:
        """As validation reads it; without `learned`, only customers whose own columns hold it."""
        ...

    def add_identifier(self, item: CustomerIdentifier) -> bool: ...

    def prefetch_products(self, codes: Iterable[str], *, terms: bool = True) -> None:
        """Read at once the products these codes may name as SKUs (with `terms`, their price rows and
        packs), for the lookups that follow in this unit of work."""
        ...

    def remove_identifier(self, customer_id: str, kind: str, value: str) -> None: ...


class OrderChanges(Protocol):
    """Applies a buyer's change to one of their orders, in the caller's transaction."""

    def modify(self, order_id: int, change: OrderChange, actor: str, now: datetime) -> dict[str, str]: ...


class CaptureUnitOfWork(UnitOfWork):
    blobs: BlobRepository
    documents: DocumentRepository
    interchanges: InterchangeRepository
    review: ReviewRepository
    policies: PolicyRepository
    master: MasterDataView  # the catalog's; composed in core.unit_of_work
    lifecycle: OrderChanges  # fulfilment's; composed in core.unit_of_work

    def open(self, session: Session) -> None:
        super().open(session)
        self.blobs = BlobRepository(session)
        self.documents = DocumentRepository(session)
        self.interchanges = InterchangeRepository(session)
        self.review = ReviewRepository(session)
        self.policies = PolicyRepository(session, self.memo)
