"""Crash recovery: a worker killed in the middle of a document; the next one finishes it, once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from core.capture.domain.documents import DocumentState
from samples.edifact_gen import orders_interchange
from tests.conftest import ROOT, load_demo_master_data, make_app
from tests.integration.helpers import arrive, document, drain, orders_of
from tests.waiting import wait_until

pytestmark = pytest.mark.integration


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "oms.cli", "worker"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    wait_until(predicate, what, timeout)


def test_a_worker_killed_mid_document_loses_nothing_and_doubles_nothing(
    tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    app = make_app(tmp_path, pg_url, broker_url=redis_url)
    load_demo_master_data(app)
    env = {
        **os.environ,
        "OMS_DATA_DIR": str(tmp_path),
        "OMS_DATABASE_URL": pg_url,
        "OMS_BROKER_URL": redis_url,
        "OMP_THREAD_LIMIT": "1",
    }
    log = tmp_path / "worker.log"
    worker = start_worker(env, log)
    try:
        doc_id = arrive(app, orders_interchange(messages=1000, lines=10, order_day=app.clock().date()))
        wait_for(lambda: document(app, doc_id).state is DocumentState.PROCESSING, 60, "the worker to take it")
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        assert document(app, doc_id).state is DocumentState.PROCESSING
        assert orders_of(app, doc_id) == []  # nothing half-done was committed

        worker = start_worker(env, log)  # start-up queues unfinished work again
        wait_for(lambda: document(app, doc_id).state.finished, 120, "the restarted worker to finish it")
        record = document(app, doc_id)
        assert record.state is DocumentState.PROCESSED, log.read_text()
        # every delivery of its job counts an attempt: the killed one, the restart's, and possibly
        # the first worker's own start-up sweep racing with the arrival's message
        assert record.attempts >= 2
        orders = orders_of(app, doc_id)
        assert len(orders) == 1000
        assert len({o.po_number for o in orders}) == 1000
    finally:
        worker.kill()
        worker.wait(timeout=10)
        app.close()


def test_a_document_left_processing_is_finished_once_after_restart(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    load_demo_master_data(app)
    doc_id = arrive(app, orders_interchange(messages=3, lines=2, order_day=app.clock().date()))
    with app.uow() as uow:  # what a crash after the first transaction leaves behind
        record = uow.documents.get(doc_id)
        assert record is not None
        record.state = DocumentState.PROCESSING
        record.attempts = 1
        uow.commit()
    app.broker.flush_all()  # type: ignore[attr-defined]  # the in-memory queue died with the process
    assert app.requeue_unfinished(everything=True) == 1
    drain(app)
    assert document(app, doc_id).state is DocumentState.PROCESSED
    assert len(orders_of(app, doc_id)) == 3
    app.requeue_unfinished(everything=True)
    drain(app)
    assert len(orders_of(app, doc_id)) == 3
    app.close()


def test_a_document_that_keeps_killing_its_worker_is_quarantined(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    doc_id = arrive(app, orders_interchange(messages=1, lines=1))
    with app.uow() as uow:
        record = uow.documents.get(doc_id)
        assert record is not None
        record.state = DocumentState.PROCESSING
        record.attempts = app.settings.max_attempts
        uow.commit()
    app.process(doc_id)
    record = document(app, doc_id)
    assert record.state is DocumentState.QUARANTINED
    assert record.error is not None and "gave up after" in record.error
    app.close()
