"""The unit of work: one transaction, the repositories inside it, and events released after commit."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from core.billing.adapters import repository as repository_billing
from core.billing.adapters import repository_ledger
from core.capture.adapters import repository as capture
from core.capture.adapters import repository_review
from core.catalog.adapters import repository as catalog
from core.fulfilment.adapters import repository as repository_fulfilment
from core.kernel.adapters import repository


class UnitOfWork:
    """`with uow:` opens a session; `uow.commit()` commits; leaving without commit rolls back.

    Events collected with `uow.emit(...)` during the transaction are handed out by
    `uow.collect_events()` only after a successful commit, so a rollback publishes nothing.
    """

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory
        self._events: list[object] = []
        self._committed: list[object] = []

    def __enter__(self) -> UnitOfWork:
        self.session = self.session_factory()
        self.blobs = capture.BlobRepository(self.session)
        self.documents = capture.DocumentRepository(self.session)
        self.interchanges = capture.InterchangeRepository(self.session)
        self.master = catalog.MasterDataRepository(self.session)
        self.partners = repository.PartnerRepository(self.session)
        self.orders = repository.OrderRepository(self.session)
        self.outbound = repository.OutboundRepository(self.session)
        self.users = repository.UserRepository(self.session)
        self.review = repository_review.ReviewRepository(self.session)
        self.policies = repository_review.PolicyRepository(self.session)
        # every movement of goods is valued in the journal in the same transaction
        self.stock = repository_ledger.ValuedStockRepository(self.session)
        self.fulfilment = repository_fulfilment.FulfilmentRepository(self.session)
        self.billing = repository_billing.BillingRepository(self.session)
        self.ledger = self.stock.ledger
        self._events = []
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # close() rolls back whatever was not committed but, unlike rollback(), leaves loaded
        # objects readable after the block
        self._events = []
        self.session.close()

    def emit(self, event: object) -> None:
        self._events.append(event)

    def flush(self) -> None:
        self.session.flush()

    def commit(self) -> None:
        self.session.commit()
        self._committed.extend(self._events)
        self._events = []

    def rollback(self) -> None:
        self.session.rollback()
        self._events = []

    def collect_events(self) -> list[object]:
        events, self._committed = self._committed, []
        return events
