"""Receiving AS2 messages, free of any web framework: headers and body in, the HTTP answer out.

The payload goes to a handover callable (the intake, which stores it) before any MDN says
"processed"; if the handover fails, the MDN says so and nothing is recorded, so the partner's
retry is taken again. A repeated Message-ID with the same content is answered again and handed
over once; with other content it is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from outbound.as2.errors import As2Error, NotForUs, ReplayedMessage
from outbound.as2.journal import As2Journal, ReceivedRecord
from outbound.as2.mdn import build_mdn, is_mdn
from outbound.as2.message import Envelope, Outgoing, read_envelope
from outbound.as2.partners import Partner, PartnerBook, Station
from outbound.as2.reading import Received, open_message

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class As2Arrival:
    """What the channel hands to the intake: the opened payload and its AS2 envelope."""

    partner: str  # the partner's AS2 id
    edi_ids: tuple[str, ...]  # the partner's EDIFACT ids from the partner file
    station: str  # our AS2 id it was sent to
    message_id: str  # keep as the document's external id
    payload: bytes
    media_type: str
    filename: str | None
    received_at: datetime
    signed: bool
    encrypted: bool


Handover = Callable[[As2Arrival], object]  # stores the arrival; returns a reference (a document id)


@dataclass(frozen=True)
class Reply:
    """The HTTP answer, and an MDN to post afterwards when the partner asked for it asynchronously."""

    status: int
    headers: dict[str, str]
    body: bytes
    async_url: str | None = None
    async_mdn: Outgoing | None = None


def _text(status: int, text: str) -> Reply:
    return Reply(status, {"Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8") + b"\n")


class As2Receiver:
    """Takes one POST at a time; safe to share between threads (state lives in the journal)."""

    def __init__(
        self,
        book: PartnerBook,
        journal: As2Journal,
        handover: Handover,
        clock: Callable[[], datetime],
        accept_mdn: Callable[[Mapping[str, str], bytes], object] | None = None,
    ) -> None:
        self.book = book
        self.journal = journal
        self.handover = handover
        self.clock = clock
        self.accept_mdn = accept_mdn

    def receive(self, headers: Mapping[str, str], body: bytes) -> Reply:
        if is_mdn(headers, body):
            return self._take_mdn(headers, body)
        try:
            envelope = read_envelope(headers)
            station = self.book.station(envelope.as2_to)
        except NotForUs as exc:
            return _text(400, str(exc))
        try:
            partner = self.book.partner(envelope.as2_from, envelope.as2_to)
            received = open_message(envelope, partner, headers, body)
        except As2Error as exc:
            log.warning("AS2 message %s from %r refused: %s", envelope.message_id, envelope.as2_from, exc)
            # not authenticated: an asynchronous receipt would go to an address nobody vouched for
            return self._answer(station, envelope, None, exc, trusted=False)
        except Exception:  # a message no check foresaw must still get its MDN, not a bare 500
            log.exception(
                "AS2 message %s from %r could not be opened", envelope.message_id, envelope.as2_from
            )
            failure = As2Error("the message could not be opened")
            return self._answer(station, envelope, None, failure, trusted=False)
        return self._take(station, partner, received)

    def _take(self, station: Station, partner: Partner, received: Received) -> Reply:
        envelope = received.envelope
        earlier = self.journal.received(partner.as2_id, envelope.message_id)
        if earlier is not None:
            if earlier.mic != received.mic:
                error = ReplayedMessage(
                    f"Message-ID {envelope.message_id} was received before with other content"
                )
                return self._answer(station, envelope, received.mic, error, trusted=True)
            log.info("AS2 message %s from %s repeated: answered again", envelope.message_id, partner.as2_id)
            return self._answer(station, envelope, received.mic, None, trusted=True)
        try:
            reference = self.handover(self._arrival(station, partner, received))
        except Exception as exc:
            log.exception("AS2 message %s from %s could not be stored", envelope.message_id, partner.as2_id)
            failure = As2Error(
                f"the message could not be stored ({type(exc).__name__}); please send it again"
            )
            return self._answer(station, envelope, received.mic, failure, trusted=True)
        self.journal.record_received(
            ReceivedRecord(
                message_id=envelope.message_id,
                partner=partner.as2_id,
                mic=received.mic,
                received_at=self.clock().isoformat(),
                reference="" if reference is None else str(reference),
            )
        )
        return self._answer(station, envelope, received.mic, None, trusted=True)

    def _arrival(self, station: Station, partner: Partner, received: Received) -> As2Arrival:
        return As2Arrival(
            partner=partner.as2_id,
            edi_ids=partner.edi_ids,
            station=station.as2_id,
            message_id=received.envelope.message_id,
            payload=received.payload,
            media_type=received.media_type,
            filename=received.filename,
            received_at=self.clock(),
            signed=received.signed,
            encrypted=received.encrypted,
        )

    def _answer(
        self, station: Station, envelope: Envelope, mic: str | None, error: As2Error | None, *, trusted: bool
    ) -> Reply:
        if envelope.mdn is None:  # no receipt asked for: the HTTP status is all the partner learns
            if error is None:
                return Reply(200, {}, b"")
            return _text(400 if error.disposition != "unexpected-processing-error" else 503, str(error))
        detail = (
            f"The AS2 message {envelope.message_id} from {envelope.as2_from} has been received and processed."
            if error is None
            else f"The AS2 message {envelope.message_id} from {envelope.as2_from} was not processed: {error}"
        )
        mdn = build_mdn(
            station,
            envelope,
            mic=mic,
            error=error.disposition if error else None,
            detail=detail,
            now=self.clock(),
        )
        if envelope.mdn.url and trusted:
            return Reply(200, {}, b"", async_url=envelope.mdn.url, async_mdn=mdn)
        return Reply(200, dict(mdn.headers), mdn.body)

    def _take_mdn(self, headers: Mapping[str, str], body: bytes) -> Reply:
        if self.accept_mdn is None:
            return _text(400, "this address takes no MDNs")
        try:
            self.accept_mdn(headers, body)
        except As2Error as exc:
            log.warning("an asynchronous MDN was refused: %s", exc)
            return _text(400, f"MDN refused: {exc}")
        return _text(200, "MDN received")
