"""Running one use case in a transaction of its own: events published after commit, a deadlock or a
lost race (PostgreSQL 40P01, 40001; SQLite "database is locked") tried again a few times."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError

log = logging.getLogger(__name__)
RETRIES = 5


class Transaction(Protocol):
    """What the runner needs of a unit of work."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def commit(self) -> None: ...

    def collect_events(self) -> list[object]: ...


U = TypeVar("U", bound=Transaction)
T = TypeVar("T")


def retryable(exc: DBAPIError) -> bool:
    """Deadlocks and serialization failures (PostgreSQL 40P01, 40001) are worth another try."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in ("40P01", "40001") or "database is locked" in str(exc.orig)


def run_step(
    uow_factory: Callable[[], U],
    clock: Callable[[], datetime],
    publish: Callable[[list[object]], None],
    step: Callable[[U, datetime], T],
) -> T:
    """Run `step` in a transaction of its own, retrying when the database asks for it; publish the
    events it raised once it has committed."""
    for attempt in range(1, RETRIES + 1):
        uow = uow_factory()
        try:
            with uow:
                result = step(uow, clock())
                uow.commit()
        except DBAPIError as exc:
            if isinstance(exc, IntegrityError) or not retryable(exc) or attempt == RETRIES:
                raise
            log.info("retrying a step after %s", type(exc.orig).__name__)
            time.sleep(0.01 * attempt)
            continue
        publish(uow.collect_events())
        return result
    raise AssertionError("unreachable")  # pragma: no cover
