"""The e-mail reply is an answer rendered and sent by its own job, not during intake.

Processing an e-mailed order stores the order and the reply's outbox row (owed from then on) but
renders nothing; `render_answers` renders the reply and sends it, once, in the original's thread,
however often it runs and wherever a worker dies.
"""

from __future__ import annotations

import email
import threading
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.capture.services.answers import render_drafts
from core.kernel.domain.model import OrderState, OutboundKind, OutboundState
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import answers_of, document, drain, orders_of
from tests.integration.mail_support import Capture, mail_app, smarthost

pytestmark = pytest.mark.integration
CUSTOMER = "pedidos@ferreterianunez.es"
SUBJECT = "Pedido PO-2026-0077 – señal de ñandú"


@pytest.fixture
def app(tmp_path: Path, mailhost: tuple[int, Capture]) -> Iterator[App]:
    application = mail_app(tmp_path, mailhost[0])
    yield application
    application.close()


def order_mail() -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = f"Ana Núñez <{CUSTOMER}>"
    msg["To"] = "pedidos@comanda.example"
    msg["Subject"] = SUBJECT
    msg["Date"] = "Thu, 26 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = "<po77@ferreterianunez.es>"
    msg["References"] = "<earlier@ferreterianunez.es>"
    msg.set_content("Hola,\n\n* 10 x TOR-M8-40\n* 3 cajas de TAC-6\n\nGracias,\nAna\n")
    return msg.as_bytes()


def store(app: App) -> int:
    """The SMTP receiver's step: the bytes stored (what the 250 waits for), nothing read yet."""
    return app.submit(InboundDocument(Channel.EMAIL, order_mail(), fixed_clock(), sender=CUSTOMER))


def assert_one_threaded_spanish_reply(capture: Capture) -> None:
    (sent,) = capture.messages
    assert sent.rcpt_tos == [CUSTOMER]
    reply = email.message_from_bytes(sent.content, policy=policy.default)
    assert reply["Subject"] == f"Re: {SUBJECT}"
    assert reply["In-Reply-To"] == "<po77@ferreterianunez.es>"
    assert reply["References"] == "<earlier@ferreterianunez.es> <po77@ferreterianunez.es>"
    text = reply.get_body(("plain",)).get_content()
    assert "Buenos días:" in text and "Hemos recibido y aceptado su pedido PO-2026-0077" in text
    (pdf,) = list(reply.iter_attachments())
    assert pdf.get_filename() == "confirmacion-pedido-PO-2026-0077.pdf"
    assert pdf.get_content().startswith(b"%PDF")


def test_processing_stores_the_order_and_leaves_the_reply_pending_unrendered(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    _, capture = mailhost
    doc_id = store(app)
    assert app.process(doc_id) is DocumentState.PROCESSED  # the intake job alone, no other job run

    (order,) = orders_of(app, doc_id)
    assert order.state is OrderState.ACCEPTED and order.po_number == "PO-2026-0077"
    (row,) = answers_of(app, doc_id)
    assert row.kind is OutboundKind.REPLY and row.state is OutboundState.PENDING
    assert row.recipient == CUSTOMER
    assert row.content == b""  # no MIME, no PDF made while taking the order in
    assert app.deliver(doc_id) == 0  # an unrendered reply cannot go out by the ordinary delivery
    assert capture.messages == []

    assert app.render_answers(doc_id) == 1
    assert_one_threaded_spanish_reply(capture)
    (row,) = answers_of(app, doc_id)
    assert row.state is OutboundState.SENT
    assert b"In-Reply-To: <po77@ferreterianunez.es>" in row.content


def test_the_whole_chain_through_the_queue_sends_one_reply_in_the_thread(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    doc_id = store(app)
    drain(app)
    assert document(app, doc_id).state is DocumentState.PROCESSED
    assert_one_threaded_spanish_reply(mailhost[1])
    # the start-up sweep and a second run of the job find nothing owed
    app.requeue_unfinished(everything=True)
    drain(app)
    assert app.render_answers(doc_id) == 0
    assert len(mailhost[1].messages) == 1


def test_a_worker_killed_between_rendering_and_sending_sends_the_reply_once(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    _, capture = mailhost
    doc_id = store(app)
    app.process(doc_id)
    # the render job's first half, committed; then the worker dies before sending
    with app.uow() as uow:
        assert render_drafts(uow, doc_id, app.channels.responders()) == 1
        uow.commit()
    (rendered,) = answers_of(app, doc_id)
    assert rendered.state is OutboundState.PENDING and rendered.content != b""

    app.requeue_unfinished(everything=True)  # a new worker's start-up sweep
    drain(app)
    assert app.render_answers(doc_id) == 0  # and the job itself, run again by a redelivery
    assert_one_threaded_spanish_reply(capture)
    assert capture.messages[0].content.replace(b"\r\n", b"\n") == rendered.content.replace(b"\r\n", b"\n")
    (row,) = answers_of(app, doc_id)
    assert row.state is OutboundState.SENT


def test_a_worker_killed_before_rendering_leaves_a_draft_the_sweep_renders_once(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    doc_id = store(app)
    app.process(doc_id)  # the render job it queued is lost with the worker
    app.requeue_unfinished(everything=True)
    drain(app)
    app.requeue_unfinished(everything=True)
    drain(app)
    assert_one_threaded_spanish_reply(mailhost[1])


def test_two_render_jobs_at_once_on_postgresql_render_and_send_one_reply(tmp_path: Path, pg_url: str) -> None:
    with smarthost() as (port, capture):
        app = make_app(tmp_path, pg_url, smtp_smarthost=f"127.0.0.1:{port}")
        try:
            load_demo_master_data(app)
            doc_id = store(app)
            app.process(doc_id)
            barrier = threading.Barrier(2)
            sent: list[int] = []

            def run() -> None:
                barrier.wait()
                sent.append(app.render_answers(doc_id))

            threads = [threading.Thread(target=run) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            assert len(sent) == 2  # both jobs finished
            assert_one_threaded_spanish_reply(capture)
            (row,) = answers_of(app, doc_id)
            assert row.state is OutboundState.SENT
        finally:
            app.close()
