"""The fax channel's answer to a decided order: a confirmation PDF back to the customer who faxed it.

The fax channel's responder; called in the processing transaction for accepted and rejected
orders, and again when review decides one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from core.capture.domain.documents import DocumentRecord
from core.kernel.domain.model import Customer, Order, OutboundMessage
from core.kernel.domain.phone import normalise_phone
from outbound.confirmation import Letterhead
from outbound.fax.gateway import confirmation_by_fax

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
        out: list[OutboundMessage] = []
        for order in orders:
            customer = uow.master.customer(order.customer_id) if order.customer_id else None
            number = self.number_for(record, customer)
            if number is None:
                log.warning("order %s of document %s: no fax number to answer to", order.id, record.id)
                continue
            language = language_for(customer, number)
            out.append(confirmation_by_fax(order, customer, number, language, now, self.letterhead))
        return out
