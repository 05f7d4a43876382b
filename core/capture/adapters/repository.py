"""Capture's repositories: stored bytes, documents, and EDIFACT interchanges already taken."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql import Insert

from core.capture.adapters import orm, statements
from core.capture.domain.documents import DocumentRecord, DocumentState
from core.kernel.adapters import locks
from core.kernel.adapters.bulk import row_of
from core.kernel.adapters.db import on_postgresql

COPY_LOCKS = 0x434F5059  # "COPY": the advisory-lock space of deciding which copy of an arrival is first


def _key(text: str) -> int:
    """A stable signed 32-bit advisory-lock key for a text (the same in every process)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "big", signed=True)


@dataclass(frozen=True)
class _Arrival:
    id: int
    sha256: str
    channel: str
    external_id: str | None
    state: DocumentState


class FirstCopies:
    """Which arrival is the first copy of each of a batch's documents, from one read
    (`DocumentRepository.first_copies`): the rule of `DocumentRepository._first`, applied to the rows
    read, with a batch document's state taken from its record (taken up meanwhile or not)."""

    def __init__(self, batch: Sequence[DocumentRecord], arrivals: Sequence[_Arrival]) -> None:
        self._batch = {r.id: r for r in batch if r.id is not None}
        self._arrivals = sorted(arrivals, key=lambda a: a.id)

    # the record's own fields are read once a question, not once an arrival: a record is a mapped
    # class, and every read of one goes through the mapping (a batch of 8: 8 questions over 8 arrivals)

    def with_hash(self, record: DocumentRecord) -> int | None:
        sha256 = record.sha256
        return self._first(record.id, lambda a: a.sha256 == sha256)

    def with_external_id(self, record: DocumentRecord) -> int | None:
        channel, external_id = record.channel, record.external_id
        return self._first(record.id, lambda a: a.channel == channel and a.external_id == external_id)

    def _first(self, mine: int | None, same: Callable[[_Arrival], bool]) -> int | None:
        assert mine is not None and mine in self._batch
        for arrival in self._arrivals:  # by id: the first that qualifies
            if arrival.id == mine or not same(arrival):
                continue
            now = self._batch[arrival.id].state if arrival.id in self._batch else arrival.state
            if now != DocumentState.DUPLICATE and (arrival.id < mine or now != DocumentState.RECEIVED):
                return arrival.id
        return None


_INSERT_DOCUMENT = insert(orm.documents).returning(orm.documents.c.id)


@cache
def _put_blob(dialect: str) -> Insert:
    """The blobs' insert that does nothing where the bytes are stored already, for this dialect."""
    if dialect == "postgresql":
        return postgresql.insert(orm.blobs).on_conflict_do_nothing(index_elements=[orm.blobs.c.sha256])
    return sqlite.insert(orm.blobs).on_conflict_do_nothing(index_elements=[orm.blobs.c.sha256])


