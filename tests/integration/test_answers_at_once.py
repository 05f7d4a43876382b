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
