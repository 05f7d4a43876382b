"""The jobs of one kind (the render jobs, the report refreshes) this process queued by document and has
not run (embedded queue only): one that starts takes up, beside its own documents, those the others
were queued for, and their jobs then end at once (the fixed work of a job, its transactions and reads,
spent once instead of once a job). The rules below say "render"; a refresh reads its documents' orders
where a render reads their drafts, and both are queued after what they read was committed.

Counted by document, not by job: every render job queued for a document adds one to its `queued`;
a job that starts takes one of its documents' units, and a job that takes a document's waiting units
up moves them to `taken`. A job that starts and finds one of its documents `taken` leaves it: the job
that took it reads the document's drafts after taking it, so after every draft its queued jobs were
queued for (a job is queued after its drafts' commit). A job of a document with nothing counted (a
retry, a job this process did not queue) renders it. Every unit is given up by exactly one start, so
a document with a job queued after a draft is read again after it, whichever job does it.

If the job that took documents up fails, it gives their units back (`give_back`): a job still waiting
for a document renders it itself; for one whose job already ended, a new job is queued. Then the job
renders its own documents alone (the collector's rule for processing: a failure costs the batch, not
a neighbour's answer). A process that dies loses its queue and this with it: the start-up sweep
queues every draft again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

RENDER_JOB = "render_answers"
REFRESH_JOB = "refresh_report_document"
# Most documents one render job renders, its own included: a render reads every draft, order and
# document at once, and keeps them in one short write (the SMTP receiver's insert waits for it).
TAKE_UP_MOST = 32


class Sends(Protocol):
    def send(self, name: str, ident: Any) -> None: ...


@dataclass
class _Units:
    queued: int = 0  # render jobs queued for the document, not started, not taken up
    taken: int = 0  # of those, taken up by a job that reads the document after taking them


@dataclass
class Backlog:
    """The documents of the `job` jobs this process queued, counted (module docstring)."""

    job: str
    most: int = TAKE_UP_MOST
    _units: dict[int, _Units] = field(default_factory=dict)  # in the order first queued
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def queued(self, document_ids: Iterable[int]) -> None:
        """A render job is about to be queued for these documents (before it may start)."""
        with self._lock:
            for doc in document_ids:
                self._units.setdefault(doc, _Units()).queued += 1

    def start(self, document_ids: Sequence[int]) -> tuple[list[int], dict[int, int]]:
        """A render job for `document_ids` starts: its documents to render (none: it ends at once),
        and the documents it takes up with them, each with the units taken (give them back if it fails).
        A job that renders nothing takes nothing up."""
        with self._lock:
            own: list[int] = []
            for doc in dict.fromkeys(document_ids):
                units = self._units.get(doc)
                if units is not None and units.taken:
                    units.taken -= 1  # taken up by a job that reads its drafts after they were queued
                else:
                    own.append(doc)
                    if units is not None and units.queued:
                        units.queued -= 1
                self._drop(doc)
            if not own:
                return [], {}
            room = self.most - len(own)
            taken: dict[int, int] = {}
            for doc, units in self._units.items():
                if units.queued and (doc in own or room > 0):
                    room -= doc not in own
                    taken[doc] = units.queued
                    units.taken += units.queued
                    units.queued = 0
            return own, taken

    def give_back(self, taken: dict[int, int]) -> list[int]:
        """A job that took these units up failed: each waiting job renders its document itself again;
        returns the documents whose jobs already ended on them (a new job must be queued for them)."""
        with self._lock:
            again: list[int] = []
            for doc, count in taken.items():
                units = self._units.setdefault(doc, _Units())
                back = min(count, units.taken)
                units.taken -= back
                units.queued += back
                if back < count:
                    again.append(doc)
                self._drop(doc)
            return again

    def noting(self, jobs: Sends) -> Sends:
        """`jobs` with every `job` job it queues counted here first (the others passed on as they are)."""
        return _Noting(jobs, self)

    def _drop(self, doc: int) -> None:
        units = self._units.get(doc)
        if units is not None and not units.queued and not units.taken:
            del self._units[doc]


@dataclass
class RenderBacklog(Backlog):
    """The render jobs' backlog."""

    job: str = RENDER_JOB


@dataclass(frozen=True)
class _Noting:
    jobs: Sends
    backlog: Backlog

    def send(self, name: str, ident: Any) -> None:
        if name == self.backlog.job:
            self.backlog.queued(int(i) for i in (ident if isinstance(ident, list | tuple) else [ident]))
        self.jobs.send(name, ident)
