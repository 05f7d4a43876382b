"""The fax channel's answer to a decided order: a confirmation PDF back to the customer who faxed it.

The fax channel's responder, a `DraftingResponder` (core.capture.services.answers): the processing
transaction (or review deciding an order) only drafts the outbox row, one per order, with the number
and language fixed; the `render_answers` job renders the PDF, the same bytes however often it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from core.capture.domain.documents import DocumentRecord
from core.capture.domain.mail_headers import Original
from core.kernel.domain.model import Customer, Order, OutboundKind, OutboundMessage
from core.kernel.domain.phone import normalise_phone
from outbound.confirmation import Letterhead
from outbound.fax.gateway import CHANNEL, confirmation_by_fax, confirmation_name

log = logging.getLogger(__name__)


class _Customers(Protocol):
    def customer(self, customer_id: str) -> Customer | None: ...


class Reads(Protocol):
    """What the responder reads inside the processing transaction: master data's customers."""

    @property
    def master(self) -> _Customers: ...


def language_for(customer: Customer | None, number: str) -> str:
    """The customer's language from master data; failing that, Spanish for Spanish numbers."""
    if customer is not None and customer.language:
        return customer.language.lower()[:2]
    return "es" if number.startswith("+34") else "en"


class FaxResponder:
    """Renders a confirmation for each decided order of a fax document, addressed to its sender."""

    def __init__(self, letterhead: Letterhead | None = None, home_country: str = "ES") -> None:
        self.letterhead = letterhead
        self.home_country = home_country

    def number_for(self, record: DocumentRecord, customer: Customer | None) -> str | None:
        """The customer's fax on file when we know the customer; otherwise the sending number.

        The sending number may have been read by OCR from the header line, and a misread digit would
        send the order to a stranger; the number on file reaches the customer whatever was misread.
        """
        if customer is not None and customer.fax:
            on_file = normalise_phone(customer.fax, customer.country or self.home_country)
            if on_file:
                return on_file
        return normalise_phone(record.sender, self.home_country) if record.sender else None

    def respond(
        self, uow: Reads, record: DocumentRecord, orders: Sequence[Order], now: datetime
    ) -> list[OutboundMessage]:
        """The confirmations drafted and rendered at once."""
        out: list[OutboundMessage] = []
        for order in orders:
            for message in self.draft(uow, record, [order], now):
                message.content = self.render(uow, record, [order], message)
                message.draft = None
                out.append(message)
        return out

    def draft(
        self,
        uow: Reads,
        record: DocumentRecord,
        orders: Sequence[Order],
        now: datetime,
        original: Original | None = None,
    ) -> list[OutboundMessage]:
        """One outbox row per order, owed from now on: the number and language chosen now, the PDF
        left to `render` in a job off the intake path (`original`, an e-mail's headers, is not read)."""
        out: list[OutboundMessage] = []
        for order in orders:
            customer = uow.master.customer(order.customer_id) if order.customer_id else None
            number = self.number_for(record, customer)
            if number is None:
                log.warning("order %s of document %s: no fax number to answer to", order.id, record.id)
                continue
            out.append(
                OutboundMessage(
                    channel=CHANNEL,
                    kind=OutboundKind.REPLY,
                    recipient=number,
                    filename=confirmation_name(order, now),
                    content=b"",
                    created_at=now,
                    order_id=order.id,
                    draft={"orders": [order.id], "language": language_for(customer, number)},
                )
            )
        return out

    def render(
        self, uow: Reads, record: DocumentRecord, orders: Sequence[Order], message: OutboundMessage
    ) -> bytes:
        """The confirmation drafted as `message` (its one order), dated as the draft."""
        (order,) = orders
        customer = uow.master.customer(order.customer_id) if order.customer_id else None
        language = str((message.draft or {}).get("language") or language_for(customer, message.recipient))
        return confirmation_by_fax(
            order, customer, message.recipient, language, message.created_at, self.letterhead
        ).content
