"""Answering a document's orders on the channel they came on: EDIFACT (a CONTRL per interchange
owed one, an ORDRSP per decided order, through the partner's control-reference sequence), or the
channel's responder (an e-mail reply, a fax back); each answer queued in the outbox.

An answer that is costly to render (the e-mail reply with its PDF confirmation) is queued as a draft:
the outbox row exists from the decision on (so it is owed exactly once), and `render_drafts`, in a job
of its own, fills in its content before anything may send it.

The channels are the composition root's: `edi_answers` holds the EDIFACT writer of each channel that
carries interchanges and answers on itself, and under "*" the one for interchanges that came another
way (attached to an e-mail); `responders` the other channels' responders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Protocol, runtime_checkable

from core.capture.domain.documents import DocumentRecord
from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.mail_headers import Original
from core.capture.domain.partners import known_partner
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.events import AnswersDrafted, AnswersQueued
from core.kernel.domain.model import Decision, Order, OutboundMessage, Partner


class EdiAnswers(Protocol):
    """Renders EDIFACT answers; the partner's control-reference sequence is advanced by the caller."""

    def order_responses(
        self, orders: Sequence[Order], partner: Partner, control_ref: str, now: datetime
    ) -> OutboundMessage: ...

    def contrl(
        self, receipt: InterchangeReceipt, partner: Partner, control_ref: str, now: datetime
    ) -> OutboundMessage: ...


class Responder(Protocol):
    """Answers decided orders on a non-EDIFACT channel (an e-mail reply, a fax back).

    Called inside the processing transaction; returns the outbox messages to queue (rendered now,
    delivered by the answers job), and may read master data through `uow`.
    """

    def respond(
        self, uow: CaptureUnitOfWork, record: DocumentRecord, orders: Sequence[Order], now: datetime
    ) -> list[OutboundMessage]: ...


@runtime_checkable
class DraftingResponder(Responder, Protocol):
    """A responder whose answers are rendered later, off the intake path (the e-mail reply's PDF).

    `draft` is called inside the processing transaction and returns the outbox rows with empty
    content and, in `draft`, what rendering needs; `render` makes the content from such a row, the
    orders it answers and the stored original, the same bytes however often it runs. `original`: what
    the reader read of an e-mail's headers for its answer, when it did (else `draft` reads them).
    """

    def draft(
        self,
        uow: CaptureUnitOfWork,
        record: DocumentRecord,
        orders: Sequence[Order],
        now: datetime,
        original: Original | None = None,
    ) -> list[OutboundMessage]: ...

    def render(
        self,
        uow: CaptureUnitOfWork,
        record: DocumentRecord,
        orders: Sequence[Order],
        message: OutboundMessage,
    ) -> bytes: ...


ANY = "*"


