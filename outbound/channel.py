"""The channel plug point: one object per channel that answers a decided order, tells the customer
about a status change, sends a billing document or our purchase order to a supplier, delivers
queued messages and names its recipient.

Each channel is a `Channel` in `outbound/<channel>/channel.py` (EDIFACT, e-mail, fax, AS2); what
receives its arrivals stays in `ingest/` (a channel that receives on our own web server, as AS2
does, declares an `Endpoint` instead). The composition root registers every channel once in a
`ChannelRegistry` and hands the core what it asks for: writers, responders, notifiers and senders
by channel name, and the channels themselves as the places a customer can be reached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from core.billing.domain.notices import BillingMessage
from core.capture.domain.documents import DocumentRecord, InboundDocument
from core.capture.domain.interchange import InterchangeReceipt
from core.fulfilment.domain.notifications import CustomerNotice
from core.kernel.domain.model import Customer, Order, OutboundMessage, OutboundState, Partner
from core.purchasing.domain.outgoing import PoDocument

log = logging.getLogger(__name__)

# -- the parts a channel is made of (the core declares the same shapes where it uses them) -----------


class InterchangeWriter(Protocol):
    """Answers an EDIFACT interchange that came on the channel: ORDRSP per order, CONTRL."""

    def order_responses(
        self, orders: Sequence[Order], partner: Partner, control_ref: str, now: datetime
    ) -> OutboundMessage: ...

    def contrl(
        self, receipt: InterchangeReceipt, partner: Partner, control_ref: str, now: datetime
    ) -> OutboundMessage: ...


class Responder(Protocol):
    """Answers the decided orders of a document that came on the channel (not an interchange)."""

    def respond(
        self, uow: Any, record: DocumentRecord, orders: Sequence[Order], now: datetime
    ) -> list[OutboundMessage]: ...


class Notifier(Protocol):
    """Renders a status change for the customer; None when the channel has nothing to say for it."""

    def compose(self, notice: CustomerNotice, now: datetime) -> OutboundMessage | None: ...


class BillingNotifier(Protocol):
    """Renders a billing document or notice; None when the channel has nothing to send for it."""

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None: ...


class PurchaseWriter(Protocol):
    """Renders our purchase order for a supplier who takes orders on the channel."""

    def compose(self, document: PoDocument, now: datetime) -> OutboundMessage: ...


class Sender(Protocol):
    """Delivers a queued message; OSError: try again later; DELIVERED: acknowledged already."""

    def send(self, message: OutboundMessage) -> OutboundState | None: ...


# -- what a channel may ask of the running system, and offer on its web server ------------------------


class Host(Protocol):
    """The running system as a channel sees it once the composition root opened it."""

    def submit(self, doc: InboundDocument) -> int:
        """Store an arrival (before anything else happens) and queue it; returns the document id."""
        ...

    def settle(self, message_id: int, delivered: bool, detail: str) -> None:
        """An acknowledgement (or refusal) of an outbox row that came after it was sent."""
        ...


@dataclass(frozen=True)
class HttpAnswer:
    """What an endpoint answers, and what to do once the answer has gone (post a later receipt)."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    after: Callable[[], None] | None = None


@dataclass(frozen=True)
class Endpoint:
    """A path on our web server where a channel takes arrivals by POST, free of any web framework.

    Served without a login: the channel authenticates its callers itself (AS2 by signature)."""

    path: str
    receive: Callable[[Mapping[str, str], bytes], HttpAnswer]
    max_bytes: int


class Channel:
    """Base class of the channels; a channel sets the parts it has and leaves the others None.

    `structured` channels speak to trading partners in EDIFACT (only news that has a message);
    `fallback` channels are master data's contacts, tried in registration order when an order's
    own channel cannot carry a notice. `settings` names the settings the channel reads,
    `public_paths` the web paths it serves without a login.
    """

    name: str = ""
    label: str = ""
    colour: str = "#6b6b70"
    structured: bool = False
    fallback: bool = False
    settings: tuple[str, ...] = ()
    public_paths: tuple[str, ...] = ()
    interchange: InterchangeWriter | None = None
    responder: Responder | None = None
    notifier: Notifier | None = None
    billing: BillingNotifier | None = None
    purchase: PurchaseWriter | None = None
    sender: Sender | None = None

    def recipient(self, order: Order, customer: Customer | None) -> str | None:
        """The address on this channel for an order's customer; None when there is none."""
        return None

    def open(self, host: Host) -> None:
        """Take the running system (to store arrivals, to settle rows later); most channels need none."""

    def endpoints(self) -> Sequence[Endpoint]:
        """What the channel serves on our web server (after `open`)."""
        return ()

    def tick(self, now: datetime) -> None:
        """Periodic work (the sweep calls it): e.g. failing messages whose receipt never came."""

    def close(self) -> None:
        """Release what the channel holds."""


class ChannelRegistry:
    """Every registered channel by name, in registration order, and the core's view of them."""

    def __init__(self) -> None:
        self._channels: dict[str, Channel] = {}

    def register(self, channel: Channel | None) -> None:
        """Add a channel; None (a channel its settings leave switched off) adds nothing."""
        if channel is None:
            return
        if not channel.name or channel.name in self._channels:
            raise ValueError(f"a channel needs a name of its own, not {channel.name!r}")
        self._channels[channel.name] = channel

    def __getitem__(self, name: str) -> Channel:
        return self._channels[name]

    def __contains__(self, name: object) -> bool:
        return name in self._channels

    def __iter__(self) -> Iterator[Channel]:
        return iter(self._channels.values())

    def names(self) -> list[str]:
        return list(self._channels)

    # -- what the core is handed ---------------------------------------------------------------------
    def interchange_writers(self) -> dict[str, InterchangeWriter]:
        """By channel; under "*" the first registered writer, for interchanges that came another way."""
        writers = {c.name: c.interchange for c in self if c.interchange is not None}
        if writers:
            writers["*"] = next(iter(writers.values()))
        return writers

    def responders(self) -> dict[str, Responder]:
        return {c.name: c.responder for c in self if c.responder is not None}

    def notifiers(self) -> dict[str, Notifier]:
        return {c.name: c.notifier for c in self if c.notifier is not None}

    def billing_notifiers(self) -> dict[str, BillingNotifier]:
        return {c.name: c.billing for c in self if c.billing is not None}

    def purchase_writers(self) -> dict[str, PurchaseWriter]:
        return {c.name: c.purchase for c in self if c.purchase is not None}

    def senders(self) -> dict[str, Sender]:
        return {c.name: c.sender for c in self if c.sender is not None}

    # -- the running system ----------------------------------------------------------------------------
    def open(self, host: Host) -> None:
        for channel in self:
            channel.open(host)

    def endpoints(self) -> list[Endpoint]:
        return [endpoint for channel in self for endpoint in channel.endpoints()]

    def public_paths(self) -> frozenset[str]:
        return frozenset(path for channel in self for path in channel.public_paths)

    def tick(self, now: datetime) -> None:
        for channel in self:
            try:
                channel.tick(now)
            except Exception:  # one channel's trouble must not stop the others' periodic work
                log.exception(
                    "periodic work of channel %s failed; trying again at the next sweep", channel.name
                )

    def close(self) -> None:
        for channel in self:
            channel.close()
