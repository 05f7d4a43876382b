"""The recovery sweep queues a draft's render job again only when that job is presumed lost.

A render job waiting its turn in the queue (under load, at low priority) is not lost: queuing it
again every sweep would fill the queue with copies that each wait, then find nothing to do. The
periodic sweep queues a draft again once its job has been queued for longer than the lease
(`RENDER_LEASE`), and then not again for another lease; a worker's start-up sweep queues every draft
(the in-process queue died with the worker). A draft a render job holds locked is being rendered
and is never queued again.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import dramatiq
import pytest

from core.capture.domain.documents import Channel, InboundDocument
from core.kernel.domain.model import OutboundState
from oms.bootstrap import App
from oms.recovery import RENDER_LEASE
from samples.orders_gen import make, render
from tests.conftest import DEMO_DAY, load_demo_master_data, make_app
from tests.integration.helpers import answers_of, drain

pytestmark = pytest.mark.integration


class Clock:
    def __init__(self) -> None:
        self.now = DEMO_DAY

    def __call__(self) -> datetime:
        return self.now


def faxed_order(app: App) -> int:
    """A faxed order processed, its confirmation drafted and its render job queued (not run)."""
    order = render(make("borderless", "fax-e2e:10"), 10)
    doc_id = app.submit(InboundDocument(Channel.FAX, order.pdf, app.clock(), sender="+34 981 234 567"))
    app.process(doc_id)
    return doc_id


def render_jobs(app: App, doc_id: int) -> int:
    """How many render_answers jobs for the document wait in the in-process queue (a job names one
    document, or the list of those one publish drafted)."""
    queue = app.broker.queues["answers"]  # type: ignore[attr-defined]
    with queue.mutex:
        waiting = [dramatiq.Message.decode(data) for data in list(queue.queue)]
    renders = [m.args[0] for m in waiting if m.actor_name.endswith("render_answers")]
    return sum(1 for ids in renders if doc_id in (ids if isinstance(ids, list) else [ids]))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def swept_app(tmp_path: Path, clock: Clock) -> App:
    application = make_app(tmp_path, clock=clock)
    load_demo_master_data(application)
    return application


def test_a_job_waiting_in_the_queue_is_not_queued_again_until_its_lease_runs_out(
    swept_app: App, clock: Clock
) -> None:
    app = swept_app
    try:
        doc_id = faxed_order(app)
        assert render_jobs(app, doc_id) == 1  # processing queued it

        clock.now += timedelta(minutes=1)
        app.requeue_unfinished()  # a periodic sweep: the job is only waiting
        clock.now += RENDER_LEASE - timedelta(minutes=1, seconds=1)
        app.requeue_unfinished()  # one second short of the lease
        assert render_jobs(app, doc_id) == 1

        clock.now += timedelta(seconds=2)  # the lease is over: presumed lost, queued again
        app.requeue_unfinished()
        assert render_jobs(app, doc_id) == 2
        clock.now += timedelta(minutes=1)  # queued again a minute ago: a new lease runs
        app.requeue_unfinished()
        assert render_jobs(app, doc_id) == 2
        clock.now += RENDER_LEASE
        app.requeue_unfinished()
        assert render_jobs(app, doc_id) == 3

        drain(app)  # every copy runs; the first renders and sends, the others find nothing
        (row,) = answers_of(app, doc_id)
        assert row.state is OutboundState.SENT
        assert len(list((app.settings.outbox / "fax").glob("*.pdf"))) == 1
        clock.now += 2 * RENDER_LEASE
        app.requeue_unfinished()
        assert render_jobs(app, doc_id) == 0  # nothing owed any more
    finally:
        app.close()


def test_a_start_up_sweep_queues_every_draft_at_once(swept_app: App, clock: Clock) -> None:
    app = swept_app
    try:
        doc_id = faxed_order(app)
        app.requeue_unfinished(everything=True)  # a worker starting: the in-process queue was lost
        assert render_jobs(app, doc_id) == 2
        clock.now += timedelta(minutes=1)
        app.requeue_unfinished()  # and the periodic sweep right after it does not add a third
        assert render_jobs(app, doc_id) == 2
    finally:
        app.close()


def test_a_draft_being_rendered_is_not_queued_again_on_postgresql(
    tmp_path: Path, pg_url: str, clock: Clock
) -> None:
    app = make_app(tmp_path, pg_url, clock=clock)
    try:
        load_demo_master_data(app)
        doc_id = faxed_order(app)
        clock.now += 2 * RENDER_LEASE
        locked, release = threading.Event(), threading.Event()

        def rendering() -> None:  # a render job holding the draft's row, as `render_drafts` does
            with app.uow() as uow:
                assert len(uow.outbound.drafts_for_document(doc_id)) == 1
                locked.set()
                release.wait(60)
                uow.rollback()

        job = threading.Thread(target=rendering)
        job.start()
        try:
            assert locked.wait(60)
            app.requeue_unfinished()  # does not wait for the lock, and leaves the draft alone
            assert render_jobs(app, doc_id) == 1
        finally:
            release.set()
            job.join(60)
        app.requeue_unfinished()  # once no job holds it, the long-lost draft is queued again
        assert render_jobs(app, doc_id) == 2
    finally:
        app.close()