@dataclass(frozen=True)
class Answers:
    edi_answers: Mapping[str, EdiAnswers]  # by the channel the interchange came on; ANY for the rest
    responders: Mapping[str, Responder]  # by channel

    def writer(self, record: DocumentRecord, partner: Partner) -> EdiAnswers:
        """The EDIFACT writer answering the partner: on its agreed channel, else on the one the
        interchange came on."""
        found = self.edi_answers.get(partner.channel or str(record.channel)) or (
            None if partner.channel else self.edi_answers.get(ANY)
        )
        if found is None:
            raise LookupError(f"no EDIFACT writer answers interchanges that came by {record.channel}")
        return found

    def for_document(
        self,
        uow: CaptureUnitOfWork,
        record: DocumentRecord,
        receipts: tuple[InterchangeReceipt, ...],
        contrls: list[InterchangeReceipt],
        orders: list[Order],
        now: datetime,
        original: Original | None = None,
    ) -> int:
        """Queue what a processed document's sender is owed, and say so (the events that send or
        render it after commit); returns how many messages. `original`: what the reader read of an
        e-mail's headers for its answer (the reply's draft then does not parse them again)."""
        if receipts:
            count = self._edifact(uow, record, receipts, contrls, orders, now)
            if count:
                uow.emit(AnswersQueued(_id(record)))
            return count
        responder = self.responders.get(str(record.channel))
        decided = [o for o in orders if o.decision != Decision.REVIEW]
        if responder is None or not decided:
            return 0
        messages = _respond(responder, uow, record, decided, now, original)
        for msg in messages:
            self.queue(uow, msg, record)
        announce(uow, _id(record), messages)
        return len(messages)

    def _edifact(
        self,
        uow: CaptureUnitOfWork,
        record: DocumentRecord,
        receipts: tuple[InterchangeReceipt, ...],
        contrls: list[InterchangeReceipt],
        orders: list[Order],
        now: datetime,
    ) -> int:
        """Queue the EDIFACT answers owed: the CONTRLs, and an ORDRSP per decided (not reviewed) order.

        Each partner's answers are rendered first and numbered last (`_numbered`), so its row is
        locked only for the last statements of the transaction, not while the answers are written.
        """
        partners = {r.sender_id: self.partner(uow, r) for r in receipts}
        owed: dict[str, list[Callable[[str], OutboundMessage]]] = {}
        for receipt in contrls:
            found = partners[receipt.sender_id]
            if found is None:  # no address we trust: the CONTRL is withheld, the orders are in review
                continue
            contrl = partial(_contrl, self.writer(record, found[0]), receipt, found[1], now)
            owed.setdefault(receipt.sender_id, []).append(contrl)
        decided: dict[str, list[Order]] = {}
        for order in orders:
            if order.partner_id and partners.get(order.partner_id) and order.decision != Decision.REVIEW:
                decided.setdefault(order.partner_id, []).append(order)
        for partner_id, answered in decided.items():
            found = partners[partner_id]
            assert found is not None
            ordrsp = partial(_ordrsp, self.writer(record, found[0]), answered, found[1], now)
            owed.setdefault(partner_id, []).append(ordrsp)
        count = 0
        for partner_id, found in sorted(partners.items()):  # one lock order for every transaction
            if found is None:
                continue
            for msg in _numbered(uow, found[0], found[1], owed.get(partner_id, [])):
                self.queue(uow, msg, record)
                count += 1
        return count

    def decided_later(self, uow: CaptureUnitOfWork, order: Order, now: datetime) -> int:
        """Queue the answer to one order decided later (approved or rejected in review).

        An ORDRSP is rendered first and numbered last (`_numbered`), as at intake: the partner's row
        is locked from the taking of its control reference to the commit, not while it is written.
        """
        record = uow.documents.get(order.document_id)
        assert record is not None and record.id is not None
        messages: list[OutboundMessage] = []
        partner = uow.partners.get(order.partner_id) if order.partner_id else None
        if partner is not None and partner.configured:
            ordrsp = partial(_ordrsp, self.writer(record, partner), [order], partner, now)
            messages.extend(_numbered(uow, partner, partner, [ordrsp]))
        elif (responder := self.responders.get(str(record.channel))) is not None:
            messages.extend(_respond(responder, uow, record, [order], now))
        for msg in messages:
            self.queue(uow, msg, record)
        announce(uow, record.id, messages)
        return len(messages)

    @staticmethod
    def queue(uow: CaptureUnitOfWork, msg: OutboundMessage, record: DocumentRecord) -> None:
        msg.document_id = record.id
        uow.outbound.add(msg)

    @staticmethod
    def partner(uow: CaptureUnitOfWork, receipt: InterchangeReceipt) -> tuple[Partner, Partner] | None:
        """The configured partner the interchange came from, or None: no sender is ever stored from
        what an interchange says, and none is answered unless `oms import partners` configured it.

        Returns the stored partner, read without a lock, and a copy of it to answer as: in the
        syntax they wrote in, from the id they addressed us by (stored when its numbers are taken).
        """
        stored = known_partner(receipt, uow.partners.get(receipt.sender_id))
        if stored is None or not stored.accepts_syntax(receipt.syntax_id):
            return None
        answering = replace(stored, syntax_id=receipt.syntax_id, syntax_version=receipt.syntax_version)
        if not answering.our_id:
            answering.our_id, answering.our_qualifier = receipt.recipient_id, receipt.recipient_qualifier
        return stored, answering


def announce(uow: CaptureUnitOfWork, document_id: int, messages: Sequence[OutboundMessage]) -> None:
    """The events for a document's newly queued answers: rendered ones go out, drafts get rendered."""
    if any(m.draft is None for m in messages):
        uow.emit(AnswersQueued(document_id))
    if any(m.draft is not None for m in messages):
        uow.emit(AnswersDrafted(document_id))


def render_drafts(
    uow: CaptureUnitOfWork, document_ids: int | Sequence[int], responders: Mapping[str, Responder]
) -> int:
    """Render documents' draft answers, their rows locked; returns how many (the caller commits).
    Several documents (a batch's) are read together: their drafts, orders and products at once.

    A second run, at once or after a worker was killed, finds the rows rendered (or waits for the
    lock, then does) and renders nothing again; the rows stay pending until a delivery sends them.
    """
    drafts = uow.outbound.drafts_for_documents(_ids(document_ids))
    for message, content in _render(uow, drafts, responders):
        message.content = content
        message.draft = None
    return len(drafts)


