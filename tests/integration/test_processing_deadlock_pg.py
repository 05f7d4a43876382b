"""A deadlock the database breaks is a failure to retry, not a document to quarantine, on PostgreSQL.

PostgreSQL ends one of two transactions waiting for each other in a circle; the one ended has done
nothing wrong and succeeds when run again.  Processing once took that error for "a value the
database refuses" and quarantined the document, so a clerk had to send it through again by hand.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from psycopg.errors import DeadlockDetected
from sqlalchemy import Connection, create_engine, text

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OrderState
from core.kernel.errors import TransientError
from oms.bootstrap import App
from samples.edifact_gen import BUYER, orders_interchange
from tests.conftest import DEMO_DAY, fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import arrive, document, orders_of

pytestmark = pytest.mark.integration


@pytest.fixture
def shop(tmp_path: Path, pg_url: str) -> Iterator[App]:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    yield app
    app.close()


def someone_waits_for_a_lock(watch: Connection) -> bool:
    """Whether a session of this database (the worker's: the test's own two are not waiting) waits."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND wait_event_type = 'Lock'"
    )
    waiting = bool(watch.execute(query).scalar_one())
    # a transaction sees one snapshot of the activity view from its first read on: end it, or every
    # later poll answers what the first saw (the worker reaching its lock wait after it was never seen)
    watch.rollback()
    return waiting


def test_a_deadlock_while_storing_orders_is_retried_not_quarantined(shop: App) -> None:
    doc_id = arrive(shop, orders_interchange(2, 2, control_ref="730001", order_day=DEMO_DAY.date()), "a.edi")
    other = create_engine(shop.settings.database_url)
    outcome: list[object] = []
    try:
        with other.connect() as watch, other.connect() as rival:
            # (the transaction begins here) the worker is the one PostgreSQL ends, not this one
            rival.execute(text("SET LOCAL deadlock_timeout = '60s'"))
            # another transaction holds the partner's row, which the worker locks to number its answers
            rival.execute(text("SELECT 1 FROM partners WHERE partner_id = :p FOR UPDATE"), {"p": BUYER}).one()

            def work() -> None:
                try:
                    outcome.append(shop.process(doc_id))
                except Exception as exc:  # what the job layer sees is the finding
                    outcome.append(exc)

            worker = threading.Thread(target=work)
            worker.start()
            deadline = time.monotonic() + 120
            while not someone_waits_for_a_lock(watch) and worker.is_alive():
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
    assert document(shop, doc_id).state is DocumentState.PROCESSING  # not quarantined: owed a retry
    assert shop.process(doc_id) is DocumentState.PROCESSED  # the retry the job layer makes
    assert [o.state for o in orders_of(shop, doc_id)] == [OrderState.ACCEPTED] * 2
