"""AS2 both ways against an independent station on loopback: our FastAPI endpoint and client on one
side, a station built from `openssl cms` and http.server on the other (as2_station.py), exchanging
signed and encrypted messages with synchronous and asynchronous MDNs."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from outbound.as2.channel import as2_endpoint
from outbound.as2.client import As2Client, http_post
from outbound.as2.journal import FileJournal, SentState
from outbound.as2.partners import MdnMode, Partner
from outbound.as2.receiver import As2Arrival, As2Receiver
from tests.integration.as2_station import OpenSslStation, fields_of, require_openssl
from tests.unit.as2.keys import agreement, book_of, station, write_pem
from tests.waiting import wait_until
from web.routes.channels import endpoint_router

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _openssl() -> None:
    require_openssl()


ORDERS = (
    b"UNA:+.? 'UNB+UNOC:3+8400000000001:14+8437000100010:14+261126:0930+77'UNH+1+ORDERS:D:96A:UN'UNZ+1+77'"
)
ORDRSP = (
    b"UNA:+.? 'UNB+UNOC:3+8437000100010:14+8400000000001:14+261126:1000+91'UNH+1+ORDRSP:D:96A:UN'UNZ+1+91'"
)


def now() -> datetime:
    return datetime.now(UTC)


def wait_for(condition: Callable[[], object], seconds: float = 15.0) -> None:
    wait_until(condition, "the asynchronous MDN", seconds)


@dataclass
class Peers:
    station: OpenSslStation  # the other side
    partner: Partner  # the station as our partner file describes it
    client: As2Client
    journal: FileJournal
    arrivals: list[As2Arrival]
    url: str  # our AS2 endpoint


@pytest.fixture
def peers(tmp_path: Path) -> Iterator[Peers]:
    our_cert, _ = write_pem(tmp_path, "COMANDA")
    their_cert, their_key = write_pem(tmp_path, "OPENSSL-STATION")
    other = OpenSslStation(tmp_path, "OPENSSL-STATION", their_cert, their_key, "COMANDA", our_cert)
    other_url = other.start()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    our_url = f"http://127.0.0.1:{sock.getsockname()[1]}/as2"
    partner = agreement(
        station("COMANDA"),
        station("OPENSSL-STATION"),
        url=other_url + "/as2",
        async_mdn_url=our_url,
        edi_ids=("8400000000001",),
    )
    journal = FileJournal(tmp_path / "as2")
    client = As2Client(book_of(partner), journal, clock=now)
    arrivals: list[As2Arrival] = []
    receiver = As2Receiver(
        book_of(partner), journal, arrivals.append, clock=now, accept_mdn=client.accept_mdn
    )
    api = FastAPI()
    api.include_router(endpoint_router(as2_endpoint(receiver, http_post)))
    server = uvicorn.Server(uvicorn.Config(api, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_for(lambda: server.started)
    yield Peers(other, partner, client, journal, arrivals, our_url)
    server.should_exit = True
    thread.join(timeout=10)
    other.stop()
    sock.close()


def test_station_sends_a_signed_encrypted_order_and_verifies_our_synchronous_mdn(peers: Peers) -> None:
    message_id, expected_mic, status, headers, body = peers.station.send(peers.url, ORDERS)

    assert status == 200
    report = peers.station.verify_smime(headers["content-type"], body)  # openssl checks our signature
    mdn = fields_of(report)
    assert mdn["original-message-id"] == message_id
    assert mdn["disposition"] == "automatic-action/MDN-sent-automatically; processed"
    assert mdn["received-content-mic"] == expected_mic
    [arrival] = peers.arrivals
    assert (arrival.payload, arrival.message_id, arrival.partner) == (ORDERS, message_id, "OPENSSL-STATION")
    assert arrival.signed and arrival.encrypted


def test_station_asks_for_an_asynchronous_mdn_and_gets_it_posted(peers: Peers) -> None:
    message_id, expected_mic, status, _, body = peers.station.send(peers.url, ORDERS, async_mdn=True)

    assert (status, body) == (200, b"")
    wait_for(lambda: message_id in peers.station.mdns)
    mdn = peers.station.mdns[message_id]
    assert mdn["disposition"].endswith("; processed")
    assert mdn["received-content-mic"] == expected_mic
    assert [a.payload for a in peers.arrivals] == [ORDERS]


def test_we_send_an_answer_and_the_station_s_synchronous_mdn_settles_it(peers: Peers) -> None:
    record = peers.client.send(peers.partner, ORDRSP, "ORDRSP_91.edi")

    [received] = peers.station.inbox
    assert received.payload == ORDRSP
    assert received.mic == record.mic  # the station computed it itself over what it verified
    assert record.state is SentState.DELIVERED
    assert peers.journal.sent(record.message_id) == record


def test_we_send_an_answer_and_the_station_posts_its_mdn_to_our_endpoint(peers: Peers) -> None:
    partner = replace(peers.partner, mdn=MdnMode.ASYNC)

    record = peers.client.send(partner, ORDRSP, "ORDRSP_91.edi")

    assert record.state is SentState.AWAITING_MDN
    wait_for(lambda: peers.journal.sent(record.message_id).state is not SentState.AWAITING_MDN)  # type: ignore[union-attr]
    settled = peers.journal.sent(record.message_id)
    assert settled is not None and settled.state is SentState.DELIVERED
    assert peers.station.inbox[0].payload == ORDRSP
    assert peers.arrivals == []  # an MDN is no order


def test_a_refusing_mdn_from_the_station_marks_our_message_failed(peers: Peers) -> None:
    peers.station.disposition = "processed/error: decryption-failed"

    record = peers.client.send(peers.partner, ORDRSP, "ORDRSP_91.edi")

    assert record.state is SentState.FAILED
    assert "decryption-failed" in record.detail


def test_a_signature_by_a_certificate_we_did_not_pin_is_refused(peers: Peers, tmp_path: Path) -> None:
    impostor_cert, impostor_key = write_pem(tmp_path, "IMPOSTOR")
    peers.station.cert, peers.station.key = impostor_cert, impostor_key  # same AS2 id, other key pair

    message_id, _, status, headers, body = peers.station.send(peers.url, ORDERS)

    assert status == 200
    mdn = fields_of(peers.station.verify_smime(headers["content-type"], body))
    assert mdn["original-message-id"] == message_id
    assert mdn["disposition"].endswith("processed/error: authentication-failed")
    assert peers.arrivals == []