def render_unlocked(
    uow: CaptureUnitOfWork, document_ids: int | Sequence[int], responders: Mapping[str, Responder]
) -> dict[int, bytes]:
    """Documents' draft answers rendered from what `uow` reads, nothing locked nor written: the
    content by message id, for `store_rendered` to keep in a transaction of its own.

    `uow` may be a unit of work that only reads: on SQLite the layout of the PDFs then holds up no
    writer (the SMTP receiver storing an arrival waited for it). Two renders of one draft say the
    same but need not be the same bytes (the e-mail's MIME boundary is random): the first one stored
    is the answer, and a second renderer at the same time only spends its time."""
    drafts = uow.outbound.drafts_for_documents(_ids(document_ids), lock=False)
    rendered: dict[int, bytes] = {}
    for message, content in _render(uow, drafts, responders):
        assert message.id is not None
        rendered[message.id] = content
    return rendered


def store_rendered(uow: CaptureUnitOfWork, rendered: Mapping[int, bytes]) -> int:
    """Keep what `render_unlocked` made in the rows still pending drafts; returns how many (the
    caller commits). A row rendered meanwhile by another job, sent or not, keeps its content: its
    answer is stored once, and what went out is what the row holds."""
    return len(uow.outbound.fill_drafts(rendered)) if rendered else 0


def _render(
    uow: CaptureUnitOfWork, drafts: Sequence[OutboundMessage], responders: Mapping[str, Responder]
) -> list[tuple[OutboundMessage, bytes]]:
    """Each draft with its content, its orders, products and documents read at once."""
    if not drafts:
        return []
    loaded = uow.orders.by_ids(int(i) for m in drafts for i in (m.draft or {}).get("orders", []))
    # the replies name each line's product: read them at once, not one statement a line
    uow.master.prefetch_products((ln.sku for o in loaded.values() for ln in o.lines if ln.sku), terms=False)
    records = uow.documents.get_many(m.document_id for m in drafts if m.document_id is not None)
    out: list[tuple[OutboundMessage, bytes]] = []
    for message in drafts:
        assert message.draft is not None and message.document_id is not None
        record = records[message.document_id]
        responder = responders.get(str(record.channel))
        if not isinstance(responder, DraftingResponder):
            raise LookupError(f"no responder renders the drafts of channel {record.channel}")
        orders = [loaded[int(i)] for i in message.draft.get("orders", []) if int(i) in loaded]
        out.append((message, responder.render(uow, record, orders, message)))
    return out


def _ids(document_ids: int | Sequence[int]) -> list[int]:
    return [document_ids] if isinstance(document_ids, int) else list(document_ids)


def _numbered(
    uow: CaptureUnitOfWork,
    stored: Partner,
    answering: Partner,
    makers: Sequence[Callable[[str], OutboundMessage]],
) -> list[OutboundMessage]:
    """A partner's answers, each made with its control reference, the numbers taken last.

    They are made with the numbers the sequence stood at when read, then taken in one conditional
    `UPDATE`. If another transaction took numbers meanwhile, the row is locked, read again and the
    answers made again with the next free numbers: gapless and never twice, whoever commits first.
    """
    learned = {
        "syntax_id": answering.syntax_id,
        "syntax_version": answering.syntax_version,
        "our_id": answering.our_id,
        "our_qualifier": answering.our_qualifier,
    }
    if not makers and all(getattr(stored, name) == value for name, value in learned.items()):
        return []  # nothing to number, nothing new learned: the row is not touched
    first = stored.next_control_ref
    made = [make(str(first + n)) for n, make in enumerate(makers)]
    if uow.partners.advance(stored, first, len(makers), learned):
        return made
    locked = uow.partners.get(stored.partner_id, lock=True)
    assert locked is not None
    first = locked.next_control_ref
    made = [make(str(first + n)) for n, make in enumerate(makers)]
    taken = uow.partners.advance(locked, first, len(makers), learned)
    assert taken, "the sequence moved under our lock"
    return made


def _ordrsp(
    writer: EdiAnswers, orders: Sequence[Order], partner: Partner, now: datetime, ref: str
) -> OutboundMessage:
    msg = writer.order_responses(orders, partner, ref, now)
    msg.order_id = orders[0].id if len(orders) == 1 else None
    return msg


def _contrl(
    writer: EdiAnswers, receipt: InterchangeReceipt, partner: Partner, now: datetime, ref: str
) -> OutboundMessage:
    return writer.contrl(receipt, partner, ref, now)


def _respond(
    responder: Responder,
    uow: CaptureUnitOfWork,
    record: DocumentRecord,
    orders: Sequence[Order],
    now: datetime,
    original: Original | None = None,
) -> list[OutboundMessage]:
    if isinstance(responder, DraftingResponder):
        return responder.draft(uow, record, orders, now, original)
    return responder.respond(uow, record, orders, now)


def _id(record: DocumentRecord) -> int:
    assert record.id is not None
    return record.id
