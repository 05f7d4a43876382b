"""The reply is laid out in a transaction that only reads, then kept where its row is still a draft.

On SQLite a writer (the SMTP receiver storing an arrival before its 250) no longer waits while a
reply's PDF is laid out; and a renderer that finishes after another one has rendered, or even sent,
the same draft stores nothing: the answer is stored once and what went out is what the row holds.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from core.capture.domain.documents import Channel, InboundDocument
from core.capture.services.answers import render_unlocked, store_rendered
from core.kernel.domain.model import Customer, Order, OutboundState
from core.kernel.services import delivery
from oms.bootstrap import App
from outbound import spool
from outbound.email.reply import EmailResponder, pdf_confirmation
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import answers_of, drain
from tests.integration.mail_support import Capture, mail_app, smarthost
from tests.integration.test_email_reply_job import CUSTOMER, order_mail

pytestmark = pytest.mark.integration


@pytest.fixture
def app(tmp_path: Path, mailhost: tuple[int, Capture]) -> Iterator[App]:
    application = mail_app(tmp_path, mailhost[0])
    yield application
    application.close()


def processed_order(app: App, raw: bytes | None = None) -> int:
    doc_id = app.submit(InboundDocument(Channel.EMAIL, raw or order_mail(), fixed_clock(), sender=CUSTOMER))
    app.process(doc_id)
    return doc_id


def second_mail() -> bytes:
    return order_mail().replace(b"po77@", b"po78@").replace(b"PO-2026-0077", b"PO-2026-0078")


def test_an_arrival_is_stored_while_a_reply_is_being_laid_out(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    """The render reads in a transaction that takes no writer lock: the receiver's store, made here
    in the same thread in the middle of the PDF's layout, goes through at once (while the render held
    SQLite's writer lock it waited for it, then failed with "database is locked")."""
    doc_id = processed_order(app)
    responder = app.channels.responders()["email"]
    assert isinstance(responder, EmailResponder)
    stored_meanwhile: list[int] = []

    def confirmation(order: Order, customer: Customer | None, language: str, now: datetime) -> bytes:
        stored_meanwhile.append(
            app.submit(InboundDocument(Channel.EMAIL, second_mail(), fixed_clock(), sender=CUSTOMER))
        )
        return pdf_confirmation(order, customer, language, now)

    responder.confirmation = confirmation
    assert app.render_answers(doc_id) == 1  # rendered, stored and sent
    (arrival,) = stored_meanwhile
    assert arrival != doc_id
    (row,) = answers_of(app, doc_id)
    assert row.state is OutboundState.SENT and row.draft is None
    assert len(mailhost[1].messages) == 1


