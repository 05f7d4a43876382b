"""A batch's rendered replies are kept in one statement, each in its own row, and only in rows still
drafts: a reply another renderer stored first keeps that renderer's bytes. Both databases."""

from __future__ import annotations

import contextlib
import email
from email import policy

import pytest

from core.capture.services.answers import render_unlocked, store_rendered
from core.kernel.domain.model import OutboundState
from oms.bootstrap import App
from tests.integration.helpers import answers_of, rows_written
from tests.integration.test_email_collector import order_mail, store

pytestmark = pytest.mark.integration


def content_writes(app: App) -> contextlib.AbstractContextManager[list[int]]:
    """The rows each statement that writes a reply's content wrote, one entry a statement."""
    return rows_written(app, "UPDATE OUTBOUND_MESSAGES SET CONTENT")


def test_a_batchs_replies_are_kept_in_one_statement_each_in_its_row(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(5)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    app.process(ids[0])  # the collector takes all five
    with content_writes(app) as statements:
        assert app.render_answers(ids) == 5
    assert statements == [5]
    for n, doc_id in enumerate(ids):
        (reply,) = answers_of(app, doc_id)
        assert reply.state is OutboundState.SENT and reply.draft is None
        mail = email.message_from_bytes(reply.content, policy=policy.default)
        assert mail["In-Reply-To"] == f"<po9{n:02d}@ferreterianunez.es>"
        assert f"PO-2026-09{n:02d}" in mail.get_body(("plain",)).get_content()


def test_a_reply_another_renderer_kept_first_keeps_its_bytes(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(3)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    app.process(ids[0])
    responders = app.channels.responders()
    with app.reading_uow(reads_only=True) as reading:
        rendered = render_unlocked(reading, ids, responders)
    first = min(rendered)
    with app.uow() as uow:  # another renderer kept the first reply meanwhile
        assert store_rendered(uow, {first: b"the other renderer's bytes"}) == 1
        uow.commit()
    with content_writes(app) as statements, app.uow() as uow:
        assert uow.outbound.fill_drafts(rendered) == sorted(set(rendered) - {first})
        uow.commit()
    assert statements == [2]  # one statement for the two rows still drafts
    by_id = {r.id: r for doc_id in ids for r in answers_of(app, doc_id)}
    assert by_id[first].content == b"the other renderer's bytes"
    assert all(by_id[i].content == rendered[i] for i in rendered if i != first)
    assert all(r.draft is None and r.state is OutboundState.PENDING for r in by_id.values())
