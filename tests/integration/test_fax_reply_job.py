"""The faxed confirmation is an answer rendered and sent by its own job, not during intake.

Processing a faxed order stores the order and the confirmation's outbox row (owed from then on, its
number and language fixed) but renders no PDF; `render_answers` renders it and hands it to the fax
spool, once, however often it runs and wherever a worker dies.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pdfplumber
import pytest

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.capture.services.answers import render_drafts
from core.kernel.domain.model import Decision, OrderState, OutboundKind, OutboundState
from oms.bootstrap import App
from samples.orders_gen import GeneratedOrder, make, render
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import answers_of, document, drain, orders_of

pytestmark = pytest.mark.integration
NUMBER = "+34981234567"  # Bricolaje Galicia's fax on file (C-1002 in samples/)


def faxed_order() -> GeneratedOrder:
    """An order of Bricolaje Galicia, as a fax server that hands over PDFs delivers it."""
    order = render(make("borderless", "fax-e2e:10"), 10)
    assert order.spec.customer.customer_id == "C-1002"
    return order


def store(app: App, order: GeneratedOrder) -> int:
    """The fax watcher's step: the bytes stored, nothing read yet."""
    return app.submit(InboundDocument(Channel.FAX, order.pdf, fixed_clock(), sender="+34 981 234 567"))


def spool(app: App) -> list[Path]:
    root = app.settings.outbox / "fax"
    return sorted(root.iterdir()) if root.exists() else []


def text_of(pdf: bytes) -> str:
    import io

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def assert_one_fax_of(app: App, order: GeneratedOrder, content: bytes) -> None:
    """Exactly one confirmation in the spool: its PDF (these bytes) and its job file."""
    ticket, pdf = spool(app)
    assert (pdf.suffix, ticket.suffix) == (".pdf", ".json")
    assert pdf.read_bytes() == content
    job = json.loads(ticket.read_text(encoding="utf-8"))
    assert (job["number"], job["document"]) == (NUMBER, pdf.name)
    words = text_of(content)
    assert "CONFIRMACIÓN" in words and order.truth["po_number"] in words  # Spanish customer


def test_processing_stores_the_order_and_leaves_the_fax_pending_unrendered(demo_app: App) -> None:
    order = faxed_order()
    doc_id = store(demo_app, order)
    assert demo_app.process(doc_id) is DocumentState.PROCESSED  # the intake job alone

    (got,) = orders_of(demo_app, doc_id)
    assert got.decision is Decision.ACCEPT and got.state is OrderState.ACCEPTED, got.problems
    (row,) = answers_of(demo_app, doc_id)
    assert (row.channel, row.kind, row.recipient, row.state) == (
        "fax",
        OutboundKind.REPLY,
        NUMBER,
        OutboundState.PENDING,
    )
    assert row.order_id == got.id
    assert row.content == b""  # no PDF made while taking the order in
    assert demo_app.deliver(doc_id) == 0  # a draft never goes out by the ordinary delivery
    assert spool(demo_app) == []

    assert demo_app.render_answers(doc_id) == 1
    (row,) = answers_of(demo_app, doc_id)
    assert row.state is OutboundState.SENT and row.content.startswith(b"%PDF")
    assert_one_fax_of(demo_app, order, row.content)


def test_the_whole_chain_through_the_queue_faxes_one_confirmation(demo_app: App) -> None:
    order = faxed_order()
    doc_id = store(demo_app, order)
    drain(demo_app)
    assert document(demo_app, doc_id).state is DocumentState.PROCESSED
    (row,) = answers_of(demo_app, doc_id)
    assert row.state is OutboundState.SENT
    assert_one_fax_of(demo_app, order, row.content)
    demo_app.requeue_unfinished(everything=True)  # a restart finds nothing owed
    drain(demo_app)
    assert demo_app.render_answers(doc_id) == 0
    assert_one_fax_of(demo_app, order, row.content)


def test_rendering_a_draft_again_gives_the_same_bytes(demo_app: App) -> None:
    doc_id = store(demo_app, faxed_order())
    demo_app.process(doc_id)
    responder = demo_app.channels.responders()["fax"]
    with demo_app.uow() as uow:
        (draft,) = uow.outbound.drafts_for_document(doc_id)
        record = uow.documents.get(doc_id)
        assert record is not None and draft.order_id is not None
        answered = uow.orders.get(draft.order_id)
        assert answered is not None
        first = responder.render(uow, record, [answered], draft)  # type: ignore[attr-defined]
        second = responder.render(uow, record, [answered], draft)  # type: ignore[attr-defined]
    assert first.startswith(b"%PDF") and first == second


def test_a_worker_killed_between_rendering_and_sending_faxes_once(demo_app: App) -> None:
    order = faxed_order()
    doc_id = store(demo_app, order)
    demo_app.process(doc_id)
    with demo_app.uow() as uow:  # the render job's first half, committed; then the worker dies
        assert render_drafts(uow, doc_id, demo_app.channels.responders()) == 1
        uow.commit()
    (rendered,) = answers_of(demo_app, doc_id)
    assert rendered.state is OutboundState.PENDING and rendered.content.startswith(b"%PDF")
    assert spool(demo_app) == []

    demo_app.requeue_unfinished(everything=True)  # a new worker's start-up sweep
    drain(demo_app)
    assert demo_app.render_answers(doc_id) == 0  # and the job itself, run again by a redelivery
    (row,) = answers_of(demo_app, doc_id)
    assert row.state is OutboundState.SENT and row.content == rendered.content
    assert_one_fax_of(demo_app, order, rendered.content)


def test_a_worker_killed_before_rendering_leaves_a_draft_the_sweep_renders_once(demo_app: App) -> None:
    order = faxed_order()
    doc_id = store(demo_app, order)
    demo_app.process(doc_id)  # the render job it queued is lost with the worker
    demo_app.requeue_unfinished(everything=True)
    drain(demo_app)
    demo_app.requeue_unfinished(everything=True)
    drain(demo_app)
    (row,) = answers_of(demo_app, doc_id)
    assert row.state is OutboundState.SENT
    assert_one_fax_of(demo_app, order, row.content)


def test_two_render_jobs_at_once_on_postgresql_fax_one_confirmation(tmp_path: Path, pg_url: str) -> None:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    try:
        load_demo_master_data(app)
        order = faxed_order()
        doc_id = store(app, order)
        app.process(doc_id)
        barrier = threading.Barrier(2)
        done: list[int] = []

        def run() -> None:
            barrier.wait()
            done.append(app.render_answers(doc_id))

        threads = [threading.Thread(target=run) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert len(done) == 2  # both jobs finished
        (row,) = answers_of(app, doc_id)
        assert row.state is OutboundState.SENT
        assert_one_fax_of(app, order, row.content)
    finally:
        app.close()
