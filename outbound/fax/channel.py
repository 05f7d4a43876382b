"""The fax channel: a confirmation faxed back to whoever faxed the order, notices and billing documents
as fax pages, all handed to the fax server through its spool folder (`outbox/fax/`); the fax inbox
and its sidecar files are read in `ingest/`."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from core.kernel.domain.model import Customer, Order
from outbound.channel import Channel
from outbound.confirmation import Letterhead
from outbound.fax.answer import FaxResponder
from outbound.fax.billing import FaxBilling
from outbound.fax.gateway import CHANNEL, FaxGateway, FaxSender, SpoolFaxGateway
from outbound.fax.notice import FaxNotifier
from outbound.fax.purchase import FaxPurchase


class OutboxSettings(Protocol):
    """What the fax channel reads of the settings."""

    @property
    def outbox(self) -> Path: ...


class FaxChannel(Channel):
    """Answers and tells customers by fax, at the number master data has for them."""

    name = CHANNEL
    label = "Fax"
    colour = "#b26a00"
    fallback = True
    settings: tuple[str, ...] = ("data_dir",)  # the spool folder under it

    def __init__(self, gateway: FaxGateway, letterhead: Letterhead | None = None) -> None:
        self.responder = FaxResponder(letterhead)
        self.notifier = FaxNotifier(letterhead)
        self.billing = FaxBilling(letterhead)
        self.purchase = FaxPurchase(letterhead)
        self.sender = FaxSender(gateway)

    @classmethod
    def from_settings(cls, settings: OutboxSettings) -> FaxChannel:
        return cls(SpoolFaxGateway(settings.outbox / "fax"))

    def recipient(self, order: Order, customer: Customer | None) -> str | None:
        return customer.fax if customer else None
