"""Sending our EDIFACT answers to a partner over AS2 and settling each by its MDN.

`As2Client.send` records the message (Message-ID and the MIC we expect) before posting it, so an
asynchronous MDN that overtakes the HTTP response still finds it; a synchronous MDN settles it at
once. A partner that does not answer raises `PartnerUnreachable` (an OSError): the job retries, with
the same Message-ID, and the partner answers a repeat with its MDN instead of taking it twice.
"""

from __future__ import annotations

import hashlib
import http.client
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.kernel.domain.model import OutboundMessage, OutboundState
from outbound.as2.errors import As2Error, MdnMismatch, PartnerRefused, PartnerUnreachable
from outbound.as2.journal import As2Journal, SentRecord, SentState
from outbound.as2.mdn import Receipt, read_mdn, same_mic
from outbound.as2.message import Outgoing, build_message, header, new_message_id, unquote_id
from outbound.as2.partners import MdnMode, Partner, PartnerBook

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HttpReply:
    status: int
    headers: dict[str, str]
    body: bytes


Post = Callable[[str, Mapping[str, str], bytes, float], HttpReply]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would turn our POST into a GET without the message: report it as an HTTP error."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def http_post(url: str, headers: Mapping[str, str], body: bytes, timeout: float) -> HttpReply:
    """POST over HTTP(S); any answer is returned, no answer raises PartnerUnreachable."""
    if not url.startswith(("http://", "https://")):
        raise PartnerRefused(f"{url!r} is not an http(s) address")
    request = urllib.request.Request(url, data=body, headers=dict(headers), method="POST")  # noqa: S310
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return HttpReply(response.status, dict(response.headers.items()), response.read())
    except urllib.error.HTTPError as exc:
        return HttpReply(exc.code, dict(exc.headers.items()), exc.read())
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise PartnerUnreachable(f"{url}: {getattr(exc, 'reason', exc)}") from exc


def _transient(status: int) -> bool:
    return status in (408, 429) or status >= 500


class As2Client:
    """Posts messages to partners and matches the MDNs that come back."""

    def __init__(
        self,
        book: PartnerBook,
        journal: As2Journal,
        clock: Callable[[], datetime],
        post: Post = http_post,
        on_settled: Callable[[SentRecord], None] | None = None,
    ) -> None:
        self.book = book
        self.journal = journal
        self.clock = clock
        self.post = post
        # told of each message settled after `send` returned (an asynchronous MDN, expiry), to update
        # the outbox row; what `send` settles, its caller learns from the record it returns
        self.on_settled = on_settled

    def send(
        self,
        partner: Partner,
        payload: bytes,
        filename: str,
        message_id: str | None = None,
        reference: str = "",
    ) -> SentRecord:
        """Post one payload; returns its record (delivered, failed, or awaiting an asynchronous MDN)."""
        if (
            message_id
            and (earlier := self.journal.sent(message_id))
            and earlier.state is not SentState.AWAITING_MDN
        ):
            return earlier  # settled by an earlier attempt: sending again would only repeat it
        outgoing = build_message(partner, payload, filename=filename, now=self.clock(), message_id=message_id)
        record = SentRecord(
            message_id=outgoing.message_id,
            partner=partner.as2_id,
            station=partner.station.as2_id,
            filename=filename,
            mic=outgoing.mic,
            mdn_mode=partner.mdn.value,
            sent_at=self.clock().isoformat(),
            reference=reference,
        )
        if earlier_record := self.journal.sent(outgoing.message_id):
            record = earlier_record
        else:
            self.journal.record_sent(record)
        reply = self.post(partner.url, outgoing.headers, outgoing.body, partner.timeout)
        if _transient(reply.status):
            raise PartnerUnreachable(f"{partner.url} answered HTTP {reply.status}")
        if not 200 <= reply.status < 300:
            detail = f"HTTP {reply.status}: {reply.body[:200].decode('utf-8', 'replace')}"
            return self._settle(record, SentState.FAILED, detail, None, tell=False)
        if partner.mdn is MdnMode.NONE:
            return self._settle(record, SentState.DELIVERED, "no MDN asked for", None, tell=False)
        if partner.mdn is MdnMode.ASYNC:
            return self.journal.sent(record.message_id) or record
        return self._settle_by(partner, record, reply.headers, reply.body)

    def accept_mdn(self, headers: Mapping[str, str], body: bytes) -> SentRecord:
        """An asynchronous MDN posted to our AS2 address: settle the message it answers."""
        as2_from = unquote_id(header(headers, "AS2-From") or "")
        partner = self.book.partner(as2_from, unquote_id(header(headers, "AS2-To") or ""))
        receipt = read_mdn(headers, body, partner)
        record = self.journal.sent(receipt.original_message_id)
        if record is None or record.partner != partner.as2_id:
            raise MdnMismatch(
                f"an MDN from {as2_from!r} for {receipt.original_message_id}, which we never sent them"
            )
        return self._judge(record, receipt)

    def _settle_by(
        self, partner: Partner, record: SentRecord, headers: Mapping[str, str], body: bytes
    ) -> SentRecord:
        try:
            receipt = read_mdn(headers, body, partner)
        except As2Error as exc:
            detail = f"the MDN in the answer is unusable: {exc}"
            return self._settle(record, SentState.FAILED, detail, None, tell=False)
        if receipt.original_message_id != record.message_id:
            detail = f"the MDN answers {receipt.original_message_id}, not {record.message_id}"
            return self._settle(record, SentState.FAILED, detail, receipt.message_id, tell=False)
        return self._judge(record, receipt, tell=False)

    def _judge(self, record: SentRecord, receipt: Receipt, *, tell: bool = True) -> SentRecord:
        if receipt.error is not None:
            return self._settle(record, SentState.FAILED, receipt.disposition, receipt.message_id, tell=tell)
        if not same_mic(record.mic, receipt.mic):
            detail = (
                f"the MDN's MIC {receipt.mic!r} is not ours {record.mic!r}: the partner got other content"
            )
            return self._settle(record, SentState.FAILED, detail, receipt.message_id, tell=tell)
        return self._settle(record, SentState.DELIVERED, receipt.disposition, receipt.message_id, tell=tell)

    def _settle(
        self, record: SentRecord, state: SentState, detail: str, mdn_id: str | None, *, tell: bool = True
    ) -> SentRecord:
        """Record the message's fate; `on_settled` hears of it unless the caller of `send` does (`tell`)."""
        if state is SentState.FAILED:
            log.warning("AS2 message %s to %s failed: %s", record.message_id, record.partner, detail)
        settled = self.journal.settle(record.message_id, state, detail, self.clock(), mdn_id)
        if tell and self.on_settled is not None:
            self.on_settled(settled)
        return settled

    def expire(self, wait: timedelta) -> list[SentRecord]:
        """Fail every message whose MDN has not come within `wait` of sending (run now and then)."""
        overdue = self.journal.awaiting(self.clock() - wait)
        return [self._settle(r, SentState.FAILED, f"no MDN within {wait}", None) for r in overdue]


