"""A deadlock the database breaks is a failure to retry, not a document to quarantine, on PostgreSQL.

PostgreSQL ends one of two transactions waiting for each other in a circle; the one ended has done
nothing wrong and succeeds when run again.  Processing once took that error for "a value the
database refuses" and quarantined the document, so a clerk had to send it through again by hand.
"""

from __future__ import annotations

import threading
import time

import pytest
from psycopg.errors import DeadlockDetected
from sqlalchemy import create_engine, text

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OrderState
from core.kernel.errors import TransientError
from oms.bootstrap import App
from samples.edifact_gen import BUYER, orders_interchange
from tests.conftest import DEMO_DAY
from tests.integration.helpers import arrive, document, orders_of, someone_waits_for_a_lock

pytestmark = pytest.mark.integration


def test_a_deadlock_while_storing_orders_is_retried_not_quarantined(pg_demo_app: App) -> None:
    content = orders_interchange(2, 2, control_ref="730001", order_day=DEMO_DAY.date())
    doc_id = arrive(pg_demo_app, content, "a.edi")
    other = create_engine(pg_demo_app.settings.database_url)
    outcome: list[object] = []
    try:
        with other.connect() as rival:
            # (the transaction begins here) the worker is the one PostgreSQL ends, not this one
            rival.execute(text("SET LOCAL deadlock_timeout = '60s'"))
            # another transaction holds the partner's row, which the worker locks to number its answers
            rival.execute(text("SELECT 1 FROM partners WHERE partner_id = :p FOR UPDATE"), {"p": BUYER}).one()

            def work() -> None:
                try:
                    outcome.append(pg_demo_app.process(doc_id))
                except Exception as exc:  # what the job layer sees is the finding
                    outcome.append(exc)

            worker = threading.Thread(target=work)
            worker.start()
            deadline = time.monotonic() + 120
            while not someone_waits_for_a_lock(other) and worker.is_alive():
                assert time.monotonic() < deadline, "the worker never waited for the partner's row"
                time.sleep(0.02)
            # and now it wants the worker's document: a circle, which PostgreSQL breaks by ending the worker
            rival.execute(text("SELECT 1 FROM documents WHERE id = :d FOR UPDATE"), {"d": doc_id}).one()
            rival.rollback()
            worker.join(120)
    finally:
        other.dispose()
    [failure] = outcome
    assert isinstance(failure, TransientError), failure
    assert isinstance(getattr(failure.__cause__, "orig", None), DeadlockDetected), failure.__cause__
    assert document(pg_demo_app, doc_id).state is DocumentState.PROCESSING  # not quarantined: owed a retry
    assert pg_demo_app.process(doc_id) is DocumentState.PROCESSED  # the retry the job layer makes
    assert [o.state for o in orders_of(pg_demo_app, doc_id)] == [OrderState.ACCEPTED] * 2
