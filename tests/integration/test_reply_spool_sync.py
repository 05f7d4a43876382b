"""A batch's replies in the e-mail spool: each file written whole under a temporary name, flushed to
disk and renamed into its customer's folder; the folder synced once for the batch's replies to that
customer (it was once a reply), and no reply marked sent before its folder is synced."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

import pytest

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OutboundState
from core.kernel.errors import TransientError
from oms.bootstrap import App
from outbound import spool
from tests.integration.helpers import answers_of
from tests.integration.test_email_collector import one_spanish_reply, order_mail, store

pytestmark = pytest.mark.integration


class Syncs:
    """os.fsync, counted by what it flushes (a file, or a folder's entries); `fail_folders` raises."""

    def __init__(self, real: Callable[[int], None]) -> None:
        self.real = real
        self.files = 0
        self.folders = 0
        self.fail_folders = False

    def __call__(self, fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            if self.fail_folders:
                raise OSError(5, "Input/output error (the test's disk)")
            self.folders += 1
        else:
            self.files += 1
        self.real(fd)


@pytest.fixture
def syncs(monkeypatch: pytest.MonkeyPatch) -> Syncs:
    counted = Syncs(os.fsync)
    monkeypatch.setattr(spool.os, "fsync", counted)
    return counted


def five_processed(app: App) -> list[int]:
    ids = [store(app, order_mail(n)) for n in range(5)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    assert app.process(ids[0]) is DocumentState.PROCESSED  # the job collects the other four
    app.broker.flush_all()  # type: ignore[attr-defined]  # the render job is run below, by hand
    return ids


def test_a_batchs_replies_to_one_customer_sync_its_folder_once(demo_app_each_db: App, syncs: Syncs) -> None:
    app = demo_app_each_db
    ids = five_processed(app)
    app.render_answers(ids)
    assert syncs.files == 5  # each reply flushed to disk before it is renamed into place
    assert syncs.folders == 1  # one customer's folder, synced once for the five
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)
        (reply,) = answers_of(app, doc_id)
        written = app.settings.outbox / "email" / spool.safe_name(reply.recipient) / reply.filename
        assert written.read_bytes() == reply.content


def test_no_reply_is_marked_sent_before_its_folder_is_on_disk(demo_app_each_db: App, syncs: Syncs) -> None:
    app = demo_app_each_db
    ids = five_processed(app)
    syncs.fail_folders = True
    with pytest.raises(TransientError):  # the job is retried
        app.render_answers(ids)
    for doc_id in ids:
        (reply,) = answers_of(app, doc_id)
        assert reply.state is OutboundState.PENDING and reply.content is not None  # rendered, not sent
        assert reply.attempts == 1 and "Input/output error" in (reply.error or "")
    syncs.fail_folders = False
    assert app.render_answers(ids) == 5  # the retry: rendered already, now sent
    assert syncs.folders == 1
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)
    folder = app.settings.outbox / "email" / spool.safe_name(answers_of(app, ids[0])[0].recipient)
    assert len(list(folder.iterdir())) == 5  # each reply once, nothing half-written left
