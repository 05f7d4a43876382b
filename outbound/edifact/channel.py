"""The EDIFACT channel: interchanges dropped into a folder, answered with interchanges written into the
outbox folder a translator or VAN client collects from (`outbox/edi/<partner>/`).

Its writers (ORDRSP and CONTRL for an interchange, ORDRSP and DESADV for status changes, INVOIC for
billing, ORDERS to suppliers) serve any channel that carries EDIFACT: AS2 reuses them under its own name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from core.kernel.domain.model import Customer, Order
from outbound.channel import Channel, Sender
from outbound.edifact.answers import EdifactAnswers
from outbound.edifact.billing import EdifactBilling
from outbound.edifact.invoic import Seller
from outbound.edifact.notices import EdifactNotifier
from outbound.edifact.orders import EdifactPurchase
from outbound.spool import FolderSpool


class OutboxSettings(Protocol):
    """What the EDIFACT channel reads of the settings."""

    @property
    def outbox(self) -> Path: ...

    @property
    def durable_writes(self) -> bool: ...


class EdifactSpeaker(Channel):
    """A channel that answers partners in EDIFACT under its own name, to the partner id the order
    came from: the folder channel here, AS2 (`outbound.as2.channel`) over HTTP."""

    structured = True

    def __init__(self, sender: Sender | None, seller: Seller | None = None) -> None:
        self.interchange = EdifactAnswers(self.name)
        self.notifier = EdifactNotifier(self.name)
        self.billing = EdifactBilling(self.name, seller)
        self.purchase = EdifactPurchase(self.name)
        self.sender = sender

    def recipient(self, order: Order, customer: Customer | None) -> str | None:
        return order.partner_id


class EdifactChannel(EdifactSpeaker):
    """Interchanges written into the outbox folder, one subfolder per partner."""

    name = "edi"
    label = "EDIFACT"
    colour = "#0b57d0"
    settings: tuple[str, ...] = ("data_dir", "durable_writes")  # the outbox folder under it

    @classmethod
    def from_settings(cls, settings: OutboxSettings) -> EdifactChannel:
        return cls(FolderSpool(settings.outbox / "edi", durable=settings.durable_writes))