def test_a_renderer_that_finishes_after_the_reply_went_out_stores_nothing(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    _, capture = mailhost
    doc_id = processed_order(app)
    responders = app.channels.responders()
    with app.reading_uow(reads_only=True) as reading:  # a slow renderer reads the draft ...
        late = render_unlocked(reading, doc_id, responders)
    assert len(late) == 1
    assert app.render_answers(doc_id) == 1  # ... another job renders, stores and sends it meanwhile
    # the slow one's content, as if laid out from what it read earlier, comes too late
    stale = {message_id: b"rendered from an earlier read" for message_id in late}
    with app.uow() as uow:
        assert store_rendered(uow, stale) == 0
        uow.commit()
    drain(app)
    assert app.render_answers(doc_id) == 0
    (sent,) = capture.messages
    (row,) = answers_of(app, doc_id)
    assert row.state is OutboundState.SENT
    assert row.content.replace(b"\r\n", b"\n") == sent.content.replace(b"\r\n", b"\n")


def test_two_renderers_of_one_draft_store_the_first_ones_content_and_one_reply_goes(
    app: App, mailhost: tuple[int, Capture]
) -> None:
    """Two renders of one draft are not byte for byte the same (the MIME boundary is random): the
    row keeps the first one stored, and that is the reply that goes out, once."""
    _, capture = mailhost
    doc_id = processed_order(app)
    responders = app.channels.responders()
    with app.reading_uow(reads_only=True) as first, app.reading_uow(reads_only=True) as second:
        one = render_unlocked(first, doc_id, responders)
        other = render_unlocked(second, doc_id, responders)
    (message_id,) = one
    assert set(other) == {message_id}
    with app.uow() as uow:
        assert store_rendered(uow, one) == 1
        uow.commit()
    with app.uow() as uow:
        assert store_rendered(uow, other) == 0
        uow.commit()
    assert app.render_answers(doc_id) == 1  # nothing left to render: it sends the stored reply
    (sent,) = capture.messages
    (row,) = answers_of(app, doc_id)
    assert row.state is OutboundState.SENT and row.content == one[message_id]
    assert sent.content.replace(b"\r\n", b"\n") == one[message_id].replace(b"\r\n", b"\n")


def test_the_spool_writes_and_syncs_the_reply_while_no_writer_holds_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reply's file is flushed and its folder synced before the send's transaction: every
    `fsync` of the spool finds SQLite's writer lock free (a second connection may begin writing)."""
    app = mail_app(tmp_path)  # no smarthost: replies go to the e-mail spool
    try:
        doc_id = processed_order(app)
        under_the_lock: list[bool] = []
        real = os.fsync

        def fsync(fd: int) -> None:
            probe = sqlite3.connect(tmp_path / "oms.db", timeout=0, isolation_level=None)
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                under_the_lock.append(False)
            except sqlite3.OperationalError:  # database is locked: a writer's transaction is open
                under_the_lock.append(True)
            finally:
                probe.close()
            real(fd)

        monkeypatch.setattr(spool.os, "fsync", fsync)
        assert app.render_answers(doc_id) == 1
        assert under_the_lock == [False, False]  # the file, then its folder; none under the lock
        (row,) = answers_of(app, doc_id)
        assert row.state is OutboundState.SENT
        written = app.settings.outbox / "email" / spool.safe_name(row.recipient) / row.filename
        assert written.read_bytes() == row.content
        assert app.render_answers(doc_id) == 0  # run again: nothing sent, nothing written again
        assert under_the_lock == [False, False]
    finally:
        app.close()


def test_a_worker_killed_after_staging_ahead_sends_the_reply_once_after_restart(tmp_path: Path) -> None:
    """Killed with the reply's file in the spool and its row still pending: the start-up sweep's
    delivery finds the file there with the row's bytes, marks the row sent, and writes nothing new."""
    app = mail_app(tmp_path)
    try:
        doc_id = processed_order(app)
        with app.reading_uow(reads_only=True) as reading:
            contents = render_unlocked(reading, doc_id, app.channels.responders())
        with app.uow() as uow:
            assert store_rendered(uow, contents) == 1
            uow.commit()
        assert delivery.stage_ahead(app.reading_uow(reads_only=True), [doc_id], app.channels.senders()) == 1
        (row,) = answers_of(app, doc_id)  # the worker dies here, before the send's transaction
        assert row.state is OutboundState.PENDING
        folder = app.settings.outbox / "email" / spool.safe_name(row.recipient)
        assert [p.name for p in folder.iterdir()] == [row.filename]

        app.requeue_unfinished(everything=True)  # a new worker's start-up sweep
        drain(app)
        (row,) = answers_of(app, doc_id)
        assert row.state is OutboundState.SENT
        assert [p.name for p in folder.iterdir()] == [row.filename]
        assert (folder / row.filename).read_bytes() == row.content
    finally:
        app.close()


def test_a_unit_of_work_that_only_reads_refuses_to_write(app: App) -> None:
    doc_id = processed_order(app)
    with app.reading_uow(reads_only=True) as reading:
        (row,) = reading.outbound.for_document(doc_id)
        row.content = b"changed"
        with pytest.raises(RuntimeError, match="only reads"):
            reading.commit()
    (row,) = answers_of(app, doc_id)
    assert row.content == b"" and row.draft is not None


def test_two_renderers_storing_at_once_on_postgresql_store_one_answer(tmp_path: Path, pg_url: str) -> None:
    """The second renderer's conditional update waits for the first one's row lock, then finds the
    row rendered: it keeps nothing, and one reply is sent with the first one's content."""
    with smarthost() as (port, capture):
        app = make_app(tmp_path, pg_url, smtp_smarthost=f"127.0.0.1:{port}")
        try:
            load_demo_master_data(app)
            doc_id = processed_order(app)
            responders = app.channels.responders()
            with app.reading_uow(reads_only=True) as reading:
                one = render_unlocked(reading, doc_id, responders)
            (message_id,) = one
            stored: list[int] = []
            with app.uow() as first:
                assert store_rendered(first, one) == 1  # the row locked, not yet committed
                pid = first.session.scalar(text("SELECT pg_backend_pid()"))

                def second() -> None:
                    with app.uow() as uow:
                        stored.append(store_rendered(uow, {message_id: b"the second renderer's"}))
                        uow.commit()

                job = threading.Thread(target=second)
                job.start()
                _wait_until_blocked_by(app, pid)
                first.commit()
            job.join(60)
            assert stored == [0]
            assert app.render_answers(doc_id) == 1  # sends the reply the first one stored
            (sent,) = capture.messages
            (row,) = answers_of(app, doc_id)
            assert row.state is OutboundState.SENT and row.content == one[message_id]
            assert sent.content.replace(b"\r\n", b"\n") == one[message_id].replace(b"\r\n", b"\n")
        finally:
            app.close()


def _wait_until_blocked_by(app: App, pid: int) -> None:
    """Until another backend waits for a lock `pid` holds (no timing: it asks PostgreSQL)."""
    probe = text("SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))")
    for _ in range(10_000):
        with app.uow() as uow:
            if uow.session.scalar(probe, {"pid": pid}):
                return
        threading.Event().wait(0.01)
    raise AssertionError("the second renderer never waited for the first one's lock")
