"""A document is read by one live worker at a time, and the sweeps queue again only what may be lost.

The rules, as an operator running several workers expects them:

- A second copy of a document's job (a broker's redelivery, a start-up or periodic sweep) that arrives
  while a live worker is reading the document leaves it alone: it does not read it again and does not
  count an attempt (five attempts quarantine a document as one that keeps killing its worker).
- The claim dies with the worker that held it: a worker killed with SIGKILL holds nothing afterwards.
- A worker starting on a broker (Redis, RabbitMQ) does not queue again the jobs still waiting there;
  it queues again what dead workers were reading. On the in-process queue, which died with the
  process, it queues everything unfinished.
- A document stored and not taken within seconds is queued again once (its job may never have been
  queued); after that only every few minutes, so a backlog is not queued again at every sweep.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from core.capture.adapters.reading_claims import ReadingClaims
from core.capture.domain.documents import Channel, DocumentState, InboundDocument, ParseResult
from samples.edifact_gen import orders_interchange
from tests.conftest import ROOT, load_demo_master_data, make_app
from tests.integration.helpers import document, orders_of
from tests.waiting import wait_until

pytestmark = pytest.mark.integration

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def store(app, content: bytes, at: datetime) -> int:  # type: ignore[no-untyped-def]
    return app.submit(
        InboundDocument(channel=Channel.EDI, content=content, received_at=at, original_name="o.edi")
    )


def test_a_copy_of_the_job_leaves_a_document_a_live_worker_is_reading(tmp_path: Path, pg_url: str) -> None:
    reader = make_app(tmp_path / "a", pg_url)  # two apps on one database: two worker processes
    copy = make_app(tmp_path / "b", pg_url)
    load_demo_master_data(reader)
    reading = threading.Event()
    go_on = threading.Event()
    read = reader.read

    def slow_read(envelope: InboundDocument) -> ParseResult:
        reading.set()
        assert go_on.wait(30)
        return read(envelope)

    reader.read = slow_read
    doc_id = store(reader, orders_interchange(messages=2, lines=2, order_day=reader.clock().date()), T0)
    result: list[DocumentState] = []
    first = threading.Thread(target=lambda: result.append(reader.process(doc_id)))
    first.start()
    try:
        assert reading.wait(30)
        for _ in range(6):  # more copies than the attempts that quarantine a document
            assert copy.process(doc_id) is DocumentState.PROCESSING
        record = document(copy, doc_id)
        assert record.attempts == 1  # only the worker reading it counted an attempt
        assert orders_of(copy, doc_id) == []
        assert copy.claims.held([doc_id]) == {doc_id}  # seen from the other process
    finally:
        go_on.set()
        first.join(60)
    assert result == [DocumentState.PROCESSED]
    assert len(orders_of(copy, doc_id)) == 2
    assert copy.claims.held([doc_id]) == set()  # let go once the document is finished
    assert copy.process(doc_id) is DocumentState.PROCESSED  # a late copy finds it finished
    assert len(orders_of(copy, doc_id)) == 2
    reader.close()
    copy.close()


HOLDER = """
import sys, time
from sqlalchemy import create_engine
from core.capture.adapters.reading_claims import ReadingClaims
claims = ReadingClaims(create_engine(sys.argv[1]))
assert claims.take(int(sys.argv[2]))
print("held", flush=True)
time.sleep(600)
"""


def test_a_claim_dies_with_the_worker_that_held_it(pg_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, pg_url, "41"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    engine = create_engine(pg_url)
    claims = ReadingClaims(engine)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert claims.held([40, 41, 42]) == {41}
        assert claims.take(41) is False
        holder.kill()  # SIGKILL: no chance to let go
        holder.wait(10)
        wait_until(lambda: claims.held([41]) == set(), "the server to drop the dead worker's lock", 30)
        assert claims.take(41) is True
        claims.release(41)
    finally:
        holder.kill()
        holder.wait(10)
        if holder.stdout is not None:
            holder.stdout.close()
        engine.dispose()


def test_documents_claimed_together_are_each_held_until_each_is_released(pg_url: str) -> None:
    """A job's collected documents are claimed at once: each is then held against every other worker
    as one claimed alone is, one a live worker already reads is left out, and each is let go by
    itself (the rest stay held)."""
    engines = [create_engine(pg_url), create_engine(pg_url)]  # two worker processes
    collector, other = (ReadingClaims(e) for e in engines)
    try:
        assert other.take(52)
        assert collector.take_many([51, 52, 53, 54]) == [51, 53, 54]
        assert other.held([50, 51, 52, 53, 54, 55]) == {51, 52, 53, 54}
        assert [other.take(d) for d in (51, 53, 54)] == [False, False, False]
        assert collector.take_many([51, 55]) == [55]  # one it holds already is not taken twice
        collector.release_many([51, 53])
        assert other.held([51, 53, 54, 55]) == {54, 55}
        assert other.take(53) is True
        collector.release(54)
        collector.release(55)
        assert other.held([51, 54, 55]) == set()
        assert other.take_many([51, 54, 55]) == [51, 54, 55]
    finally:
        collector.release_many([51, 52, 53, 54, 55])
        other.release_many([51, 52, 53, 54, 55])
        for e in engines:
            e.dispose()


BATCH_HOLDER = """
import sys, time
from sqlalchemy import create_engine
from core.capture.adapters.reading_claims import ReadingClaims
claims = ReadingClaims(create_engine(sys.argv[1]))
assert claims.take_many([61, 62, 63]) == [61, 62, 63]
print("held", flush=True)
time.sleep(600)
"""


def test_documents_claimed_together_are_let_go_when_their_worker_dies(pg_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", BATCH_HOLDER, pg_url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    engine = create_engine(pg_url)
    claims = ReadingClaims(engine)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert claims.held([60, 61, 62, 63]) == {61, 62, 63}
        holder.kill()  # SIGKILL: no chance to let go
        holder.wait(10)
        wait_until(
            lambda: claims.held([61, 62, 63]) == set(), "the server to drop the dead worker's locks", 30
        )
        assert claims.take_many([61, 62, 63]) == [61, 62, 63]
        claims.release_many([61, 62, 63])
    finally:
        holder.kill()
        holder.wait(10)
        if holder.stdout is not None:
            holder.stdout.close()
        engine.dispose()


def test_a_worker_starting_on_a_broker_queues_again_only_what_dead_workers_were_reading(
    tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    clock = Clock(T0)
    app = make_app(tmp_path, pg_url, broker_url=redis_url, clock=clock)
    load_demo_master_data(app)
    store(app, orders_interchange(messages=1, lines=1, order_day=T0.date()), T0)  # its job still waits
    orphan = store(app, orders_interchange(messages=1, lines=2, order_day=T0.date()), T0)
    live = store(app, orders_interchange(messages=1, lines=3, order_day=T0.date()), T0)
    with app.uow() as uow:  # a worker killed while reading one, another alive and reading the other
        for doc_id in (orphan, live):
            record = uow.documents.get(doc_id)
            assert record is not None
            record.state = DocumentState.PROCESSING
            record.attempts = 1
        uow.commit()
    engine = create_engine(pg_url)
    other_worker = ReadingClaims(engine)  # the live worker, in a process of its own
    assert other_worker.take(live)
    queued: list[object] = []
    app.publish = queued.extend  # type: ignore[method-assign]
    try:
        app.requeue_unfinished(everything=True)  # what `oms worker` does first
        assert [e.document_id for e in queued] == [orphan]  # type: ignore[attr-defined]
    finally:
        other_worker.release(live)
        engine.dispose()
        app.close()


def test_on_the_in_process_queue_start_up_queues_every_unfinished_document(tmp_path: Path) -> None:
    clock = Clock(T0)
    app = make_app(tmp_path, clock=clock)
    first = store(app, orders_interchange(messages=1, lines=1, order_day=T0.date()), T0)
    second = store(app, orders_interchange(messages=1, lines=2, order_day=T0.date()), T0)
    queued: list[object] = []
    app.publish = queued.extend  # type: ignore[method-assign]
    app.requeue_unfinished(everything=True)  # the queue that held their jobs died with the process
    assert [e.document_id for e in queued] == [first, second]  # type: ignore[attr-defined]
    app.close()


def test_a_waiting_document_is_queued_again_once_soon_then_only_every_few_minutes(tmp_path: Path) -> None:
    clock = Clock(T0)
    app = make_app(tmp_path, clock=clock)
    doc_id = store(app, orders_interchange(messages=1, lines=1, order_day=T0.date()), T0)
    queued: list[object] = []
    app.publish = queued.extend  # type: ignore[method-assign]

    def sweep_at(seconds: float) -> list[int]:
        queued.clear()
        clock.now = T0 + timedelta(seconds=seconds)
        app.requeue_unfinished()
        return [e.document_id for e in queued]  # type: ignore[attr-defined]

    assert sweep_at(2) == []  # just stored: its job is on its way
    assert sweep_at(10) == [doc_id]  # not taken 10 s after it was stored: perhaps never queued
    assert sweep_at(20) == []  # queued again 10 s ago: waiting behind others is not being lost
    assert sweep_at(10 + 4 * 60) == []
    assert sweep_at(10 + 5 * 60 + 1) == [doc_id]  # minutes on, still not taken: once more
    assert sweep_at(10 + 5 * 60 + 11) == []
    app.close()
