"""A processed interchange's answers go out in the job that processed it; the delivery job its commit
queued finds nothing left, so every answer is sent once (one ORDRSP file, one CONTRL file)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.kernel.domain.model import OutboundKind, OutboundState
from oms.bootstrap import App
from samples.edifact_gen import orders_interchange
from tests.integration.helpers import answers_of, arrive, drain, outbox_files

pytestmark = pytest.mark.integration


@pytest.fixture
def app(demo_app_each_db: App) -> App:
    """The demo shop on each database in turn."""
    return demo_app_each_db


def test_the_answers_are_written_before_the_processing_job_returns_and_only_once(app: App) -> None:
    content = orders_interchange(3, 2, order_day=datetime(2026, 11, 26, tzinfo=UTC).date(), ack=True)
    doc_id = arrive(app, content)  # queued, not run: the test is the worker here

    app.process(doc_id)

    answers = answers_of(app, doc_id)
    assert sorted(m.kind for m in answers) == [OutboundKind.CONTRL, OutboundKind.ORDRSP]
    assert {m.state for m in answers} == {OutboundState.SENT}
    files = outbox_files(app)
    assert len(files) == 2
    ordrsp = next(f for f in files if f.name.startswith("ORDRSP_"))
    assert ordrsp.read_bytes().count(b"UNH+") == 3  # one ORDRSP message per order, in one interchange

    drain(app)  # the queued jobs: processing again and delivering again change nothing

    assert outbox_files(app) == files
    assert [(m.id, m.state) for m in answers_of(app, doc_id)] == [(m.id, m.state) for m in answers]


def test_a_job_whose_document_another_live_worker_reads_leaves_its_answers_to_that_worker(app: App) -> None:
    """A second copy of the processing job, run while the first still holds the document's reading
    claim (between its commit and the end of its job), neither reads the document nor sends its
    answers: the first does. Left pending here, they go out once with the delivery job."""
    content = orders_interchange(2, 1, order_day=datetime(2026, 11, 26, tzinfo=UTC).date(), ack=True)
    doc_id = arrive(app, content)
    app.processor().process(doc_id)  # the first job, stored and committed, its answers not sent yet
    assert {m.state for m in answers_of(app, doc_id)} == {OutboundState.PENDING}
    assert app.claims.take(doc_id)  # ... and still holding the document

    app.process(doc_id)  # the second copy

    assert {m.state for m in answers_of(app, doc_id)} == {OutboundState.PENDING}
    assert outbox_files(app) == []
    app.claims.release(doc_id)
    drain(app)  # the delivery job the first job's commit queued
    answers = answers_of(app, doc_id)
    assert sorted(m.kind for m in answers) == [OutboundKind.CONTRL, OutboundKind.ORDRSP]
    assert {m.state for m in answers} == {OutboundState.SENT}
    assert len(outbox_files(app)) == 2
