"""Transaction-scoped advisory locks on PostgreSQL, several taken in one statement.

Every holder takes its keys in ascending order, so two transactions wanting overlapping keys never wait
for each other in a circle. One statement for all of a transaction's keys instead of one each: the
server evaluates a query's output after sorting it (PostgreSQL's SELECT reference, "output list"), so
the locks are taken in the order of `ORDER BY k`, each held once taken even while a later one waits.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.kernel.adapters.db import on_postgresql

_HOLD = text("SELECT pg_advisory_xact_lock(:space, k) FROM unnest(CAST(:keys AS integer[])) AS k ORDER BY k")


def hold(session: Session, space: int, keys: Iterable[int]) -> bool:
    """Hold these signed 32-bit keys of one key space to the end of the session's transaction, in
    ascending order; returns whether anything was taken (False off PostgreSQL, or with no keys)."""
    if not on_postgresql(session):
        return False
    wanted = sorted(set(keys))
    if wanted:
        session.execute(_HOLD, {"space": space, "keys": wanted}).all()
    return bool(wanted)