class BlobRepository:
    """Raw document bytes, content-addressed by SHA-256, stored once however often they arrive."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._last: tuple[str, bytes] | None = None  # the bytes behind a hash never change
        self._fetched: dict[str, bytes] = {}  # read ahead by `prefetch`, each handed out once

    def prefetch(self, sha256s: Iterable[str]) -> None:
        """Read these bytes in one statement (a batch's documents) for the `get`s that follow in this
        transaction; each is kept only until its first `get` (which keeps it as the last read)."""
        wanted = sorted(set(sha256s) - self._fetched.keys())
        if wanted:
            postgres = on_postgresql(self.session)
            for sha256, content in self.session.execute(statements.blobs(postgres), {"shas": wanted}):
                self._fetched[sha256] = bytes(content)

    def remember(self, sha256: str, content: bytes) -> None:
        """Bytes this transaction already holds (read in an earlier one): `get` need not read them."""
        self._last = (sha256, content)

    def put(self, sha256: str, content: bytes) -> None:
        """Store the bytes unless they are stored.  The same bytes stored by two transactions at once
        (one message handed to two receivers) are one row: the second insert waits for the first and
        then does nothing, where a plain insert failed on the key and lost that arrival's record.

        One statement, built once per dialect and given the values as parameters: a read first to see
        whether the bytes were there, and a statement built with the values in it, were two thirds of
        storing an e-mail before its SMTP 250 (bytes that are there already are rare: a repeat)."""
        self.session.execute(
            _put_blob(self.session.get_bind().dialect.name),
            {"sha256": sha256, "size": len(content), "content": content},
        )

    def get(self, sha256: str) -> bytes:
        if self._last is not None and self._last[0] == sha256:
            return self._last[1]
        content = self._fetched.pop(sha256, None)
        if content is None:
            row = self.session.execute(statements.BLOB, {"sha256": sha256}).first()
            if row is None:
                raise KeyError(sha256)
            content = bytes(row[0])
        self._last = (sha256, content)
        return content


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: DocumentRecord) -> None:
        self.session.add(record)

    def insert(self, record: DocumentRecord) -> int:
        """Insert a new arrival's row at once and set its id (one INSERT … RETURNING, no flush of
        the session's other objects). The record stays out of the session: load it to change it."""
        if record.id is not None:
            raise ValueError("insert takes a record not stored yet")
        stored = self.session.execute(_INSERT_DOCUMENT, row_of(orm.documents, record))
        record.id = int(stored.scalar_one())
        return record.id

    def get(self, doc_id: int, *, lock: bool = False) -> DocumentRecord | None:
        return self.session.scalars(statements.one_document(lock), {"doc_id": doc_id}).first()

    def get_many(self, doc_ids: Iterable[int], *, lock: bool = False) -> dict[int, DocumentRecord]:
        """Several documents by id in one statement (a batch's), rows locked in id order with `lock`;
        an id that names nothing is left out."""
        wanted = sorted(set(doc_ids))
        if not wanted:
            return {}
        stmt = statements.documents(self._postgres, lock)
        return {r.id: r for r in self.session.scalars(stmt, {"ids": wanted}) if r.id is not None}

    @property
    def _postgres(self) -> bool:
        return on_postgresql(self.session)

    def hold_copies(self, sha256: str, external_id: str | None) -> None:
        """Hold, to the end of the transaction, the deciding of which arrival of these bytes (of this
        message) is the first: on PostgreSQL transaction-scoped advisory locks, keys in order; SQLite's
        single writer already holds the database from BEGIN IMMEDIATE."""
        self._hold_copies([(sha256, external_id)])

    def _hold_copies(self, arrivals: Iterable[tuple[str, str | None]]) -> None:
        keys = set()
        for sha256, external_id in arrivals:
            keys |= {_key(f"sha256:{sha256}")} | ({_key(f"id:{external_id}")} if external_id else set())
        locks.hold(self.session, COPY_LOCKS, keys)  # one statement for a batch's keys, not one a key

    def first_copies(self, records: Sequence[DocumentRecord]) -> FirstCopies:
        """For arrivals about to be taken up one after another in this transaction (the collector's
        batch): their copies held (`hold_copies`, keys in one order for all), and every arrival that
        may be the first copy of one of them read in one statement (two each before). `FirstCopies`
        then answers for each as `first_with_hash` and `first_with_external_id` would at that point,
        the batch's own states as its take-ups left them."""
        self._hold_copies((r.sha256, r.external_id) for r in records)
        shas = sorted({r.sha256 for r in records})
        ids = sorted({r.external_id for r in records if r.external_id})
        if not shas:
            return FirstCopies(records, [])
        # the batch's own rows were read a moment ago (`waiting`): what they say comes from their
        # records, and only the other arrivals are read
        own = [
            _Arrival(r.id, r.sha256, r.channel, r.external_id, r.state) for r in records if r.id is not None
        ]
        asked: dict[str, list[int] | list[str]] = {"shas": shas, "own": [a.id for a in own]}
        if ids:
            asked["external_ids"] = ids
        stmt = statements.copies_of(self._postgres, bool(ids))
        return FirstCopies(records, own + [_Arrival(*row) for row in self.session.execute(stmt, asked)])

    def first_with_hash(self, sha256: str, *, before: int) -> int | None:
        """The id of the first arrival of these exact bytes other than document `before`, and not a
        duplicate itself, that came before it: numbered before it, or taken up for reading already (an
        arrival numbered first can be committed last, after the other was read)."""
        return self.session.scalars(statements.FIRST_WITH_HASH, {"sha256": sha256, "before": before}).first()

    def first_with_external_id(self, channel: str, external_id: str, *, before: int) -> int | None:
        """As `first_with_hash`, for arrivals on this channel with this external id (a Message-ID)."""
        asked = {"channel": channel, "external_id": external_id, "before": before}
        return self.session.scalars(statements.FIRST_WITH_ID, asked).first()

    def first_copy(
        self, sha256: str, channel: str, external_id: str, *, before: int
    ) -> tuple[int | None, int | None]:
        """`first_with_hash` and `first_with_external_id` together, in one statement (two before)."""
        asked = {"sha256": sha256, "channel": channel, "external_id": external_id, "before": before}
        row = self.session.execute(statements.FIRST_COPY, asked).one()
        return row[0], row[1]

    def stored_with_external_id(self, channel: str, external_id: str) -> DocumentRecord | None:
        """The arrival on this channel with this external id that was taken as the message (not one
        found to repeat it), whatever its state; None when nothing with that id was stored."""
        t = orm.documents.c
        stmt = (
            select(DocumentRecord)
            .where(t.channel == channel, t.external_id == external_id, t.state != DocumentState.DUPLICATE)
            .order_by(t.id)
        )
        return self.session.scalars(stmt.limit(1)).first()

    def waiting(self, channel: str, *, besides: int, limit: int) -> list[DocumentRecord]:
        """Up to `limit` arrivals on `channel` stored and never taken up (no attempt yet), other than
        `besides`, oldest first, their rows locked; rows another transaction holds are passed over."""
        asked = {"channel": channel, "besides": besides, "limit": limit}
        return list(self.session.scalars(statements.waiting(), asked))

    def unfinished_ids(
        self, older_than: datetime | None = None, states: Iterable[DocumentState] | None = None
    ) -> list[int]:
        """Documents not yet finished (received or processing), optionally untouched since a time."""
        wanted = list(states or (DocumentState.RECEIVED, DocumentState.PROCESSING))
        stmt = select(orm.documents.c.id).where(orm.documents.c.state.in_(wanted))
        if older_than is not None:
            stmt = stmt.where(orm.documents.c.updated_at < older_than)
        return list(self.session.scalars(stmt.order_by(orm.documents.c.id)))

    def received_to_queue_again(
        self, first_after: datetime, again_after: datetime, now: datetime
    ) -> list[int]:
        """Documents still waiting to be read whose job may be lost, stamped as queued again now.

        One never queued again is due once untouched since `first_after` (stored, and the process died
        before its job was queued); one already queued again only once untouched since `again_after`, so
        a backlog waiting behind other jobs is not queued again at every sweep. The stamp is the row's
        `updated_at`, which nothing else moves while a document waits."""
        t = orm.documents.c
        due = (t.state == DocumentState.RECEIVED) & (
            ((t.updated_at == t.received_at) & (t.updated_at < first_after)) | (t.updated_at < again_after)
        )
        waiting = select(t.id).where(due).order_by(t.id).with_for_update(skip_locked=True)
        ids = list(self.session.scalars(waiting))
        if ids:
            self.session.execute(
                update(orm.documents)
                .where(t.id.in_(ids), t.state == DocumentState.RECEIVED)
                .values(updated_at=now)
                .execution_options(synchronize_session=False)
            )
        return ids

    def processed(self, *, since: datetime | None = None, channel: str | None = None) -> list[int]:
        """Ids of documents read to the end (orders made or not), oldest first, for replaying them."""
        stmt = select(orm.documents.c.id).where(orm.documents.c.state == DocumentState.PROCESSED)
        if since is not None:
            stmt = stmt.where(orm.documents.c.received_at >= since)
        if channel is not None:
            stmt = stmt.where(orm.documents.c.channel == channel)
        return list(self.session.scalars(stmt.order_by(orm.documents.c.id)))

    def list(self, *, limit: int = 100, offset: int = 0) -> Sequence[DocumentRecord]:
        stmt = select(DocumentRecord).order_by(orm.documents.c.id.desc()).limit(limit).offset(offset)
        return self.session.scalars(stmt).all()

    def count_by_state(self) -> dict[str, int]:
        stmt = select(orm.documents.c.state, func.count()).group_by(orm.documents.c.state)
        return {str(state): int(n) for state, n in self.session.execute(stmt)}


class InterchangeRepository:
    """The (sender, control reference) of every interchange taken, so a re-sent one is recognised."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def seen_in(self, sender_id: str, control_ref: str) -> int | None:
        """The document that already brought this interchange, if any."""
        stmt = select(orm.interchanges.c.document_id).where(
            orm.interchanges.c.sender_id == sender_id, orm.interchanges.c.control_ref == control_ref
        )
        return self.session.scalars(stmt).first()

    def claim(self, sender_id: str, control_ref: str, document_id: int, at: datetime) -> bool:
        """Record the interchange for this document; False when another document already has it."""
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(orm.interchanges).values(
                        sender_id=sender_id, control_ref=control_ref, document_id=document_id, received_at=at
                    )
                )
        except IntegrityError:
            return self.seen_in(sender_id, control_ref) == document_id
        return True
