"""The AS2 channel end to end: a retailer's AS2 station (OpenSSL's `cms` and http.server, sharing no
code with ours) posts signed and encrypted EDIFACT to our running app (the web app on loopback, the
job workers, the partner file from OMS_AS2_PARTNERS' setting), and our answers go back to it over AS2.

What the retailer must see, written out: a signed MDN that says `processed` with the MIC of what it
sent, only once the order is on record; an ORDRSP (and the CONTRL it asked for) decrypted and verified
by OpenSSL; the same message twice never makes a second order; the DESADV and INVOIC of a shipped
order arrive the same way; and our outbox rows end `delivered` when its receipts say so (`failed`,
not a crash, when they refuse).
"""

from __future__ import annotations

import json
import re
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from core.capture.domain.documents import Channel, DocumentRecord, DocumentState
from core.kernel.domain.model import Order, OutboundKind, OutboundMessage, OutboundState
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app, make_user
from tests.integration.as2_station import OpenSslStation, fields_of, require_openssl
from tests.integration.billing_support import set_up_books, ship_all
from tests.integration.lifecycle_support import DEMO
from tests.unit.as2.keys import write_pem
from tests.waiting import wait_until
from web.app import create_app

pytestmark = pytest.mark.integration
PROCESSED = "automatic-action/MDN-sent-automatically; processed"


def wait_for(condition: Callable[[], object], what: str, seconds: float = 30.0) -> None:
    wait_until(condition, what, seconds)


@dataclass
class Link:
    app: App
    station: OpenSslStation  # the retailer
    url: str  # our AS2 address

    def documents(self) -> list[DocumentRecord]:
        with self.app.uow() as uow:
            return [d for d in uow.documents.list(limit=100) if d.channel is Channel.AS2]

    def orders(self) -> list[Order]:
        with self.app.uow() as uow:
            return sorted(uow.orders.list(limit=100), key=lambda o: o.id or 0)

    def outbox(self) -> list[OutboundMessage]:
        with self.app.uow() as uow:
            return [m for d in self.documents() for m in uow.outbound.for_document(d.id or 0)]

    def received(self, kind: str) -> list[bytes]:
        """The interchanges of this message type the station decrypted and verified."""
        return [r.payload for r in self.station.inbox if f"+{kind}:D:".encode() in r.payload]


