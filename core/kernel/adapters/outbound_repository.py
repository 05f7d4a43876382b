"""The outbox's repository: answers stored (held for one insert in a batch), found when ready to render
or send, and settled once sent or failed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from core.kernel.adapters import orm
from core.kernel.adapters.bulk import column_values
from core.kernel.domain.model import OutboundMessage, OutboundState

# new answers stored together, their ids not returned (`OutboundRepository.new_held`), built once
_INSERT_MESSAGES = insert(orm.outbound_messages)

# a rendered answer kept where its row is still a pending draft (`OutboundRepository.fill_drafts`)
_FILL_DRAFT = (
    update(orm.outbound_messages)
    .where(orm.outbound_messages.c.id == bindparam("message_id"))
    .where(orm.outbound_messages.c.state == OutboundState.PENDING)
    .where(orm.outbound_messages.c.draft.is_not(None))
    .values(content=bindparam("rendered"), draft=None)
)


class OutboundRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._holding = False  # inside `new_held`
        self._waiting: list[OutboundMessage] = []  # new answers added in the block, not yet inserted

    @contextmanager
    def new_held(self) -> Iterator[None]:
        """Inside the block, the new answers `add` is given wait and go into the database together at
        the block's end, in one statement (on SQLite the ORM's flush sends one INSERT … RETURNING a
        row, for ids nothing in a batch's storing reads). Before that, a flush, savepoint or commit
        of the unit of work, or a read of this repository, inserts them first. The answers stay
        transient, their ids unset: load them again to change them. Left by an exception, they
        still wait: the commit inserts them, a rollback drops them."""
        if self._holding:  # nested: the outer block inserts them
            yield
            return
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        self.flush_held()

    def flush_held(self) -> None:
        """Insert the answers `new_held` keeps waiting, now, in the order they were added."""
        if not self._waiting:
            return
        messages, self._waiting = self._waiting, []
        columns = [c.name for c in orm.outbound_messages.columns if c.name != "id"]
        self.session.execute(_INSERT_MESSAGES, [column_values(m, columns) for m in messages])

    def drop_held(self) -> None:
        """The transaction was rolled back: the answers waiting for it are dropped with it."""
        self._waiting = []

    def add(self, message: OutboundMessage) -> None:
        if self._holding and message.id is None:
            self._waiting.append(message)
        else:
            self.session.add(message)

    def get(self, message_id: int) -> OutboundMessage | None:
        self.flush_held()
        return self.session.get(OutboundMessage, message_id)

    def pending_for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        """A document's answers ready to go: pending and rendered (a draft waits for its render job).

        Locked, skipping rows another delivery holds: two jobs delivering the same document at once
        (a redelivered job, the sweep) never both send a row (PostgreSQL; SQLite has one writer)."""
        return self.pending_for_documents([document_id])

    def pending_for_documents(
        self, document_ids: Sequence[int], *, lock: bool = True
    ) -> Sequence[OutboundMessage]:
        """`pending_for_document` for several documents in one statement, in id order; every one of
        them, none locked, when `lock` is False (a look ahead that sends nothing)."""
        self.flush_held()
        stmt = (
            select(OutboundMessage)
            .where(orm.outbound_messages.c.document_id.in_(document_ids))
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .where(orm.outbound_messages.c.draft.is_(None))
            .order_by(orm.outbound_messages.c.id)
        )
        return self.session.scalars(stmt.with_for_update(skip_locked=True) if lock else stmt).all()

    def drafts_for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        """A document's pending answers still to render, locked (a second render job waits, then
        finds them rendered)."""
        return self.drafts_for_documents([document_id])

    def drafts_for_documents(
        self, document_ids: Sequence[int], *, lock: bool = True
    ) -> Sequence[OutboundMessage]:
        """`drafts_for_document` for several documents in one statement, in id order; not locked
        when `lock` is False (a render that stores with `fill_drafts`)."""
        self.flush_held()
        table = orm.outbound_messages
        stmt = (
            select(OutboundMessage)
            .where(table.c.document_id.in_(document_ids))
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_not(None))
            .order_by(table.c.id)
        )
        return self.session.scalars(stmt.with_for_update() if lock else stmt).all()

    def fill_drafts(self, contents: Mapping[int, bytes]) -> list[int]:
        """Store rendered content (by message id) in the rows that are still pending drafts, and
        return those rows' ids, in id order: a row another render filled first, or no longer pending,
        keeps what it has. The rows still drafts are locked and read in one statement (on PostgreSQL a
        second renderer's read waits for the first's commit, then finds them no longer drafts), then
        filled in one executemany of the same conditional `UPDATE`, not one statement a row."""
        self.flush_held()
        if not contents:
            return []
        table = orm.outbound_messages
        still = (
            select(table.c.id)
            .where(table.c.id.in_(sorted(contents)))
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_not(None))
            .order_by(table.c.id)
            .with_for_update()
        )
        filled = list(self.session.scalars(still))
        if filled:
            rows = [{"message_id": i, "rendered": contents[i]} for i in filled]
            self.session.execute(_FILL_DRAFT, rows)
        return filled

    def pending(self, message_id: int) -> OutboundMessage | None:
        self.flush_held()
        message = self.session.get(OutboundMessage, message_id)
        ready = message is not None and message.state is OutboundState.PENDING and message.draft is None
        return message if ready else None

    def loose_pending(self) -> list[int]:
        """Pending messages that answer no document (quotes), by id."""
        self.flush_held()
        table = orm.outbound_messages
        stmt = (
            select(table.c.id)
            .where(table.c.document_id.is_(None))
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_(None))
            .order_by(table.c.id)
        )
        return list(self.session.scalars(stmt))

    def documents_with_pending(self) -> list[int]:
        """Documents with rendered answers waiting to go."""
        self.flush_held()
        stmt = (
            select(orm.outbound_messages.c.document_id)
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .where(orm.outbound_messages.c.draft.is_(None))
            .distinct()
        )
        return [d for d in self.session.scalars(stmt) if d is not None]

    def claim_lost_drafts(self, queued_before: datetime | None, now: datetime) -> list[int]:
        """Documents whose drafts' render job is presumed lost, stamped as queued again `now`.

        A draft counts when its job was last queued (or, never queued again, the draft was made)
        before `queued_before` (any draft when None, at start-up); a row a render job holds locked is
        being rendered right now and is skipped.
        """
        self.flush_held()
        table = orm.outbound_messages
        stmt = (
            select(table.c.id, table.c.document_id)
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_not(None))
            .where(table.c.document_id.is_not(None))
            .with_for_update(skip_locked=True)
        )
        if queued_before is not None:
            stmt = stmt.where(func.coalesce(table.c.queued_at, table.c.created_at) < queued_before)
        rows = self.session.execute(stmt).all()
        if rows:
            ids = [r.id for r in rows]
            self.session.execute(update(table).where(table.c.id.in_(ids)).values(queued_at=now))
        return sorted({int(r.document_id) for r in rows})

    def for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        self.flush_held()
        stmt = (
            select(OutboundMessage)
            .where(orm.outbound_messages.c.document_id == document_id)
            .order_by(orm.outbound_messages.c.id)
        )
        return self.session.scalars(stmt).all()

    def mark_sent(self, ids: Sequence[int], at: datetime, state: OutboundState = OutboundState.SENT) -> int:
        """Mark pending rows sent (or delivered); a row settled meanwhile keeps its state. Returns how
        many rows were marked."""
        self.flush_held()
        if not ids:
            return 0
        result = self.session.execute(
            update(orm.outbound_messages)
            .where(orm.outbound_messages.c.id.in_(list(ids)))
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .values(state=state, sent_at=at)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def settle(self, message_id: int, state: OutboundState, error: str | None, at: datetime) -> bool:
        """Settle a row still pending or sent as delivered or failed; False when there is none such."""
        self.flush_held()
        table = orm.outbound_messages
        result = self.session.execute(
            update(table)
            .where(table.c.id == message_id)
            .where(table.c.state.in_([OutboundState.PENDING, OutboundState.SENT]))
            .values(state=state, error=error, sent_at=func.coalesce(table.c.sent_at, at))
        )
        return bool(getattr(result, "rowcount", 0))
