"""On the in-process queue a render job also renders the replies of the render jobs queued behind it:
each reply rendered and sent once, in its thread; those jobs end without a statement; a failure gives
the documents back to their jobs; a draft made after its document was taken up is still rendered."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path
from typing import Any

import pytest
from dramatiq import Message

import oms.batched_jobs
from core.capture.services.answers import Answers, announce
from core.kernel.domain.model import OutboundState
from oms.bootstrap import App
from tests.conftest import make_app
from tests.integration.helpers import Statements, answers_of, orders_of
from tests.integration.test_email_collector import one_spanish_reply, order_mail, store

pytestmark = pytest.mark.integration


def each_processed_alone(app: App, count: int, *, untested: str = "lifecycle") -> list[int]:
    """`count` e-mails, each stored and processed before the next arrives: one render job and one report
    refresh each, queued; the jobs of the queue `untested` (by default the refreshes) run at once."""
    ids = []
    for n in range(count):
        ids.append(store(app, order_mail(n)))
        app.broker.flush("documents")  # type: ignore[attr-defined]  # its processing job is run here
        app.process(ids[-1])
    app.broker.flush(untested)  # type: ignore[attr-defined]
    return ids


def taken_off(app: App, queue_name: str) -> list[Message[Any]]:
    """The jobs waiting on `queue_name`, taken off it in order (to be run by hand)."""
    queue = app.broker.queues[queue_name]  # type: ignore[attr-defined]
    jobs = []
    while not queue.empty():
        jobs.append(Message.decode(queue.get()))
        queue.task_done()
    return jobs


def queued_render_jobs(app: App) -> list[Message[Any]]:
    """The render jobs waiting on the answers queue, taken off it in order."""
    jobs = taken_off(app, "answers")
    assert all(job.actor_name == "render_answers" for job in jobs)
    return jobs


def run(app: App, job: Message[Any], statements: Statements) -> int:
    """Run one job in this thread; how many statements it sent."""
    before = statements.count
    app.broker.get_actor(job.actor_name).fn(*job.args, **job.kwargs)
    return statements.count - before


def spooled(app: App) -> list[Path]:
    return sorted(p for p in (app.settings.outbox / "email").rglob("*") if p.is_file())


class Rendered:
    """`render_unlocked`, the ids of the replies it rendered, each time."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.ids: list[int] = []

    def __call__(self, *args: Any) -> dict[int, bytes]:
        result: dict[int, bytes] = self.real(*args)
        self.ids.extend(result)
        return result


def test_a_render_job_renders_the_replies_of_the_jobs_queued_behind_it(
    demo_app_each_db: App, statements: Statements, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = demo_app_each_db
    ids = each_processed_alone(app, 3)
    first, second, third = queued_render_jobs(app)
    rendered = Rendered(oms.batched_jobs.render_unlocked)
    monkeypatch.setattr(oms.batched_jobs, "render_unlocked", rendered)
    assert first.args == ([ids[0]],) and second.args == ([ids[1]],) and third.args == ([ids[2]],)
    run(app, first, statements)
    for n, doc_id in enumerate(ids):  # all three: rendered, sent, each in its own thread
        one_spanish_reply(app, doc_id, n)
    assert len(spooled(app)) == 3
    # the two jobs behind it find their replies rendered and sent: no transaction, no statement
    assert run(app, second, statements) == 0
    assert run(app, third, statements) == 0
    assert len(spooled(app)) == 3  # nothing written again
    assert len(rendered.ids) == len(set(rendered.ids)) == 3  # each reply rendered once
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)


class FailsOnce:
    """`render_unlocked` raising the first time it is asked for `document_id`, after running `meanwhile`
    (a job another worker thread runs while this one renders)."""

    def __init__(self, real: Any, document_id: int) -> None:
        self.real = real
        self.document_id = document_id
        self.meanwhile: list[Any] = []
        self.failed = 0

    def __call__(self, uow: Any, document_ids: Any, responders: Any) -> dict[int, bytes]:
        if self.document_id in document_ids and not self.failed:
            self.failed += 1
            for job in self.meanwhile:
                job()
            raise RuntimeError("a reply that cannot be laid out (the test's)")
        result: dict[int, bytes] = self.real(uow, document_ids, responders)
        return result


def test_a_failure_gives_the_documents_back_and_the_job_renders_its_own_alone(
    demo_app_each_db: App, statements: Statements, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = demo_app_each_db
    ids = each_processed_alone(app, 3)
    first, second, third = queued_render_jobs(app)
    failing = FailsOnce(oms.batched_jobs.render_unlocked, ids[2])
    monkeypatch.setattr(oms.batched_jobs, "render_unlocked", failing)
    # while the first job renders the three, the second document's job starts on the other thread
    # and ends at once: its document was taken up
    ended_at_once: list[int] = []
    failing.meanwhile.append(lambda: ended_at_once.append(run(app, second, statements)))
    run(app, first, statements)
    assert failing.failed == 1 and ended_at_once == [0]
    one_spanish_reply(app, ids[0], 0)  # the job's own document, rendered alone after the failure
    for doc_id in ids[1:]:
        (reply,) = answers_of(app, doc_id)
        assert reply.state is OutboundState.PENDING and reply.draft is not None  # not lost: owed still
    # the second's job had ended: a new one was queued for it; the third's job renders its own (and,
    # on this queue, takes the new one's document up: that one ends at once)
    (again,) = queued_render_jobs(app)
    assert again.args == ([ids[1]],)
    assert run(app, third, statements) > 0
    run(app, again, statements)
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)
    assert len(spooled(app)) == 3


@pytest.mark.parametrize("order", ["queued first", "drafted after first"])
def test_a_draft_made_after_its_document_was_taken_up_is_rendered(
    demo_app_each_db: App, statements: Statements, order: str
) -> None:
    app = demo_app_each_db
    ids = each_processed_alone(app, 2)
    first, second = queued_render_jobs(app)
    run(app, first, statements)  # renders and sends both documents' replies
    one_spanish_reply(app, ids[1], 1)
    # a second answer to the second document drafted after its document was taken up (as a decision
    # in review drafts one), its render job queued behind the one that was skipped
    (decided,) = orders_of(app, ids[1])
    uow = app.uow()
    with uow:
        record = uow.documents.get(ids[1])
        assert record is not None
        (draft,) = app.channels.responders()["email"].draft(uow, record, [decided], app.clock())  # type: ignore[attr-defined]
        draft.filename = f"later-{draft.filename}"
        Answers.queue(uow, draft, record)
        announce(uow, ids[1], [draft])
        uow.commit()
    app.publish(uow.collect_events())
    (later,) = queued_render_jobs(app)
    jobs = [second, later] if order == "queued first" else [later, second]
    ran = [run(app, job, statements) for job in jobs]
    assert sorted(ran)[0] == 0  # one of the two ends at once; the other renders the new draft
    replies = answers_of(app, ids[1])
    assert len(replies) == 2
    for reply in replies:
        assert reply.state is OutboundState.SENT and reply.content is not None
        sent = email.message_from_bytes(reply.content, policy=policy.default)
        assert sent["In-Reply-To"] == "<po901@ferreterianunez.es>"  # in the original's thread
    assert len(spooled(app)) == 3  # the first document's reply and the second's two, each once
    assert queued_render_jobs(app) == []


def test_on_a_broker_no_render_job_takes_up_documents(tmp_path: Path, redis_url: str) -> None:
    # a job queued on Redis may run in any worker process: none can know another process's job ended
    app = make_app(tmp_path, broker_url=redis_url)
    try:
        assert app.render_backlog is None
    finally:
        app.close()
