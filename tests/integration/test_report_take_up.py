"""On the in-process queue a report refresh job also refreshes the documents of the refresh jobs queued
behind it: every order counted once, as a rebuild from scratch counts it; those jobs end without a
statement; a failure gives the documents back to their jobs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dramatiq import Message

from oms.bootstrap import App
from tests.conftest import make_app
from tests.integration.helpers import Statements, orders_of
from tests.integration.test_reply_take_up import each_processed_alone, run, taken_off
from tests.integration.test_reports_rebuild import snapshot

pytestmark = pytest.mark.integration
REFRESH = "refresh_report_document"


def queued_refresh_jobs(app: App) -> list[Message[Any]]:
    """The refresh jobs waiting on the lifecycle queue, taken off it in order."""
    return [job for job in taken_off(app, "lifecycle") if job.actor_name == REFRESH]


def counted_orders(app: App) -> set[int]:
    """The orders the report's summary holds a contribution of."""
    return set(snapshot(app)[2])


def order_ids(app: App, doc_ids: list[int]) -> set[int]:
    return {o.id for doc_id in doc_ids for o in orders_of(app, doc_id) if o.id is not None}


def as_a_rebuild_counts_them(app: App) -> None:
    refreshed = snapshot(app)
    app.reporting.upkeep.rebuild()
    assert snapshot(app) == refreshed


def test_a_refresh_job_refreshes_the_documents_of_the_jobs_queued_behind_it(
    demo_app_each_db: App, statements: Statements
) -> None:
    app = demo_app_each_db
    ids = each_processed_alone(app, 3, untested="answers")
    first, second, third = queued_refresh_jobs(app)
    assert first.args == ([ids[0]],) and second.args == ([ids[1]],) and third.args == ([ids[2]],)
    assert counted_orders(app) == set()
    assert run(app, first, statements) > 0
    assert counted_orders(app) == order_ids(app, ids)  # the three e-mails' orders, each one
    # the two jobs behind it find their documents refreshed: no transaction, no statement
    assert run(app, second, statements) == 0
    assert run(app, third, statements) == 0
    as_a_rebuild_counts_them(app)


class FailsOnce:
    """`refresh_documents` raising the first time it is asked for `document_id`, after running
    `meanwhile` (a job another worker thread runs while this one refreshes)."""

    def __init__(self, real: Any, document_id: int) -> None:
        self.real = real
        self.document_id = document_id
        self.meanwhile: list[Any] = []
        self.failed = 0

    def __call__(self, document_ids: Any) -> int:
        if self.document_id in document_ids and not self.failed:
            self.failed += 1
            for job in self.meanwhile:
                job()
            raise RuntimeError("a report that cannot be summed (the test's)")
        changed: int = self.real(document_ids)
        return changed


def test_a_failure_gives_the_documents_back_and_the_job_refreshes_its_own_alone(
    demo_app_each_db: App, statements: Statements, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = demo_app_each_db
    ids = each_processed_alone(app, 3, untested="answers")
    first, second, third = queued_refresh_jobs(app)
    failing = FailsOnce(app.reporting.upkeep.refresh_documents, ids[2])
    monkeypatch.setattr(app.reporting.upkeep, "refresh_documents", failing)
    # while the first job refreshes the three, the second document's job starts on the other thread
    # and ends at once: its document was taken up
    ended_at_once: list[int] = []
    failing.meanwhile.append(lambda: ended_at_once.append(run(app, second, statements)))
    run(app, first, statements)
    assert failing.failed == 1 and ended_at_once == [0]
    assert counted_orders(app) == order_ids(app, ids[:1])  # its own document, refreshed alone
    # the second's job had ended: a new one was queued for it; the third's job refreshes its own (and,
    # on this queue, takes the new one's document up: that one ends at once)
    (again,) = queued_refresh_jobs(app)
    assert again.args == ([ids[1]],)
    assert run(app, third, statements) > 0
    assert run(app, again, statements) == 0
    assert counted_orders(app) == order_ids(app, ids)
    as_a_rebuild_counts_them(app)


def test_on_a_broker_no_refresh_job_takes_up_documents(tmp_path: Path, redis_url: str) -> None:
    # a job queued on Redis may run in any worker process: none can know another process's job ended
    app = make_app(tmp_path, broker_url=redis_url)
    try:
        assert app.refresh_backlog is None
    finally:
        app.close()
