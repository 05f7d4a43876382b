"""Sending over AS2, our client against the partner's receiver: every message settled by its MDN
(or failed by name), retried under one Message-ID while the partner is down, never sent twice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.as2.client import As2Client, As2Sender
from outbound.as2.errors import PartnerRefused, PartnerUnreachable
from outbound.as2.journal import SentRecord, SentState
from outbound.as2.message import build_message
from outbound.as2.partners import MdnMode
from outbound.as2.receiver import As2Receiver
from tests.unit.as2.keys import NOW, book_of
from tests.unit.as2.network import ORDRSP, OUR_URL, THEIR_URL, Network, clock, pair


def test_an_asynchronous_mdn_settles_the_message_when_it_arrives(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path, mdn=MdnMode.ASYNC)

    record = us.client.send(us.partner, ORDRSP, "ORDRSP_91.edi")

    assert network.posts == [THEIR_URL, OUR_URL]  # our message, then their MDN to our endpoint
    assert record.state is SentState.DELIVERED  # the MDN overtook the HTTP answer
    assert us.journal.sent(record.message_id) == record
    assert [a.payload for a in them.arrivals] == [ORDRSP]
    assert us.arrivals == []


def test_an_mdn_whose_mic_is_not_ours_fails_the_message(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path, mdn=MdnMode.ASYNC)
    message = build_message(us.partner, ORDRSP, filename="x.edi", now=NOW)
    wrong = SentRecord(
        message.message_id, "RETAILER", "COMANDA", "x.edi", "AAAA, sha-256", "async", NOW.isoformat()
    )
    us.journal.record_sent(wrong)  # as if we had sent other bytes under this Message-ID

    reply = them.receiver.receive(message.headers, message.body)
    settled = us.client.accept_mdn(reply.async_mdn.headers, reply.async_mdn.body)  # type: ignore[union-attr]

    assert settled.state is SentState.FAILED
    assert "MIC" in settled.detail and "other content" in settled.detail


def test_an_mdn_for_a_message_we_never_sent_is_refused(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    message = build_message(us.partner, ORDRSP, filename="x.edi", now=NOW)  # built, never recorded as sent
    mdn = them.receiver.receive(message.headers, message.body)

    reply = us.receiver.receive(mdn.headers, mdn.body)

    assert reply.status == 400 and b"never sent" in reply.body


def test_a_partner_that_is_down_raises_for_a_retry_with_the_same_message_id(
    network: Network, tmp_path: Path
) -> None:
    us, them = pair(network, tmp_path)
    network.outage = 503

    with pytest.raises(PartnerUnreachable) as raised:
        us.client.send(us.partner, ORDRSP, "ORDRSP_91.edi", message_id="<retry-1@COMANDA>")
    assert isinstance(raised.value, OSError)  # what the delivery job retries on
    assert us.journal.sent("<retry-1@COMANDA>").state is SentState.AWAITING_MDN  # type: ignore[union-attr]

    network.outage = None
    record = us.client.send(us.partner, ORDRSP, "ORDRSP_91.edi", message_id="<retry-1@COMANDA>")
    assert record.state is SentState.DELIVERED
    assert [a.message_id for a in them.arrivals] == ["<retry-1@COMANDA>"]


def test_a_partner_that_refuses_with_a_client_error_fails_the_message(
    network: Network, tmp_path: Path
) -> None:
    us, _ = pair(network, tmp_path)
    network.outage = 403

    record = us.client.send(us.partner, ORDRSP, "ORDRSP_91.edi")

    assert record.state is SentState.FAILED and record.detail.startswith("HTTP 403")


def test_without_an_mdn_the_http_status_is_the_answer(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path, mdn=MdnMode.NONE)
    assert us.client.send(us.partner, ORDRSP, "a.edi").state is SentState.DELIVERED
    them.failures = 1
    with pytest.raises(PartnerUnreachable, match="503"):  # a store that failed: send again later
        us.client.send(us.partner, ORDRSP, "b.edi")


def outbox_row(row_id: int) -> OutboundMessage:
    return OutboundMessage(
        channel="as2",
        kind=OutboundKind.ORDRSP,
        recipient="8400000000001",
        filename="ORDRSP_91.edi",
        content=ORDRSP,
        created_at=NOW,
        id=row_id,
    )


def test_the_outbox_sender_repeats_a_row_under_one_message_id_and_sends_a_delivered_one_once(
    network: Network, tmp_path: Path
) -> None:
    us, them = pair(network, tmp_path)
    sender = As2Sender(us.client)

    sender.send(outbox_row(7))
    sender.send(outbox_row(7))  # the job ran again after a crash: nothing is posted twice
    sender.send(outbox_row(8))

    assert network.posts == [THEIR_URL, THEIR_URL]
    assert len({a.message_id for a in them.arrivals}) == 2


def test_the_outbox_sender_raises_on_a_refusal(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    them.failures = 1

    with pytest.raises(PartnerRefused, match="unexpected-processing-error"):
        As2Sender(us.client).send(outbox_row(9))


def test_a_message_whose_async_mdn_never_comes_is_failed_when_overdue(
    network: Network, tmp_path: Path
) -> None:
    us, _ = pair(network, tmp_path, mdn=MdnMode.ASYNC)
    network.sides[OUR_URL].receiver = As2Receiver(
        book_of(us.partner), us.journal, us.take, clock
    )  # MDNs lost
    record = us.client.send(us.partner, ORDRSP, "ORDRSP_91.edi")
    assert us.journal.sent(record.message_id).state is SentState.AWAITING_MDN  # type: ignore[union-attr]
    told: list[SentRecord] = []
    later = As2Client(us.client.book, us.journal, lambda: NOW + timedelta(hours=2), on_settled=told.append)

    assert later.expire(timedelta(hours=4)) == []  # not yet overdue
    [expired] = later.expire(timedelta(hours=1))

    assert expired.message_id == record.message_id and expired.state is SentState.FAILED
    assert expired.detail == "no MDN within 1:00:00"
    assert told == [expired]
