"""Which documents a live worker is reading right now, so that a second copy of the job leaves them be.

A document's job can be queued more than once: the broker redelivers a killed worker's message, a worker
starting up queues what the database says is unfinished, the periodic sweep queues what has waited long.
Every copy is harmless for the result (the document is stored once, under its row lock), but a copy that
arrives while another worker is still reading the document would read it a second time and count an
attempt, and enough of them quarantine a document that never failed ("gave up after 5 attempts").

A claim is held for as long as one worker reads one document, and it dies with that worker:

- PostgreSQL: a session-level advisory lock on a connection kept for the read. A worker killed with
  SIGKILL closes its connections with it, and the server drops its locks, so a claim never outlives its
  holder. `held()` asks `pg_locks` which documents are claimed by any process.
- SQLite (the embedded default, one process): a set in this process, which also dies with it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, text

READ_LOCKS = 0x52454144  # "READ": the advisory-lock space of documents being read
_TRY = text("SELECT pg_try_advisory_lock(:space, :key)")
_UNLOCK = text("SELECT pg_advisory_unlock(:space, :key)")


def _key(document_id: int) -> int:
    """The document id as the signed 32-bit second key (ids past 2**31 share keys: a shared key only
    makes a copy wait for the sweep, it never lets two workers read one document)."""
    return (document_id + 2**31) % 2**32 - 2**31


class ReadingClaims:
    """`take` before reading a document, `release` after; `held` for the sweeps."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.shared = engine.dialect.name == "postgresql"
        self._lock = threading.Lock()
        self._local: set[int] = set()
        self._connections: dict[int, Connection] = {}

    def take(self, document_id: int) -> bool:
        """True when this worker now holds the document; False when a live worker already does."""
        with self._lock:
            if document_id in self._local:
                return False
            self._local.add(document_id)
        if not self.shared:
            return True
        try:
            connection = self.engine.connect()
            got = connection.execute(_TRY, {"space": READ_LOCKS, "key": _key(document_id)}).scalar()
            connection.commit()  # the lock is the session's; no transaction stays open while reading
        except BaseException:
            with self._lock:
                self._local.discard(document_id)
            raise
        if not got:
            connection.close()
            with self._lock:
                self._local.discard(document_id)
            return False
        with self._lock:
            self._connections[document_id] = connection
        return True

    def release(self, document_id: int) -> None:
        with self._lock:
            self._local.discard(document_id)
            connection = self._connections.pop(document_id, None)
        if connection is None:
            return
        try:
            connection.execute(_UNLOCK, {"space": READ_LOCKS, "key": _key(document_id)})
            connection.commit()
        except Exception:  # a connection that broke lost its locks with it; the pool gets a fresh one
            connection.invalidate()
        finally:
            connection.close()

    def held(self, document_ids: Iterable[int]) -> set[int]:
        """Which of these documents a live worker (in any process) is reading now."""
        wanted = set(document_ids)
        if not wanted:
            return set()
        with self._lock:
            mine = wanted & self._local
        if not self.shared:
            return mine
        with self.engine.connect() as connection:
            keys = connection.execute(
                text(
                    "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND classid = :space"
                    " AND objsubid = 2 AND granted"
                    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                ),
                {"space": READ_LOCKS},
            ).scalars()
            taken = {_key(int(k)) for k in keys}  # objid is the key read unsigned: made signed again
        return mine | {d for d in wanted if _key(d) in taken}
