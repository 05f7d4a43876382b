"""The AS2 channel: EDIFACT over HTTP with large retailers, plugged in like any other channel.

It answers in EDIFACT exactly as the folder channel does (the same writers under the name "as2"),
sends through `As2Sender` to the partner's URL, takes partners' messages and asynchronous MDNs at
`POST /as2` (public: partners authenticate by signature), hands each payload to the intake before
the MDN says processed, settles outbox rows when a late MDN comes and fails those whose MDN never
does. Switched on by `OMS_AS2_PARTNERS`, the partner file (docs/as2.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Protocol

from core.capture.domain.documents import Channel as Arrival
from core.capture.domain.documents import InboundDocument
from outbound.as2.client import As2Client, As2Sender, Post, http_post, post_mdn
from outbound.as2.journal import FileJournal, SentRecord, SentState
from outbound.as2.message import Outgoing
from outbound.as2.partners import PartnerBook, load_partners
from outbound.as2.receiver import As2Arrival, As2Receiver
from outbound.channel import Endpoint, Host, HttpAnswer
from outbound.edifact.channel import EdifactSpeaker
from outbound.edifact.invoic import Seller
from outbound.spool import safe_name

log = logging.getLogger(__name__)

PATH = "/as2"
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
MDN_WAIT = timedelta(hours=4)  # an asynchronous MDN not come by then fails its message
EXPIRE_EVERY = timedelta(minutes=5)  # how often the sweep looks for such messages
JOURNAL = "as2"  # the journal's folder under OMS_DATA_DIR


class As2Settings(Protocol):
    """What the AS2 channel reads of the settings."""

    @property
    def as2_partners(self) -> Path | None: ...

    @property
    def data_dir(self) -> Path: ...


class As2Channel(EdifactSpeaker):
    """EDIFACT answers over AS2 to the partner whose EDI id the order came from."""

    name = "as2"
    label = "AS2"
    colour = "#7b3fa0"
    settings: tuple[str, ...] = ("as2_partners", "data_dir")
    public_paths: tuple[str, ...] = (PATH,)

    def __init__(
        self,
        book: PartnerBook,
        journal: FileJournal,
        clock: Callable[[], datetime],
        post: Post = http_post,
        seller: Seller | None = None,
    ) -> None:
        super().__init__(sender=None, seller=seller)
        self.clock = clock
        self.post = post
        self.client = As2Client(book, journal, clock, post, on_settled=self._settled)
        self.sender = As2Sender(self.client)
        self.receiver = As2Receiver(book, journal, self._hand_over, clock, accept_mdn=self.client.accept_mdn)
        self.host: Host | None = None
        self._expired_at: datetime | None = None

    @classmethod
    def from_settings(cls, settings: As2Settings, clock: Callable[[], datetime]) -> As2Channel | None:
        """The channel, when a partner file is configured; a mistake in the file stops the start-up."""
        if settings.as2_partners is None:
            return None
        book = load_partners(settings.as2_partners)
        return cls(book, FileJournal(settings.data_dir / JOURNAL), clock)

    def open(self, host: Host) -> None:
        self.host = host

    def endpoints(self) -> Sequence[Endpoint]:
        return (as2_endpoint(self.receiver, self.post),)

    def tick(self, now: datetime) -> None:
        if self._expired_at is not None and now - self._expired_at < EXPIRE_EVERY:
            return
        self._expired_at = now
        for record in self.client.expire(MDN_WAIT):
            log.warning("AS2 message %s to %s: %s", record.message_id, record.partner, record.detail)

    # -- what the receiver and the client call back --------------------------------------------------
    def _hand_over(self, arrival: As2Arrival) -> int:
        """Store the payload through the intake; the MDN says processed only once this returned."""
        if self.host is None:
            raise RuntimeError("the AS2 channel was not opened: nothing stores what arrives")
        name = arrival.filename or f"as2-{safe_name(arrival.message_id.strip('<>'))}.edi"
        return self.host.submit(
            InboundDocument(
                channel=Arrival.AS2,
                content=arrival.payload,
                received_at=arrival.received_at,
                original_name=name[:512],
                sender=arrival.partner,
                external_id=arrival.message_id[:512],
                media_type=arrival.media_type,
            )
        )

    def _settled(self, record: SentRecord) -> None:
        """A late MDN (or its absence) settled a message: settle the outbox row it came from."""
        if self.host is None or not record.reference.isdigit():
            return
        try:
            self.host.settle(int(record.reference), record.state is SentState.DELIVERED, record.detail)
        except Exception:  # the journal holds the outcome; the row keeps saying sent
            log.exception("could not settle outbox row %s after its AS2 MDN", record.reference)


def as2_endpoint(receiver: As2Receiver, post: Post, path: str = PATH) -> Endpoint:
    """`receiver` on our web server: each POST a partner's message (answered by its MDN) or an
    asynchronous MDN for one of ours; an MDN the partner asked for asynchronously is posted after."""

    def receive(headers: Mapping[str, str], body: bytes) -> HttpAnswer:
        reply = receiver.receive(headers, body)
        after = None
        if reply.async_url and reply.async_mdn:
            after = partial(_post_mdn, post, reply.async_url, reply.async_mdn)
        return HttpAnswer(reply.status, reply.headers, reply.body, after)

    return Endpoint(path, receive, MAX_MESSAGE_BYTES)


def _post_mdn(post: Post, url: str, mdn: Outgoing) -> None:
    try:
        post_mdn(post, url, mdn)
    except Exception:  # the partner asks again, or reads the message's fate from its own side
        log.exception("the asynchronous MDN to %s could not be delivered", url)
