"""Two AS2 stations talking in one process: our receiver and client against the same code on the
partner's side, wired through an in-memory transport. What is checked is the channel's behaviour:
nothing acknowledged before it is stored, nothing taken twice, every failure settled and named."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from core.domain.model import OutboundKind, OutboundMessage
from outbound.as2.client import As2Client, As2Sender, HttpReply
from outbound.as2.errors import PartnerRefused, PartnerUnreachable
from outbound.as2.journal import FileJournal, SentRecord, SentState
from outbound.as2.mdn import read_mdn
from outbound.as2.message import build_message
from outbound.as2.partners import MdnMode, Partner
from outbound.as2.receiver import As2Arrival, As2Receiver
from tests.unit.as2.keys import NOW, agreement, book_of, books, station

ORDERS = b"UNA:+.? 'UNB+UNOC:3+8400000000001:14+8437000100010:14+261126:0930+77'UNH+1+ORDERS:D:96A:UN'"
ORDRSP = b"UNA:+.? 'UNB+UNOC:3+8437000100010:14+8400000000001:14+261126:1000+91'UNH+1+ORDRSP:D:96A:UN'"
OUR_URL, THEIR_URL = "https://comanda.test/as2", "https://retailer.test/as2"


def clock():
    return NOW


@dataclass
class Side:
    partner: Partner  # the other side, as this side's partner file has it
    journal: FileJournal
    client: As2Client
    receiver: As2Receiver
    arrivals: list[As2Arrival] = field(default_factory=list)
    failures: int = 0  # how many handovers should still fail

    def take(self, arrival: As2Arrival) -> int:
        if self.failures:
            self.failures -= 1
            raise OSError("disk full")
        self.arrivals.append(arrival)
        return len(self.arrivals)


class Network:
    """Routes POSTs to the receiver behind each URL; async MDNs are posted after the answer."""

    def __init__(self) -> None:
        self.sides: dict[str, Side] = {}
        self.posts: list[str] = []
        self.outage: int | None = None  # an HTTP status every POST gets instead

    def post(self, url: str, headers: Mapping[str, str], body: bytes, timeout: float) -> HttpReply:
        self.posts.append(url)
        if self.outage:
            return HttpReply(self.outage, {}, b"down for maintenance")
        reply = self.sides[url].receiver.receive(headers, body)
        if reply.async_url and reply.async_mdn:
            self.post(reply.async_url, reply.async_mdn.headers, reply.async_mdn.body, timeout)
        return HttpReply(reply.status, reply.headers, reply.body)


def side(network: Network, tmp: Path, partner: Partner, url: str) -> Side:
    journal = FileJournal(tmp / partner.station.as2_id)
    client = As2Client(book_of(partner), journal, clock, post=network.post)
    made = Side(partner, journal, client, receiver=None)  # type: ignore[arg-type]
    made.receiver = As2Receiver(book_of(partner), journal, made.take, clock, accept_mdn=client.accept_mdn)
    network.sides[url] = made
    return made


@pytest.fixture
def network() -> Network:
    return Network()


def pair(network: Network, tmp: Path, **terms: object) -> tuple[Side, Side]:
    """(us, the retailer), each knowing the other under the same terms."""
    theirs, ours = books(**terms)
    us = side(
        network,
        tmp,
        replace(theirs, url=THEIR_URL, async_mdn_url=OUR_URL, edi_ids=("8400000000001",)),
        OUR_URL,
    )
    them = side(network, tmp, replace(ours, url=OUR_URL, async_mdn_url=THEIR_URL), THEIR_URL)
    return us, them


def test_a_message_is_stored_before_its_mdn_says_processed(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)

    record = them.client.send(them.partner, ORDERS, "ORDERS_77.edi")

    assert record.state is SentState.DELIVERED
    assert record.detail == "automatic-action/MDN-sent-automatically; processed"
    [arrival] = us.arrivals
    assert (arrival.payload, arrival.message_id, arrival.filename) == (
        ORDERS,
        record.message_id,
        "ORDERS_77.edi",
    )
    assert (arrival.partner, arrival.station, arrival.edi_ids) == ("RETAILER", "COMANDA", ("8400000000001",))
    taken = us.journal.received("RETAILER", record.message_id)
    assert taken is not None and taken.reference == "1" and taken.mic == record.mic


def test_when_storing_fails_the_mdn_says_so_and_the_partner_s_next_try_is_taken(
    network: Network, tmp_path: Path
) -> None:
    us, them = pair(network, tmp_path)
    us.failures = 1

    failed = them.client.send(them.partner, ORDERS, "ORDERS_77.edi")
    again = them.client.send(them.partner, ORDERS, "ORDERS_77.edi")

    assert failed.state is SentState.FAILED
    assert failed.detail.endswith("processed/error: unexpected-processing-error")
    assert us.journal.received("RETAILER", failed.message_id) is None  # not on record: not taken
    assert again.state is SentState.DELIVERED
    assert [a.message_id for a in us.arrivals] == [again.message_id]


def test_a_repeated_message_is_answered_again_but_handed_over_once(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    first = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)
    rebuilt = build_message(them.partner, ORDERS, filename="o.edi", now=NOW, message_id=first.message_id)

    replies = [us.receiver.receive(m.headers, m.body) for m in (first, first, rebuilt)]

    receipts = [read_mdn(r.headers, r.body, them.partner) for r in replies]
    assert [r.processed for r in receipts] == [True, True, True]
    assert {r.mic for r in receipts} == {first.mic}
    assert len(us.arrivals) == 1


def test_a_message_id_reused_for_other_content_is_refused(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    first = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)
    other = build_message(them.partner, ORDERS + b"X", filename="o.edi", now=NOW, message_id=first.message_id)

    us.receiver.receive(first.headers, first.body)
    reply = us.receiver.receive(other.headers, other.body)

    assert read_mdn(reply.headers, reply.body, them.partner).error == "duplicate-message-id"
    assert [a.payload for a in us.arrivals] == [ORDERS]


def test_a_sender_we_do_not_know_gets_a_signed_refusal(network: Network, tmp_path: Path) -> None:
    us, _ = pair(network, tmp_path)
    stranger = agreement(station("STRANGER"), us.partner.station)

    message = build_message(stranger, ORDERS, filename="o.edi", now=NOW)
    reply = us.receiver.receive(message.headers, message.body)

    receipt = read_mdn(
        reply.headers, reply.body, replace(stranger, certificates=(us.partner.station.certificate,))
    )
    assert receipt.signed and receipt.error == "unknown-trading-partner"
    assert us.arrivals == []


def test_a_message_for_an_as2_id_we_do_not_have_is_a_bad_request(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    message = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)

    reply = us.receiver.receive({**message.headers, "AS2-To": "SOMEONE-ELSE"}, message.body)

    assert reply.status == 400 and b"SOMEONE-ELSE" in reply.body


def test_an_asynchronous_mdn_settles_the_message_when_it_arrives(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path, mdn=MdnMode.ASYNC)

    record = us.client.send(us.partner, ORDRSP, "ORDRSP_91.edi")

    assert network.posts == [THEIR_URL, OUR_URL]  # our message, then their MDN to our endpoint
    assert record.state is SentState.DELIVERED  # the MDN overtook the HTTP answer
    assert us.journal.sent(record.message_id) == record
    assert [a.payload for a in them.arrivals] == [ORDRSP]
    assert us.arrivals == []


def test_a_message_that_fails_its_checks_is_answered_synchronously_even_if_async_was_asked(
    network: Network, tmp_path: Path
) -> None:
    us, them = pair(network, tmp_path, mdn=MdnMode.ASYNC)
    impostor = replace(
        them.partner, station=replace(them.partner.station, key_pairs=(station("X").key_pairs[0],))
    )
    message = build_message(impostor, ORDERS, filename="o.edi", now=NOW)

    reply = us.receiver.receive(message.headers, message.body)

    assert reply.async_url is None
    assert read_mdn(reply.headers, reply.body, them.partner).error == "authentication-failed"


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
