"""The dramatiq jobs: one factory declares every actor (thin, idempotent, ids in, transient failures
retried), and a worker that leaves the broker as it found it.

A job is a name, a queue and the service call it makes; `declare_jobs` turns a table of them into
actors on one broker, and `Jobs.send` queues one by name.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import dramatiq
from dramatiq.errors import Retry
from sqlalchemy.exc import OperationalError

from core.kernel.errors import TransientError
from oms import logs

# A job that keeps failing transiently is retried with backoff for about an hour, then left in its row
# for the start-up / periodic sweep to pick up again: nothing is dropped.
MAX_RETRIES = 12
RETRY_MIN_MS = 500
RETRY_MAX_MS = 5 * 60_000
QUEUES = ("documents", "lifecycle", "answers")


@dataclass(frozen=True)
class Job:
    """What a message on `queue` does: one service call with the message's id (or ids)."""

    queue: str
    work: Callable[[Any], object]
    time_limit_ms: int | None = None  # None: dramatiq's default (ten minutes)
    subject: str | None = None  # what the id is (document_id, order_id …): its log lines carry it
    priority: int = 0  # dramatiq's: of two messages a worker holds, the lower number runs first


def job_actor(broker: dramatiq.Broker, name: str, job: Job) -> dramatiq.Actor[..., Any]:
    """The one way an actor is declared here: `job.work(id)`, with transient failures retried."""

    def run(ident: Any) -> None:
        with logs.context(job=name, **({job.subject: ident} if job.subject else {})):
            try:
                job.work(ident)
            except (TransientError, OperationalError) as exc:
                raise Retry(str(exc)) from exc

    run.__name__ = name
    options: dict[str, Any] = {
        "max_retries": MAX_RETRIES,
        "min_backoff": RETRY_MIN_MS,
        "max_backoff": RETRY_MAX_MS,
        "priority": job.priority,
    }
    if job.time_limit_ms is not None:
        options["time_limit"] = job.time_limit_ms
    declare = dramatiq.actor(
        actor_name=name,
        queue_name=job.queue,
        broker=broker,
        **options,
    )
    actor: dramatiq.Actor[..., Any] = declare(run)
    return actor


class Jobs:
    """The declared actors by name."""

    def __init__(self, broker: dramatiq.Broker, table: Mapping[str, Job]) -> None:
        self.actors = {name: job_actor(broker, name, job) for name, job in table.items()}

    def send(self, name: str, ident: Any) -> None:
        self.actors[name].send(ident)

    def send_each(self, name: str, idents: Iterable[Any]) -> int:
        count = 0
        for ident in idents:
            self.send(name, ident)
            count += 1
        return count


# How long an idle consumer waits before it looks at its queue again (dramatiq's `worker_timeout`, ms).
# In process a consumer waits on its queue and a job wakes it at once: the wait only bounds stopping.
# On Redis every look is a round trip running the broker's fetch script, for each of the six consumers
# (three queues and their delay queues), idle or not: at 100 ms a worker process spent about 3-4 ms
# of CPU an e-mail on them in the e-mail scale-out bench (docs/performance.md, sixteenth round). Half a
# second bounds what an idle queue adds to a job's start; a busy queue is read without waiting.
IDLE_WAIT_MS = 100
NETWORK_IDLE_WAIT_MS = 500


def idle_wait_ms(embedded: bool) -> int:
    """The consumers' idle wait for the in-process queue or for a networked broker."""
    return IDLE_WAIT_MS if embedded else NETWORK_IDLE_WAIT_MS


class Worker(dramatiq.Worker):
    """dramatiq's worker, taking its middleware off the broker again when it stops.

    dramatiq's own leaves each stopped worker's middleware on the broker: here one broker outlives
    many workers (every CLI step and every test drains the in-process queue with one), so each start
    warned "adding a middleware of the same type twice" and the stale middleware kept starting
    consumer threads for workers long stopped.
    """

    def __init__(self, broker: dramatiq.Broker, **options: Any) -> None:
        super().__init__(broker, **options)
        self._added: list[dramatiq.Middleware] = []

    def start(self) -> None:
        before = [id(m) for m in self.broker.middleware]
        super().start()
        self._added = [m for m in self.broker.middleware if id(m) not in before]

    def stop(self, timeout: int = 600_000) -> None:
        super().stop(timeout)
        for middleware in self._added:
            self.broker.middleware.remove(middleware)
        self._added = []


_settled = threading.Lock()


FULL_EVERY = 40  # second-generation collections between full ones; Python's default is 10


def settle_heap() -> None:
    """Take what start-up built (modules, mappings, the app) out of the garbage collector's rounds,
    once per process; a long-running worker or `oms run` calls it before taking jobs.

    Reading a large interchange allocates hundreds of thousands of objects, and every full collection
    also walked the quarter of a million start-up objects that never die: about a quarter of the
    processing step's CPU on a 300-message interchange. Frozen objects are never collected, so this
    is done once, after a collection, and not in a process that builds and drops apps (the tests).

    Then full collections are made a quarter as frequent (`FULL_EVERY`): a job reading an interchange
    keeps a quarter of a million records alive to its commit (the reader's evidence and provenance),
    and each full collection walked them all. One 1,000-message interchange on PostgreSQL took 1.48-1.71 s
    end to end before, 1.26-1.40 s after, the peak memory of the process the same (docs/performance.md).
    """
    if _settled.acquire(blocking=False):  # held for good: the first caller freezes, the others pass
        gc.collect()
        gc.freeze()
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_EVERY)


def _wait_empty(broker: dramatiq.Broker, worker: Worker, rounds: int) -> None:
    for _ in range(rounds):
        for queue in QUEUES:
            broker.join(queue)
        worker.join()


def drain(broker: dramatiq.Broker, worker_threads: int, rounds: int = 3) -> None:
    """Run the in-process queue's jobs until none are left (a job may queue others: a few rounds)."""
    worker = Worker(broker, worker_threads=worker_threads, worker_timeout=100)
    worker.start()
    try:
        _wait_empty(broker, worker, rounds)
    finally:
        worker.stop()


@contextmanager
def running_worker(broker: dramatiq.Broker, worker_threads: int) -> Iterator[Callable[[], None]]:
    """One worker kept running through a long batch on the in-process queue (starting one per step
    costs more than the step); yields the call that waits until the queue is empty."""
    worker = Worker(broker, worker_threads=worker_threads, worker_timeout=100)
    worker.start()
    try:
        yield lambda: _wait_empty(broker, worker, 3)
    finally:
        worker.stop()
