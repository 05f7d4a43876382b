"""The render job's send: the replies put in the spool and made durable ahead are marked sent as they
are, not read again and written again under the send's lock."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from core.kernel.domain.model import OutboundState
from oms.bootstrap import App
from outbound import spool
from tests.integration.helpers import Statements, answers_of
from tests.integration.test_email_collector import one_spanish_reply
from tests.integration.test_reply_spool_sync import five_processed

pytestmark = pytest.mark.integration


class Writes:
    """`spool.write_atomically`, counted by the file it puts in place."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.paths: list[Path] = []

    def __call__(self, path: Path, content: bytes, **options: Any) -> None:
        self.paths.append(path)
        self.real(path, content, **options)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Writes:
    counted = Writes(spool.write_atomically)
    monkeypatch.setattr(spool, "write_atomically", counted)
    return counted


def test_the_batchs_replies_are_read_once_written_once_and_sent(
    demo_app_each_db: App, statements: Statements, writes: Writes
) -> None:
    app = demo_app_each_db
    ids = five_processed(app)
    statements.seen.clear()
    assert app.render_answers(ids) == 5
    assert statements.reads_of_pending_replies() == 1  # the look ahead; the send reads them no more
    assert len(writes.paths) == len(set(writes.paths)) == 5  # each reply's file once
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)  # sent, in its thread
        (reply,) = answers_of(app, doc_id)
        written = app.settings.outbox / "email" / spool.safe_name(reply.recipient) / reply.filename
        assert written.read_bytes() == reply.content
    statements.seen.clear()
    assert app.render_answers(ids) == 0  # again: nothing pending, nothing written
    assert len(writes.paths) == 5
    assert statements.reads_of_pending_replies() == 1


def test_a_reply_its_gateway_took_before_the_send_is_not_put_in_the_spool_again(
    demo_app_each_db: App, writes: Writes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gateway takes each file from the spool as soon as it is on disk: every reply reaches it once."""
    app = demo_app_each_db
    ids = five_processed(app)
    taken: list[bytes] = []
    real = spool.FolderSpool.make_durable

    def durable_then_taken(self: spool.FolderSpool, staged: Iterable[object]) -> None:
        staged = list(staged)
        real(self, staged)
        for path in staged:
            if isinstance(path, Path):
                taken.append(path.read_bytes())
                path.unlink()

    monkeypatch.setattr(spool.FolderSpool, "make_durable", durable_then_taken)
    assert app.render_answers(ids) == 5
    assert len(writes.paths) == 5
    assert sorted(taken) == sorted(r.content for d in ids for r in answers_of(app, d) if r.content)
    for doc_id in ids:
        (reply,) = answers_of(app, doc_id)
        assert reply.state is OutboundState.SENT
    folder = writes.paths[0].parent
    assert list(folder.iterdir()) == []  # nothing put back for the gateway to take a second time