def partner_file(folder: Path, station_url: str, our_url: str, mdn: str) -> Path:
    path = folder / "partners.toml"
    path.write_text(
        f"""
[[station]]
as2_id = "COMANDA"
certificate = "COMANDA.pem"
key = "COMANDA.key"

[[partner]]
as2_id = "RETAILER-EU"
name = "Ferretería Núñez (AS2)"
url = "{station_url}/as2"
certificates = ["RETAILER-EU.pem"]
edi_ids = ["8437000100010"]
mdn = "{mdn}"
async_mdn_url = "{our_url}"
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture(params=["async"])
def link(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Link]:
    """Our app with the AS2 channel switched on, serving on loopback with its workers running."""
    require_openssl()
    our_cert, _ = write_pem(tmp_path, "COMANDA")
    their_cert, their_key = write_pem(tmp_path, "RETAILER-EU")
    station = OpenSslStation(tmp_path, "RETAILER-EU", their_cert, their_key, "COMANDA", our_cert)
    station_url = station.start()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    our_url = f"http://127.0.0.1:{sock.getsockname()[1]}/as2"
    partners = partner_file(tmp_path, station_url, our_url, request.param)
    app = make_app(tmp_path / "var", clock=fixed_clock, as2_partners=partners)
    load_demo_master_data(app)
    worker = app.worker()
    worker.start()
    server = uvicorn.Server(uvicorn.Config(create_app(app), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    wait_for(lambda: server.started, "our web app")
    yield Link(app, station, our_url)
    server.should_exit = True
    thread.join(timeout=10)
    worker.stop()
    station.stop()
    sock.close()
    app.close()


def sync(func: Callable[..., object]) -> Callable[..., object]:
    """Run the test with a partner that answers our messages with synchronous MDNs."""
    return pytest.mark.parametrize("link", ["sync"], indirect=True)(func)


def send_orders(link: Link) -> tuple[str, dict[str, str]]:
    """The retailer posts the demo interchange; returns its Message-ID and our MDN's fields, which
    OpenSSL verified against our certificate."""
    message_id, mic, status, headers, body = link.station.send(link.url, DEMO)
    assert status == 200
    mdn = fields_of(link.station.verify_smime(headers["content-type"], body))
    assert mdn["original-message-id"] == message_id
    assert mdn["received-content-mic"] == mic
    return message_id, mdn


def test_an_order_over_as2_is_stored_accepted_and_answered_over_as2(link: Link) -> None:
    message_id, mdn = send_orders(link)

    assert mdn["disposition"] == PROCESSED
    [doc] = link.documents()  # on record before the MDN said processed
    assert (doc.external_id, doc.sender, doc.sha256 and doc.size) == (message_id, "RETAILER-EU", len(DEMO))
    wait_for(lambda: len(link.orders()) == 2, "the two orders")
    assert {(o.po_number, o.customer_id, o.channel, str(o.state)) for o in link.orders()} == {
        ("PO-2026-00123", "C-1001", "as2", "accepted"),
        ("PO-2026-00124", "C-1001", "as2", "accepted"),
    }
    wait_for(lambda: link.received("ORDRSP") and link.received("CONTRL"), "our answers at the station")
    [ordrsp] = link.received("ORDRSP")
    assert ordrsp.startswith(b"UNA") and b"+8437000100010:14+" in ordrsp and ordrsp.count(b"UNH+") == 2
    # the station posted its MDNs to our /as2 afterwards; they settle our outbox rows
    wait_for(
        lambda: {m.state for m in link.outbox()} == {OutboundState.DELIVERED}, "the MDNs to settle our rows"
    )
    rows = link.outbox()
    assert sorted((m.kind, m.channel, m.recipient) for m in rows) == [
        (OutboundKind.CONTRL, "as2", "8437000100010"),
        (OutboundKind.ORDRSP, "as2", "8437000100010"),
    ]
    assert not (link.app.settings.outbox / "edi").exists()  # nothing went into the EDI folder
    journal = [json.loads(p.read_text()) for p in (link.app.settings.data_dir / "as2" / "sent").glob("*")]
    assert sorted(r["reference"] for r in journal) == sorted(str(m.id) for m in rows)
    assert all(r["mdn_mode"] == "async" and r["mdn_message_id"] for r in journal)  # came to our /as2


def test_the_same_message_twice_makes_one_order(link: Link) -> None:
    message_id, _ = send_orders(link)
    wait_for(lambda: len(link.orders()) == 2, "the two orders")
    first_headers, first_body = link.station.sent[0]

    # the retailer never got our MDN and posts the very same message again: answered, not taken
    status, headers, body = link.station.post(link.url, first_headers, first_body)
    again = fields_of(link.station.verify_smime(headers["content-type"], body))
    assert (status, again["original-message-id"], again["disposition"]) == (200, message_id, PROCESSED)
    assert len(link.documents()) == 1

    # the same interchange under a new Message-ID: stored, then known by its UNB reference
    _, mdn = send_orders(link)
    assert mdn["disposition"] == PROCESSED
    wait_for(lambda: all(d.state.finished for d in link.documents()), "both documents to be processed")
    first, second = sorted(link.documents(), key=lambda d: d.id or 0)
    assert (second.state, second.duplicate_of) == (DocumentState.DUPLICATE, first.id)
    assert len(link.orders()) == 2


@sync
def test_despatch_advice_and_invoice_of_a_shipped_order_go_back_over_as2(link: Link) -> None:
    send_orders(link)
    wait_for(lambda: len(link.orders()) == 2 and link.received("ORDRSP"), "the orders and their ORDRSP")
    first = link.orders()[0]
    assert first.id is not None
    set_up_books(link.app)
    link.app.lifecycle.service.start([first.id], "clerk")
    ship_all(link.app, first.id)

    wait_for(lambda: link.received("DESADV") and link.received("INVOIC"), "the DESADV and INVOIC")
    [desadv], [invoic] = link.received("DESADV"), link.received("INVOIC")
    assert b"PO-2026-00123" in desadv and b"BGM+380+" in invoic
    wait_for(lambda: len(link.outbox()) == 4, "four answers in the outbox")
    assert {(m.kind, m.state) for m in link.outbox()} == {
        (OutboundKind.CONTRL, OutboundState.DELIVERED),  # synchronous MDNs settle them at once
        (OutboundKind.ORDRSP, OutboundState.DELIVERED),
        (OutboundKind.DESADV, OutboundState.DELIVERED),
        (OutboundKind.INVOIC, OutboundState.DELIVERED),
    }


@sync
def test_a_retailer_that_refuses_our_answers_fails_them_without_stopping_anything(link: Link) -> None:
    link.station.disposition = "processed/error: decryption-failed"

    send_orders(link)

    wait_for(lambda: len(link.outbox()) == 2, "our two answers")
    wait_for(lambda: {m.state for m in link.outbox()} == {OutboundState.FAILED}, "the refusals")
    assert all("decryption-failed" in (m.error or "") for m in link.outbox())
    assert len(link.station.inbox) == 2  # each posted once: a refusal is not retried
    link.app.requeue_unfinished()  # the sweep finds nothing left to send
    for queue in link.app.broker.get_declared_queues():  # the running worker has done all it was given
        link.app.broker.join(queue, timeout=30_000)  # type: ignore[attr-defined]
    assert len(link.station.inbox) == 2
    assert {str(o.state) for o in link.orders()} == {"accepted"}


def page(url: str, token: str | None = None) -> tuple[int, str]:
    headers = {"Accept": "text/html", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(url, headers=headers, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_the_web_app_serves_as2_without_a_login_and_lists_it_on_the_dashboard(link: Link) -> None:
    anonymous = urllib.request.Request(link.url, data=b"hello", headers={"Content-Type": "text/plain"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(anonymous, timeout=10)
    assert refused.value.code == 400  # the channel's own answer, not the login wall's 401
    assert b"not an AS2 message" in refused.value.read()

    base = link.url.removesuffix("/as2")
    status, html = page(f"{base}/dashboard", make_user(link.app))
    assert status == 200
    assert chips_of(html) == ["EDIFACT", "E-mail", "Fax", "AS2"]


def test_without_a_partner_file_there_is_no_as2_channel(app: App) -> None:
    client = TestClient(create_app(app), follow_redirects=False)

    assert client.post("/as2", content=b"hello").status_code == 401  # behind the login like the rest
    html = client.get("/dashboard", headers={"Authorization": f"Bearer {make_user(app)}"}).text
    assert chips_of(html) == ["EDIFACT", "E-mail", "Fax"]


def chips_of(html: str) -> list[str]:
    """The channels the dashboard names in its legend, in order (each chip: a colour swatch, the name)."""
    chips = re.findall(r'<span class="chip"[^>]*>(?:<svg.*?</svg>)?\s*([^<]+)</span>', html)
    return [c.strip() for c in chips]
