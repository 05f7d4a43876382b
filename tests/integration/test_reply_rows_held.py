"""The answers a collector's batch drafts go into the database together (`OutboundRepository.new_held`):
one statement for the batch instead of one `INSERT … RETURNING` a reply on SQLite.

The rules under test: every answer drafted is stored once, in the transaction that stored its orders,
in the order it was drafted; a read of the outbox in the same transaction finds it; a rollback takes it
away; and each reply is rendered and sent once, answering its own e-mail.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OutboundKind, OutboundMessage, OutboundState
from oms.bootstrap import App
from tests.integration.helpers import answers_of, orders_of, rows_written, stored_email
from tests.integration.test_email_collector import CUSTOMER, one_spanish_reply, order_mail, run_queued, store

pytestmark = pytest.mark.integration

# the statements that insert outbox rows (an executemany counts once)
_ANSWER_INSERT = "INSERT INTO OUTBOUND_MESSAGES"

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def app(app_each_db: App) -> App:
    return app_each_db


def _answer(document_id: int, name: str) -> OutboundMessage:
    return OutboundMessage(
        channel="email",
        kind=OutboundKind.REPLY,
        recipient=CUSTOMER,
        filename=name,
        content=b"",
        created_at=NOW,
        document_id=document_id,
        draft={"orders": [], "decisions": "A"},
    )


def test_a_batch_of_e_mails_stores_its_reply_drafts_in_one_statement_each_reply_sent_once(
    demo_app_each_db: App,
) -> None:
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(4)]
    app.broker.flush_all()  # type: ignore[attr-defined]  # the first e-mail's job collects the others
    with rows_written(app, _ANSWER_INSERT) as inserts:
        assert app.process(ids[0]) is DocumentState.PROCESSED
    assert len(inserts) == 1  # four drafts (main on SQLite: four statements, one a reply)
    drafts = [answers_of(app, i) for i in ids]
    assert [len(d) for d in drafts] == [1, 1, 1, 1]
    # stored in the order drafted, each for its own document's order
    assert [d[0].id for d in drafts] == sorted(d[0].id for d in drafts)  # type: ignore[type-var]
    for doc_id, (draft,) in zip(ids, drafts, strict=True):
        (order,) = orders_of(app, doc_id)
        assert draft.recipient == CUSTOMER and draft.order_id == order.id
        assert draft.state is OutboundState.PENDING and draft.draft is not None
    run_queued(app)
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)  # one reply each, sent, answering its own e-mail
    for doc_id in ids:  # their own jobs, late, store and draft nothing again
        assert app.process(doc_id) is DocumentState.PROCESSED
        assert app.render_answers(doc_id) == 0
    assert [len(answers_of(app, i)) for i in ids] == [1, 1, 1, 1]


def test_held_answers_are_found_by_a_read_of_the_outbox_in_the_same_transaction(app: App) -> None:
    first, second = stored_email(app, 1, NOW), stored_email(app, 2, NOW)
    with app.uow() as uow, rows_written(app, _ANSWER_INSERT) as inserts:
        with uow.outbound.new_held():
            uow.outbound.add(_answer(first, "a.eml"))
            uow.outbound.add(_answer(first, "b.eml"))
            assert inserts == []  # waiting
            assert [m.filename for m in uow.outbound.for_document(first)] == ["a.eml", "b.eml"]
            assert len(inserts) == 1
            uow.outbound.add(_answer(second, "c.eml"))
        assert len(inserts) == 2  # the block's end sends the rest
        uow.commit()
    assert [m.filename for m in answers_of(app, first)] == ["a.eml", "b.eml"]
    assert [m.filename for m in answers_of(app, second)] == ["c.eml"]


def test_held_answers_go_with_their_transaction_committed_or_rolled_back(app: App) -> None:
    kept, dropped = stored_email(app, 1, NOW), stored_email(app, 2, NOW)
    with app.uow() as uow:
        with pytest.raises(RuntimeError), uow.outbound.new_held():
            uow.outbound.add(_answer(kept, "kept.eml"))
            raise RuntimeError("a failure inside the block")
        uow.commit()  # the answer left waiting goes in with the commit
    with app.uow() as uow:
        with uow.outbound.new_held():
            uow.outbound.add(_answer(dropped, "dropped.eml"))
            uow.rollback()
        uow.commit()  # nothing left to insert
    assert [m.filename for m in answers_of(app, kept)] == ["kept.eml"]
    assert answers_of(app, dropped) == []


def test_a_savepoint_in_the_block_keeps_the_answers_held_before_it(app: App) -> None:
    doc = stored_email(app, 1, NOW)
    with app.uow() as uow:
        with uow.outbound.new_held():
            uow.outbound.add(_answer(doc, "before.eml"))
            with contextlib.suppress(RuntimeError), uow.savepoint():
                raise RuntimeError("undone: only what the savepoint did")
        uow.commit()
    assert [m.filename for m in answers_of(app, doc)] == ["before.eml"]
