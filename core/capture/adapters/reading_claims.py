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

The documents a job collects beside its own (core/capture/services/collecting.py) are claimed together
(`take_many`, `release_many`): one connection and one statement for the batch, where each document had a
connection and a statement of its own to take, and another to release; and no transaction around them
(autocommit): each statement had its BEGIN and COMMIT, each a round trip.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Engine, text

from core.kernel.adapters.db import on_postgresql

READ_LOCKS = 0x52454144  # "READ": the advisory-lock space of documents being read
# which of these keys this session now holds: each tried once (in no particular order: a try never waits)
_TRY = text("SELECT k FROM unnest(CAST(:keys AS integer[])) AS k WHERE pg_try_advisory_lock(:space, k)")
_UNLOCK = text("SELECT pg_advisory_unlock(:space, k) FROM unnest(CAST(:keys AS integer[])) AS k")


def _key(document_id: int) -> int:
    """The document id as the signed 32-bit second key (ids past 2**31 share keys: a shared key only
    makes a copy wait for the sweep, it never lets two workers read one document)."""
    return (document_id + 2**31) % 2**32 - 2**31


class ReadingClaims:
    """`take` before reading a document, `release` after; `held` for the sweeps."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.shared = on_postgresql(engine)
        self._lock = threading.Lock()
        self._local: set[int] = set()
        self._connections: dict[int, Connection] = {}

    def take(self, document_id: int) -> bool:
        """True when this worker now holds the document; False when a live worker already does."""
        return bool(self.take_many([document_id]))

    def take_many(self, document_ids: Sequence[int]) -> list[int]:
        """`take` for several documents at once: those this worker now holds, in the order given.
        On PostgreSQL one connection holds them all, taken in one statement outside any transaction
        (the locks are the session's: no transaction stays open while they are read)."""
        with self._lock:
            wanted = [d for d in dict.fromkeys(document_ids) if d not in self._local]
            self._local.update(wanted)
        if not self.shared or not wanted:
            return wanted
        by_key: dict[int, int] = {}
        for document_id in wanted:  # two documents sharing a key: the second is left to the sweep
            by_key.setdefault(_key(document_id), document_id)
        try:
            connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            try:
                got = set(connection.execute(_TRY, {"space": READ_LOCKS, "keys": list(by_key)}).scalars())
            except BaseException:
                connection.close()
                raise
        except BaseException:
            with self._lock:
                self._local.difference_update(wanted)
            raise
        taken = [d for k, d in by_key.items() if k in got]
        with self._lock:
            self._local.difference_update(set(wanted) - set(taken))
            self._connections.update((d, connection) for d in taken)
        if not taken:
            connection.close()
        return [d for d in wanted if d in taken]

    def release(self, document_id: int) -> None:
        self.release_many([document_id])

    def release_many(self, document_ids: Iterable[int]) -> None:
        """`release` for several documents: one statement for those held on one connection, and the
        connection back to the pool once it holds none."""
        held: dict[int, tuple[Connection, list[int]]] = {}
        with self._lock:
            for document_id in document_ids:
                self._local.discard(document_id)
                connection = self._connections.pop(document_id, None)
                if connection is not None:
                    held.setdefault(id(connection), (connection, []))[1].append(document_id)
            still = {id(c) for c in self._connections.values()}
        for key, (connection, released) in held.items():
            try:
                connection.execute(_UNLOCK, {"space": READ_LOCKS, "keys": [_key(d) for d in released]})
            except Exception:  # a connection that broke lost its locks with it; the pool gets a fresh one
                with contextlib.suppress(Exception):
                    connection.invalidate()
            if key not in still:
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
