"""`oms demo history`: months of past orders played through the services on a clock walking the
days (see samples.demo.history), with one job worker kept running for the whole batch.

The history is a bulk load into an empty database, redone from scratch if it stops halfway, so it
runs with `durable_writes` off (no fsync per SQLite commit and per outbox file) and syncs once at
the end."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from datetime import time as day_time
from typing import Any

from core.kernel.errors import ComandaError
from oms.bootstrap import App, bootstrap
from oms.cli.common import UsageError
from oms.settings import Settings
from oms.tasks import running_worker
from samples.demo.history import Tally, WalkingClock, run_history
from samples.demo.host import Entrances, Say, Stage


class _Batched:
    """The app with one worker running all along: `run_jobs` waits for the queue to empty instead of
    starting and stopping a worker each time (history runs thousands of steps)."""

    def __init__(self, app: App, wait: Callable[[], None]) -> None:
        self._app = app
        self.run_jobs = wait

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)


def play_history(
    settings: Settings,
    doors: Callable[[Any], Entrances],
    first: date,
    last: date,
    *,
    seed: int = 2026,
    scale: float = 1.0,
    say: Say = print,
    progress: Callable[[int, int], None] | None = None,
) -> Tally:
    """`first`..`last` played on an app of these settings whose clock walks through those days;
    `progress(done, total)` hears after each day."""
    if not settings.embedded:
        raise UsageError(
            "history runs on the in-process queue (OMS_BROKER_URL=memory://): its jobs use its clock"
        )
    clock = WalkingClock(datetime.combine(first, day_time(6), tzinfo=UTC))
    app = bootstrap(settings.model_copy(update={"durable_writes": False}), clock=clock)
    try:
        app.upgrade_database()
        # the reports' summary follows each order once, at the end, rather than at each of its events
        with running_worker(app.broker, settings.worker_threads) as wait, app.reporting.upkeep.deferred():
            batched = _Batched(app, wait)
            stage = Stage(batched, doors(batched))
            return run_history(stage, clock, first, last, seed=seed, scale=scale, say=say, progress=progress)
    except ComandaError as exc:
        raise UsageError(str(exc)) from exc
    finally:
        app.close()
        if hasattr(os, "sync"):  # what the run left to the system reaches the disk now, at once
            os.sync()
