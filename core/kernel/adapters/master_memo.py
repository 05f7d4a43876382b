"""Master data remembered by a process across transactions, for as long as the database's master-data
stamp (migration 0028) has not moved.

Every unit of work used to read the same customers, identifier index, promotions and policies again:
a dozen statements per e-mail. A `MasterMemo` is made once per process; a unit of work that only reads
master data asks it for a `StampedMemo`, which reads the stamp with one statement the first time it is
asked for anything, and hands out what this process read under that stamp (or reads it now and keeps
it). Any writer of master data, in any process, moves the stamp in its own transaction (triggers), so
the next unit of work after its commit reads afresh.

What is kept is detached from the session that read it and shared between threads: it must be read,
never changed. Only read-only work opts in (`UnitOfWork(..., master_memo=...)`); a unit of work that
writes master data forgets the memo for the rest of its transaction (`StampedMemo.forget`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import UnmappedInstanceError

from core.kernel.adapters.orm import master_data_stamp

LIMIT = 20_000  # entries per stamp; past it the process starts again empty (senders' addresses pile up)
_STAMP = select(master_data_stamp.c.version).where(master_data_stamp.c.id == 1)


class MasterMemo:
    """This process's master data, by key, as read under one stamp."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._stamp: int | None = None
        self._entries: dict[Hashable, Any] = {}

    def entries(self, stamp: int) -> dict[Hashable, Any]:
        """What was read under `stamp`; a new, empty memo when the stamp has moved (or was full)."""
        with self._lock:
            if stamp != self._stamp or len(self._entries) >= self.limit:
                self._stamp, self._entries = stamp, {}
            return self._entries

    def view(self, session: Session) -> StampedMemo:
        return StampedMemo(self, session)


class StampedMemo:
    """One unit of work's way into the process's memo: the stamp read once, on first use, in the
    unit of work's own transaction (so what it then reads is at least as new as the stamp)."""

    def __init__(self, memo: MasterMemo, session: Session) -> None:
        self._memo = memo
        self._session = session
        self._entries: dict[Hashable, Any] | None = None
        self._off = False

    def _current(self) -> dict[Hashable, Any] | None:
        if self._off:
            return None
        if self._entries is None:
            stamp = self._session.scalar(_STAMP)
            if stamp is None:  # no stamp row (a schema not made by the migrations): nothing is shared
                self._off = True
                return None
            self._entries = self._memo.entries(int(stamp))
        return self._entries

    def get(self, key: Hashable, load: Callable[[], Any]) -> Any:
        """The value remembered under `key`, else `load()`'s, detached from the session and kept."""
        entries = self._current()
        if entries is None:
            return load()
        try:
            return entries[key]
        except KeyError:
            pass
        value = load()
        _detach(self._session, value)
        entries[key] = value
        return value

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """(True, value) when `key` is remembered; (False, None) otherwise."""
        entries = self._current()
        if entries is None or key not in entries:
            return False, None
        return True, entries[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Keep what this unit of work read for `key` (detached from its session)."""
        entries = self._current()
        if entries is not None:
            _detach(self._session, value)
            entries.setdefault(key, value)

    def forget(self) -> None:
        """This unit of work writes master data: from now on it reads its own, not the process's."""
        self._off = True


def _detach(session: Session, value: Any) -> None:
    """Take the mapped objects in `value` (one, or in a list, tuple or dict) out of the session, so that
    its flush or close never touches what other threads read."""
    items = value.values() if isinstance(value, dict) else value
    for item in items if isinstance(value, list | tuple | dict) else (value,):
        if item is None or isinstance(item, str | int | set | dict | tuple | list):
            continue
        try:
            session.expunge(item)
        except (UnmappedInstanceError, SQLAlchemyError):
            continue
