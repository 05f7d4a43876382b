"""The unit of work every area's builds on: one transaction, the kernel's repositories (orders, the
outbox, trading partners, users), and events released only after commit.

Each area's unit of work (`core.<area>.services.unit_of_work`) adds its repositories in `open`;
`core.unit_of_work.UnitOfWork` composes them all over one session, so a use case is still one
transaction whichever areas it touches.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from core.kernel.adapters.db import reading_engine
from core.kernel.adapters.master_memo import MasterMemo, StampedMemo
from core.kernel.adapters.repository import (
    OrderRepository,
    OutboundRepository,
    PartnerRepository,
    UserRepository,
)


class UnitOfWork:
    """`with uow:` opens a session; `uow.commit()` commits; leaving without commit rolls back.

    Events collected with `uow.emit(...)` during the transaction are handed out by
    `uow.collect_events()` only after a successful commit, so a rollback publishes nothing.
    """

    session: Session
    orders: OrderRepository
    outbound: OutboundRepository
    partners: PartnerRepository
    users: UserRepository
    memo: StampedMemo | None  # master data remembered across transactions; None: read afresh

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        master_memo: MasterMemo | None = None,
        *,
        reads_only: bool = False,
    ) -> None:
        """`master_memo`: the process's memo of master data, for a unit of work that only reads it
        (see `core.kernel.adapters.master_memo`); without it, master data is read in each transaction.
        `reads_only`: its transactions read and never write (`core.kernel.adapters.db.reading_engine`:
        on SQLite they do not wait for, nor hold up, a writer); a flush in it raises RuntimeError."""
        self.session_factory = session_factory
        self.master_memo = master_memo
        self.reads_only = reads_only
        self._events: list[object] = []
        self._committed: list[object] = []

    def __enter__(self) -> Self:
        if self.reads_only:
            self.session = self.session_factory(bind=reading_engine(self.session_factory.kw["bind"]))
            event.listen(self.session, "before_flush", _refuse_writes)
        else:
            self.session = self.session_factory()
        self._events = []
        self.open(self.session)
        return self

    def open(self, session: Session) -> None:
        """Build the repositories on the session; an area's unit of work adds its own after these."""
        self.memo = self.master_memo.view(session) if self.master_memo is not None else None
        self.orders = OrderRepository(session)
        self.outbound = OutboundRepository(session)
        self.partners = PartnerRepository(session)
        self.users = UserRepository(session)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # close() rolls back whatever was not committed but, unlike rollback(), leaves loaded
        # objects readable after the block
        self._events = []
        self.session.close()

    def emit(self, event: object) -> None:
        self._events.append(event)

    def savepoint(self) -> AbstractContextManager[Any]:
        """A nested transaction: leaving it by an exception undoes only what was done inside."""
        self.orders.flush_held()  # the lines `insert_new` held go in before, not inside it
        self.outbound.flush_held()  # and the answers `new_held` held
        return self.session.begin_nested()

    def flush(self) -> None:
        self.orders.flush_held()
        self.outbound.flush_held()
        self.session.flush()

    def writes_held(self) -> AbstractContextManager[Any]:
        """Inside the block, changed and new mapped objects are not flushed before every read but
        together at the next `flush`, savepoint or the commit. For a caller whose reads in the block
        never look for those rows: changes of one kind to many rows then go out in one statement."""
        return self.session.no_autoflush

    def commit(self) -> None:
        self.orders.flush_held()  # order lines held for a batch (`OrderRepository.lines_held`)
        self.outbound.flush_held()  # its new answers (`OutboundRepository.new_held`)
        self.session.commit()
        self._committed.extend(self._events)
        self._events = []

    def rollback(self) -> None:
        self.orders.drop_held()
        self.outbound.drop_held()
        self.session.rollback()
        self._events = []

    def collect_events(self) -> list[object]:
        events, self._committed = self._committed, []
        return events


def _refuse_writes(session: Session, *_: object) -> None:
    # a mistake in the code, not in the data: like a failed assertion, outside the project's tree
    raise RuntimeError("this unit of work only reads; write in a unit of work of its own")
