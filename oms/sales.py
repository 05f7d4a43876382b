"""Wires the sales side: prospects and quotes over the unit of work, quotes offered through the e-mail
channel's writer, and an accepted quote handed to intake as a stored document so that its order is
read, checked and run like every other order (and the same acceptance stored twice makes one order)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from core.capture.domain.documents import Channel, InboundDocument
from core.catalog.domain.quotes import ACCEPTANCE_MEDIA_TYPE, Quote
from core.catalog.services import catalogues, sales
from core.unit_of_work import UnitOfWork
from outbound.edifact.pricat import pricat_for
from outbound.email.quote import quote_message


@dataclass
class Sales:
    uow: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]
    publish: Callable[[list[object]], None]
    submit: Callable[[InboundDocument], int]

    def send(self, quote_id: int) -> Quote:
        uow = self.uow()
        quote = sales.send_quote(uow, quote_id, quote_message, self.clock())
        self.publish(uow.collect_events())
        return quote

    def accept(self, quote_id: int, by: str) -> tuple[Quote, int]:
        """Record the customer's acceptance and store it as an order document; returns the quote and
        the document's id. Asked again after a crash in between, it stores the same bytes again, which
        processing recognises as the same document."""
        now = self.clock()
        quote = sales.accept(self.uow(), quote_id, by, now)
        doc = InboundDocument(
            channel=Channel.UPLOAD,
            content=quote.acceptance(),
            received_at=now,
            original_name=f"{quote.number}.json",
            sender=by,
            external_id=f"quote:{quote.number}",
            media_type=ACCEPTANCE_MEDIA_TYPE,
        )
        document_id = self.submit(doc)
        sales.stored_as(self.uow(), quote_id, document_id)
        quote.document_id = document_id
        return quote, document_id

    def send_pricat(self, catalogue_id: int) -> list[str]:
        """The catalogue as PRICAT to every EDI partner ordering for a customer of its group."""
        uow = self.uow()
        sent = catalogues.send_pricat(uow, catalogue_id, pricat_for, self.clock())
        self.publish(uow.collect_events())
        return sent
