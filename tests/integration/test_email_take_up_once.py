"""The transaction that takes a collector's batch up reads each of its rows once and writes them once:
the job's own e-mail asks both copy questions (its bytes, its Message-ID) in one statement, the batch's
own rows are not read again to ask theirs, and every taken-up row goes out in one `UPDATE`.

The rules under test are the copy rules as written in `DocumentRepository.first_with_hash` and
`first_with_external_id`: an arrival with the bytes, or the Message-ID, of an earlier one that is not
itself a copy is a copy of it and makes no order; every other e-mail makes its one order.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from core.capture.domain.documents import DocumentState
from ingest.mail import mail_envelope
from oms.bootstrap import App
from tests.conftest import fixed_clock
from tests.integration.helpers import document, orders_of
from tests.integration.test_email_collector import CUSTOMER, order_mail, rows_read_by_id

pytestmark = pytest.mark.integration

_TAKE_UP = re.compile(r"^UPDATE documents SET state=\S+, attempts=", re.IGNORECASE)
_OWN_COPIES = re.compile(r"FROM documents\s+WHERE documents\.(sha256|channel) = ", re.IGNORECASE)


def store(app: App, raw: bytes) -> int:
    """As the SMTP receiver stores an e-mail: its Message-ID is the document's external id."""
    return app.submit(mail_envelope(raw, fixed_clock(), envelope_sender=CUSTOMER))


@contextlib.contextmanager
def document_ids_read(ids: list[int]) -> Iterator[list[int]]:
    """Each time a row of these documents comes back from a read through a session (its id)."""
    read: list[int] = []

    def look(state: ORMExecuteState) -> Any:
        if not state.is_select or "documents" not in {t.name for t in state.statement.get_final_froms()}:  # type: ignore[attr-defined]
            return None
        frozen = state.invoke_statement().freeze()
        for row in frozen().all():
            first = row[0]
            found = getattr(first, "id", first)  # a record, or a column read first: the id
            if found in ids:
                read.append(found)
        return frozen()

    event.listen(Session, "do_orm_execute", look)
    try:
        yield read
    finally:
        event.remove(Session, "do_orm_execute", look)


def test_a_batch_is_taken_up_with_each_row_read_once_and_written_in_one_update(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(5)]
    app.broker.flush_all()  # type: ignore[attr-defined]  # the first e-mail's job collects the others
    processor = app.processor()
    with (
        rows_read_by_id(app, _TAKE_UP) as updates,
        rows_read_by_id(app, _OWN_COPIES) as own_copies,
        document_ids_read(ids) as read,
    ):
        taken = processor._start(ids[0])  # the take-up transaction alone
    collected = sorted(processor.collected)
    processor._release_collected()
    assert not isinstance(taken, DocumentState)
    assert collected == ids[1:]
    assert len(updates) == 1  # the five rows in one UPDATE (main: the job's own, then the others)
    assert len(own_copies) == 1  # bytes and Message-ID asked together (main: two statements)
    assert sorted(read) == ids  # each row once (main: the four collected twice)
    assert [document(app, i).state for i in ids] == [DocumentState.PROCESSING] * 5
    assert [document(app, i).attempts for i in ids] == [1] * 5


def test_the_jobs_own_e_mail_is_still_a_copy_by_its_bytes_or_by_its_message_id(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    first = store(app, order_mail(1))
    assert app.process(first) is DocumentState.PROCESSED
    same_bytes = store(app, order_mail(1))
    relayed = order_mail(1).replace(b"Subject:", b"X-Relayed: once more\r\nSubject:", 1)
    same_message = store(app, relayed)
    other = store(app, order_mail(2))
    app.broker.flush_all()  # type: ignore[attr-defined]
    for doc_id in (same_bytes, same_message):  # each taken up by its own job: a copy, collects nothing
        assert app.process(doc_id) is DocumentState.DUPLICATE
        assert document(app, doc_id).duplicate_of == first
    assert "the same bytes" in document(app, same_bytes).problems[0]["message"]
    assert (
        "the same message (<po901@ferreterianunez.es>)" in document(app, same_message).problems[0]["message"]
    )
    assert app.process(other) is DocumentState.PROCESSED
    assert [len(orders_of(app, i)) for i in (first, same_bytes, same_message, other)] == [1, 0, 0, 1]
