"""The collector: one processing job takes up, beside its own document, e-mails stored and still
waiting, so that they are read, decided and stored in one transaction (their commit, and the jobs
their events set off, shared) instead of one job and two transactions each.

Only documents never taken up are collected (no attempt yet), and only by a job on its document's
first attempt: a document that was in a batch when its worker died is taken up alone the next time,
so one that kills its worker is quarantined by itself, never its neighbours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from core.capture.adapters.repository import FirstCopies
from core.capture.domain.documents import Channel, DocumentRecord, DocumentState, InboundDocument, ParseResult
from core.capture.services.duplicates import BatchRecent
from core.capture.services.storing import Decided, Storing, decisions
from core.capture.services.unit_of_work import CaptureUnitOfWork

# what taking a document up came to: its envelope to read, a state it was left in, or what takes it
Taken = InboundDocument | DocumentState | Callable[[], DocumentState]


class Claiming(Protocol):
    """Which documents a live worker is reading (core/capture/adapters/reading_claims.py)."""

    def take_many(self, document_ids: Sequence[int]) -> list[int]: ...


@dataclass(frozen=True)
class Collector:
    """Collects up to `size - 1` waiting documents of the channels given beside a job's own."""

    size: int
    claims: Claiming | None = None  # None: nobody else reads documents (one worker, tests)
    channels: frozenset[Channel] = frozenset({Channel.EMAIL})

    def __call__(
        self,
        uow: CaptureUnitOfWork,
        record: DocumentRecord,
        take_up: Callable[[DocumentRecord, FirstCopies], Taken],
    ) -> dict[int, Taken]:
        """`record` is the job's own document, just taken up for its first attempt; returns the others
        taken up with it (each claimed: a copy of its own job leaves it to this one), in order, each
        asked whether it is a copy of an earlier arrival, one of the batch's included."""
        if self.size <= 1 or record.channel not in self.channels or record.attempts != 1:
            return {}
        assert record.id is not None
        waiting = uow.documents.waiting(record.channel, besides=record.id, limit=self.size - 1)
        claimed = waiting
        if self.claims is not None:  # all claimed at once: one statement for the batch
            mine = set(self.claims.take_many([o.id for o in waiting if o.id is not None]))
            claimed = [o for o in waiting if o.id in mine]
        if not claimed:
            return {}
        uow.blobs.prefetch(other.sha256 for other in claimed)  # one statement, not one a document
        copies = uow.documents.first_copies(claimed)  # one statement, not two a document
        taken: dict[int, Taken] = {}
        for other in claimed:
            assert other.id is not None
            taken[other.id] = take_up(other, copies)
        return taken


def store_together(
    uow: CaptureUnitOfWork,
    envelopes: dict[int, InboundDocument],
    read: Callable[[InboundDocument], ParseResult],
    storing: Storing,
) -> tuple[dict[int, DocumentState], dict[int, list[Decided]]]:
    """The batch's path: every taken-up document read, then each stored through the same
    `Storing.apply` as alone, in one transaction and one commit (the caller publishes its events).
    Returns each document's state and what became of the new orders of those stored now. Any
    failure raises, nothing kept: the caller processes each document alone again."""
    results = {i: read(e) for i, e in envelopes.items()}
    states: dict[int, DocumentState] = {}
    decided: dict[int, list[Decided]] = {}
    with uow:
        records = uow.documents.get_many(envelopes, lock=True)  # one statement, not one a document
        batch = BatchRecent(uow)  # each customer's earlier orders read once for the batch, not per e-mail
        # the documents' final states and reply drafts flushed together at the commit, not each by the
        # next document's first read: one UPDATE for the batch's rows. Nothing storing reads looks at
        # them (documents are read above, orders go in at once by `insert_new`, drafts are not read).
        # The orders' lines go in together too, before the first read that could look for them (the
        # duplicate checks' reads of a customer's earlier orders) or at the block's end.
        # Their new answers (reply drafts) go in together too, at the block's end: on SQLite one
        # statement for the batch instead of one INSERT … RETURNING each (their ids are read by
        # nobody here: the render job loads the drafts again).
        with uow.writes_held(), uow.orders.lines_held(), uow.outbound.new_held():
            for doc_id, envelope in envelopes.items():
                uow.blobs.remember(envelope.sha256, envelope.content)  # the reply's draft reads them again
                record = records[doc_id]
                if not record.state.finished:
                    decided[doc_id] = decisions(storing.apply(uow, record, envelope, results[doc_id], batch))
                states[doc_id] = record.state
        batch.confirm()  # every document's duplicate questions asked again at once, the customers held
        uow.commit()
    return states, decided
