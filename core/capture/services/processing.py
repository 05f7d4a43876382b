"""Processing a stored document: read it, validate each order, store orders and answers at once.

The document's row is the source of truth.  Processing is idempotent: a finished document is left
alone, the orders and the finished state are committed in one transaction, and a document that has
crashed its worker too often is quarantined instead of crashing it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy.exc import DataError, IntegrityError, OperationalError, StatementError

from core.capture.adapters.repository import FirstCopies
from core.capture.domain.documents import Channel, DocumentRecord, DocumentState, InboundDocument, ParseResult
from core.capture.domain.events import DocumentStored
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.capture.services.answers import Answers, EdiAnswers, Responder
from core.capture.services.collecting import Taken, store_together
from core.capture.services.order_changes import apply_captured_change
from core.capture.services.storing import Clock, Decided, Storing, Validator, decisions
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.events import AnswersQueued
from core.kernel.domain.model import Order
from core.kernel.errors import NotFound, TransientError
from core.kernel.services.runner import run_step

log = logging.getLogger(__name__)

Reader = Callable[[InboundDocument], ParseResult]
# asked first, in the transaction that takes the document up (its row held): what takes this document
# instead of being read as an order (a supplier's answer, say), run after that transaction; None: read it
Screen = Callable[[CaptureUnitOfWork, DocumentRecord], Callable[[], DocumentState] | None]
# asked with the job's own document just taken up: other documents taken up in the same transaction,
# to be read and stored with it (core/capture/services/collecting.py)
Collect = Callable[
    [CaptureUnitOfWork, DocumentRecord, Callable[[DocumentRecord, FirstCopies], Taken]], dict[int, Taken]
]


class Claims(Protocol):
    """Which documents a live worker is reading (core/capture/adapters/reading_claims.py)."""

    def take(self, document_id: int) -> bool: ...

    def release(self, document_id: int) -> None: ...

    def release_many(self, document_ids: Iterable[int]) -> None: ...


@dataclass(frozen=True)
class Outcome:
    """What one processing call stored: (id, PO number, decision, state) of each new order, in
    message order, and whether it queued answers ready to send (not drafts: those are rendered first)."""

    orders: list[Decided]
    answers_queued: bool


@dataclass
class DocumentProcessor:
    uow: CaptureUnitOfWork
    read: Reader
    validate: Validator
    edi_answers: Mapping[str, EdiAnswers]  # by channel; "*" for interchanges on the others
    clock: Clock
    publish: Callable[[list[object]], None]
    max_attempts: int = 5
    max_document_bytes: int = 20 * 1024 * 1024
    responders: Mapping[str, Responder] = field(default_factory=dict)  # by channel
    claims: Claims | None = None  # None: nobody else reads documents (one worker, tests)
    screen: Screen | None = None
    collect: Collect | None = None

    def __post_init__(self) -> None:
        self._answers = Answers(self.edi_answers, self.responders)
        self._storing = Storing(self.validate, self.clock, self._answers)
        self.outcome: Outcome | None = None
        self.outcomes: dict[int, Outcome] = {}  # by document: this call's own and those it collected
        self.collected: dict[int, Taken] = {}
        self.stored_together: dict[int, DocumentState] = {}  # the finished states a batch committed
        self.held_elsewhere = False  # the last call found the document read by another live worker

    def process(self, doc_id: int) -> DocumentState:
        """Take the document through reading, validation and storage; returns its final state.

        When this call stored the document's orders, `outcome` says what became of them and whether
        answers are waiting to be sent (None otherwise: the caller asks the database); `outcomes` says
        the same of every document this call stored, the ones it collected included."""
        self.outcome = None
        self.outcomes = {}
        self.stored_together = {}
        self.held_elsewhere = False
        if self.claims is None:
            return self._process(doc_id)
        if not self.claims.take(doc_id):
            # another copy of this job, while a live worker reads the document: that worker finishes
            # it; were it to die, its claim dies too and the broker or the sweep queues the job again
            log.info("document %s is being read by another worker; this copy of the job leaves it", doc_id)
            self.held_elsewhere = True
            with self.uow as uow:
                record = uow.documents.get(doc_id)
                if record is None:
                    raise NotFound(f"document {doc_id} does not exist")
                return record.state
        try:
            return self._process(doc_id)
        finally:
            self.claims.release(doc_id)

    def _process(self, doc_id: int) -> DocumentState:
        try:
            envelope = self._start(doc_id)
            if self.collected and isinstance(envelope, InboundDocument):
                return self._together(doc_id, envelope)
        finally:
            self._release_collected()
        if isinstance(envelope, DocumentState):
            return envelope
        if not isinstance(envelope, InboundDocument):
            return envelope()  # taken by the screen instead
        return self._alone(doc_id, envelope)

    def _alone(self, doc_id: int, envelope: InboundDocument) -> DocumentState:
        """The single path: the document read, then stored in a transaction of its own; a conflict is
        retried, a value the database refuses quarantines it."""
        result = self._read_safely(envelope)
        with self.uow as uow:
            uow.blobs.remember(envelope.sha256, envelope.content)  # the reply's draft reads them again
            record = uow.documents.get(doc_id, lock=True)
            assert record is not None
            if record.state.finished:
                return record.state
            try:
                decided = decisions(self._storing.apply(uow, record, envelope, result))
                uow.commit()
            except IntegrityError as exc:
                uow.rollback()
                done = uow.documents.get(doc_id)
                if done is not None and done.state.finished:  # another worker finished it meanwhile
                    return done.state
                raise TransientError(f"conflict while storing document {doc_id}: {exc.orig}") from exc
            except OperationalError as exc:
                # the database ended the transaction, not the document's fault (a deadlock it broke,
                # a lost connection): a retry succeeds; it would otherwise be caught just below
                uow.rollback()
                raise TransientError(f"database failure while storing document {doc_id}: {exc.orig}") from exc
            except (DataError, StatementError) as exc:
                # a value the database refuses (an absurd number, say): quarantine, do not retry
                uow.rollback()
                return self._quarantine(doc_id, f"could not store what was read: {exc.orig or exc}")
            state = record.state
        events = self.uow.collect_events()
        self.outcome = Outcome(decided, any(isinstance(e, AnswersQueued) for e in events))
        self.outcomes = {doc_id: self.outcome}
        self.publish(events)
        return state

    def _release_collected(self) -> None:
        collected, self.collected = self.collected, {}
        if self.claims is not None and collected:
            self.claims.release_many(collected)  # taken together by the collector: one statement

    def _together(self, doc_id: int, envelope: InboundDocument) -> DocumentState:
        """The job's own document and those collected with it, read and stored in one transaction,
        each document's outcome its own. On any failure (a value the database refuses, a conflict, a
        deadlock, a customer decided meanwhile, a bug) nothing of the batch is kept: this job's
        document is processed again alone, the others are queued again, alone, so each meets its own
        failure as it would have without the batch (one refused value quarantines that e-mail only)."""
        envelopes = {doc_id: envelope} | {
            i: t for i, t in self.collected.items() if isinstance(t, InboundDocument)
        }
        taken = [t for t in self.collected.values() if not isinstance(t, InboundDocument | DocumentState)]
        try:
            states = self._store_together(envelopes)
        except Exception:
            log.warning(
                "%d documents stored together failed; each is processed alone", len(envelopes), exc_info=True
            )
            others = [i for i in self.collected if i != doc_id]
            self._release_collected()
            self.publish([DocumentStored(i) for i in others])
            self.outcomes = {}
            return self._process(doc_id)
        for work in taken:  # a collected document the screen took (a supplier's): its own work
            try:
                work()
            except Exception:  # left waiting: the sweep queues it again, alone
                log.exception("a collected document's screen failed")
        return states[doc_id]

    def _store_together(self, envelopes: dict[int, InboundDocument]) -> dict[int, DocumentState]:
        states, decided = store_together(self.uow, envelopes, self._read_safely, self._storing)
        events = self.uow.collect_events()
        queued = {e.document_id for e in events if isinstance(e, AnswersQueued)}
        self.outcomes = {i: Outcome(orders, i in queued) for i, orders in decided.items()}
        self.outcome = self.outcomes.get(next(iter(envelopes)))
        self.stored_together = {i: state for i, state in states.items() if state.finished}
        self.publish(events)
        return states

    def _quarantine(self, doc_id: int, reason: str) -> DocumentState:
        with self.uow as uow:
            record = uow.documents.get(doc_id, lock=True)
            assert record is not None
            record.quarantine(reason[:2000], self.clock())
            uow.commit()
            return record.state

    def _start(self, doc_id: int) -> InboundDocument | DocumentState | Callable[[], DocumentState]:
        now = self.clock()
        self.collected = {}
        with self.uow as uow:
            record = uow.documents.get(doc_id, lock=True)
            if record is None:
                raise NotFound(f"document {doc_id} does not exist")
            finished = record.state.finished
            # the rows taken up are written together at the commit (one UPDATE for the job's own and
            # the collected ones): what is read meanwhile (copies, waiting arrivals other than this
            # one, bytes) does not depend on this row's new state
            with uow.writes_held():
                taken = self._take_up(uow, record, now)
                if isinstance(taken, InboundDocument) and self.collect is not None:
                    # more e-mails waiting, taken up in this transaction to be read and stored together
                    self.collected = self.collect(
                        uow, record, lambda other, copies: self._take_up(uow, other, now, copies)
                    )
            if not finished and isinstance(taken, InboundDocument | DocumentState):
                uow.commit()  # a screen that takes the document commits nothing here
            return taken

    def _take_up(
        self, uow: CaptureUnitOfWork, record: DocumentRecord, now: datetime, copies: FirstCopies | None = None
    ) -> InboundDocument | DocumentState | Callable[[], DocumentState]:
        """The first look at a document, its row held: finished, taken by the screen, given up,
        a copy of an earlier arrival, too large, or its envelope to read (the caller commits).
        `copies`: the batch's first copies, held and read at once (the collector's)."""
        if record.state.finished:
            return record.state
        taken = self.screen(uow, record) if self.screen is not None else None
        if taken is not None:
            return taken
        if record.attempts >= self.max_attempts:
            record.quarantine(f"gave up after {record.attempts} attempts that did not finish", now)
            return record.state
        first, same = self._first_copy(uow, record, copies)
        if first is not None:
            record.state = DocumentState.DUPLICATE
            record.duplicate_of = first
            record.problems = [
                Problem(
                    ProblemCode.DUPLICATE_DOCUMENT,
                    f"{same} arrived before as document {first}; no new orders",
                    severity=Severity.INFO,
                ).as_dict()
            ]
            record.updated_at = now
            return record.state
        if record.size > self.max_document_bytes:
            record.quarantine(
                f"{record.size / 2**20:.1f} MB is more than the {self.max_document_bytes / 2**20:.0f} MB"
                " allowed for one document (OMS_MAX_DOCUMENT_MB); it is kept, not read",
                now,
            )
            return record.state
        record.state = DocumentState.PROCESSING
        record.attempts += 1
        record.updated_at = now
        return record.envelope(uow.blobs.get(record.sha256))

    @staticmethod
    def _first_copy(
        uow: CaptureUnitOfWork, record: DocumentRecord, copies: FirstCopies | None
    ) -> tuple[int | None, str]:
        """The earlier arrival this one is a copy of, if any, and how it is the same; decided by one
        worker at a time (the copies held: here, or for the batch by `first_copies`)."""
        assert record.id is not None
        # e-mail, fax: the same Message-ID (job id) is the same message, however it travelled;
        # EDIFACT has its own rule (sender + control reference, in `interchanges`)
        by_message = bool(record.external_id) and record.channel != Channel.EDI
        by_id: int | None = None
        if copies is None:
            uow.documents.hold_copies(record.sha256, record.external_id)
            if by_message:  # both questions in one statement
                assert record.external_id is not None
                first, by_id = uow.documents.first_copy(
                    record.sha256, record.channel, record.external_id, before=record.id
                )
            else:
                first = uow.documents.first_with_hash(record.sha256, before=record.id)
        else:
            first = copies.with_hash(record)
        if first is not None or not by_message:
            return first, "the same bytes"
        assert record.external_id is not None
        if copies is not None:
            by_id = copies.with_external_id(record)
        return by_id, f"the same message ({record.external_id[:200]})"

    def _read_safely(self, envelope: InboundDocument) -> ParseResult:
        try:
            return self.read(envelope)
        except Exception as exc:  # a reader bug must quarantine the document, not kill the worker
            log.exception("reader failed on %s", envelope.original_name)
            return ParseResult(format="unknown", error=f"internal error while reading: {exc!r}")

    def apply_change(self, captured: CapturedOrder, customer_id: str | None, actor: str) -> dict[str, str]:
        """A buyer's change message (ORDCHG) applied to the order it changes, in a transaction of its own."""
        return run_step(
            lambda: self.uow,
            self.clock,
            self.publish,
            lambda uow, now: apply_captured_change(uow, captured, customer_id, actor, now),
        )

    def answer_decided(self, uow: CaptureUnitOfWork, order: Order, now: datetime) -> int:
        """Queue the answer to one order decided later (approved or rejected in review)."""
        return self._answers.decided_later(uow, order, now)
