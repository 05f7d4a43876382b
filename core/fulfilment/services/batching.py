"""Allocation calls that arrive together share one transaction (group commit).

Many worker threads each allocating one order queue behind each other's stock row locks and pay a
transaction each: a dozen round trips, the commit, and the Python around them. While one batch runs,
the calls that arrive wait; the first of them to find the way free then runs all of them as one
batch: one order lock statement, one planning read, one ledger insert, one conditional `UPDATE` per
stock level, one commit. No call waits for a timer: a call arriving when nothing runs goes alone.

Before it takes its batch, the caller that found the way free gives up the processor while callers
are still arriving (`pause`, `time.sleep(0)`: no timer, it stops as soon as one pause brings nobody
new). Without it the callers of the batch that just ended, who come straight back with their next
order, always arrived just after the next batch had been taken: sixteen workers settled into two
alternating waves of about eight, and every batch paid its fixed round trips for half the orders it
could have carried.

Only calls by the same actor are combined (the events name it). A batch that fails (not a lost
race, which the step itself retries under lock) is run again call by call, so one call's error is
never another's.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

R = TypeVar("R")


@dataclass
class _Call(Generic[R]):
    actor: str
    ids: tuple[int, ...]
    taken: bool = False  # in a batch that runs
    done: bool = False
    result: R | None = None
    error: BaseException | None = None


class Combiner(Generic[R]):
    """Runs `run(ids, actor)` for many callers at once, then hands each its own part of the result."""

    def __init__(
        self,
        run: Callable[[list[int], str], R],
        part: Callable[[R, Sequence[int]], R],
        max_batch: int = 500,
        running: int = 1,
        pause: Callable[[], None] = lambda: time.sleep(0),
    ) -> None:
        self._run = run
        self._part = part  # the result for one caller's ids, out of the batch's
        self._max = max_batch
        self._slots = running  # batches at once: one commits while the next reads and plans
        self._cond = threading.Condition()
        self._pending: list[_Call[R]] = []
        self._running = 0
        self._pause = pause  # lets callers already on their way reach `_pending` (not a timer)

    def __call__(self, ids: Sequence[int], actor: str) -> R:
        call: _Call[R] = _Call(actor, tuple(ids))
        with self._cond:
            self._pending.append(call)
            while not call.done and (call.taken or self._running >= self._slots):
                self._cond.wait()
            if call.done:
                return self._outcome(call)
            self._running += 1
            self._gather()
            batch = self._take(call)
        try:
            self._run_batch(batch)
        finally:
            with self._cond:
                self._running -= 1
                self._cond.notify_all()
        return self._outcome(call)

    def _gather(self) -> None:
        """Pause (the lock released) while each pause brings more calls, up to a full batch; called
        with the lock held, returns with it held."""
        while True:
            before = len(self._pending)
            if before >= self._max:
                return
            self._cond.release()
            try:
                self._pause()
            finally:
                self._cond.acquire()
            if len(self._pending) <= before:
                return

    def _take(self, own: _Call[R]) -> list[_Call[R]]:
        """The caller's own call, and the waiting calls by the same actor up to the batch size."""
        self._pending.remove(own)
        batch, size = [own], len(own.ids)
        for pending in list(self._pending):
            if pending.actor == own.actor and size + len(pending.ids) <= self._max:
                batch.append(pending)
                size += len(pending.ids)
                self._pending.remove(pending)
        for call in batch:
            call.taken = True
        return batch

    def _run_batch(self, batch: list[_Call[R]]) -> None:
        ids = list(dict.fromkeys(i for call in batch for i in call.ids))
        try:
            result = self._run(ids, batch[0].actor)
        except Exception as exc:
            if len(batch) == 1:
                batch[0].error = exc
            else:  # one call's failure must not be the others': each on its own
                for call in batch:
                    self._alone(call)
        else:
            for call in batch:
                call.result = self._part(result, call.ids)
        with self._cond:
            for call in batch:
                call.done = True

    def _alone(self, call: _Call[R]) -> None:
        try:
            call.result = self._run(list(call.ids), call.actor)
        except Exception as exc:
            call.error = exc

    @staticmethod
    def _outcome(call: _Call[R]) -> R:
        if call.error is not None:
            raise call.error
        assert call.result is not None
        return call.result