class As2Sender:
    """A `Sender` (core.kernel.services.delivery) for answers whose recipient is a partner's EDI id.

    The Message-ID comes from the outbox row, so a retried job repeats the same message; a negative
    MDN raises PartnerRefused, which is not retried (the row fails). A message its MDN settled is
    reported delivered; one awaiting an asynchronous MDN is on its way, settled when that comes."""

    def __init__(self, client: As2Client) -> None:
        self.client = client

    def send(self, message: OutboundMessage) -> OutboundState | None:
        partner = self.client.book.for_edi_id(message.recipient)
        message_id = outbox_message_id(message, partner)
        reference = "" if message.id is None else str(message.id)
        record = self.client.send(partner, message.content, message.filename, message_id, reference)
        if record.state is SentState.FAILED:
            raise PartnerRefused(f"{message.filename} to {partner.as2_id}: {record.detail}")
        return OutboundState.DELIVERED if record.state is SentState.DELIVERED else None


def outbox_message_id(message: OutboundMessage, partner: Partner) -> str:
    key = hashlib.sha256(f"{message.id}\x00{message.filename}\x00{message.recipient}".encode()).hexdigest()
    return new_message_id(partner.station.as2_id, f"comanda-{key[:32]}")


def post_mdn(post: Post, url: str, mdn: Outgoing, attempts: int = 3, pause: float = 2.0) -> None:
    """Deliver an asynchronous MDN, trying a few times; raises PartnerUnreachable when all fail."""
    for attempt in range(1, attempts + 1):
        try:
            reply = post(url, mdn.headers, mdn.body, 60.0)
            if not _transient(reply.status):
                if not 200 <= reply.status < 300:
                    log.warning(
                        "the async MDN %s to %s was refused: HTTP %s", mdn.message_id, url, reply.status
                    )
                return
            problem: Exception = PartnerUnreachable(f"{url} answered HTTP {reply.status}")
        except PartnerUnreachable as exc:
            problem = exc
        if attempt == attempts:
            raise problem
        time.sleep(pause * attempt)
