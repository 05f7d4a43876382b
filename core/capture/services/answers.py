"""Answering a document's orders on the channel they came on: EDIFACT (a CONTRL per interchange
owed one, an ORDRSP per decided order, through the partner's control-reference sequence), or the
channel's responder (an e-mail reply, a fax back); each answer queued in the outbox.

The channels are the composition root's: `edi_answers` holds the EDIFACT writer of each channel that
carries interchanges and answers on itself, and under "*" the one for interchanges that came another
way (attached to an e-mail); `responders` the other channels' responders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from core.capture.domain.documents import DocumentRecord
from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.partners import known_partner
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.events import AnswersQueued
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
    ) -> int:
        """Queue what a processed document's sender is owed; returns how many messages."""
        if receipts:
            return self._edifact(uow, record, receipts, contrls, orders, now)
        responder = self.responders.get(str(record.channel))
        decided = [o for o in orders if o.decision != Decision.REVIEW]
        if responder is None or not decided:
            return 0
        messages = responder.respond(uow, record, decided, now)
        for msg in messages:
            self.queue(uow, msg, record)
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
        """Queue the EDIFACT answers owed: the CONTRLs, and an ORDRSP per decided (not reviewed) order."""
        count = 0
        partners = {r.sender_id: self.partner(uow, r) for r in receipts}
        for receipt in contrls:
            partner = partners[receipt.sender_id]
            if partner is None:  # no address we trust: the CONTRL is withheld, the orders are in review
                continue
            writer = self.writer(record, partner)
            msg = writer.contrl(receipt, partner, partner.take_control_ref(), now)
            self.queue(uow, msg, record)
            count += 1
        decided: dict[str, list[Order]] = {}
        for order in orders:
            if order.partner_id and partners.get(order.partner_id) and order.decision != Decision.REVIEW:
                decided.setdefault(order.partner_id, []).append(order)
        for partner_id, answered in decided.items():
            partner = partners[partner_id]
            assert partner is not None
            msg = self.writer(record, partner).order_responses(
                answered, partner, partner.take_control_ref(), now
            )
            msg.order_id = answered[0].id if len(answered) == 1 else None
            self.queue(uow, msg, record)
            count += 1
        return count

    def decided_later(self, uow: CaptureUnitOfWork, order: Order, now: datetime) -> int:
        """Queue the answer to one order decided later (approved or rejected in review)."""
        record = uow.documents.get(order.document_id)
        assert record is not None and record.id is not None
        messages: list[OutboundMessage] = []
        partner = uow.partners.get(order.partner_id, lock=True) if order.partner_id else None
        if partner is not None and partner.configured:
            msg = self.writer(record, partner).order_responses(
                [order], partner, partner.take_control_ref(), now
            )
            msg.order_id = order.id
            messages.append(msg)
        elif (responder := self.responders.get(str(record.channel))) is not None:
            messages.extend(responder.respond(uow, record, [order], now))
        for msg in messages:
            self.queue(uow, msg, record)
        if messages:
            uow.emit(AnswersQueued(record.id))
        return len(messages)

    @staticmethod
    def queue(uow: CaptureUnitOfWork, msg: OutboundMessage, record: DocumentRecord) -> None:
        msg.document_id = record.id
        uow.outbound.add(msg)

    @staticmethod
    def partner(uow: CaptureUnitOfWork, receipt: InterchangeReceipt) -> Partner | None:
        """The configured partner the interchange came from, or None: no sender is ever stored from
        what an interchange says, and none is answered unless `oms import partners` configured it."""
        partner = known_partner(receipt, uow.partners.get(receipt.sender_id, lock=True))
        if partner is not None and partner.accepts_syntax(receipt.syntax_id):
            # answer in the syntax they wrote in, from the id they addressed us by
            partner.syntax_id, partner.syntax_version = receipt.syntax_id, receipt.syntax_version
            if not partner.our_id:
                partner.our_id, partner.our_qualifier = receipt.recipient_id, receipt.recipient_qualifier
            return partner
        return None
