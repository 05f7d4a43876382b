"""The pipeline on the production stack: PostgreSQL with Redis and RabbitMQ brokers, for real."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import Decision
from core.orm import metadata
from samples.edifact_gen import orders_interchange
from tests.conftest import SAMPLES, fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import all_orders, arrive, document, ingest, orders_of, outbox_files
from tests.waiting import wait_until

pytestmark = pytest.mark.integration
DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


def test_migrations_match_the_mapped_tables_on_postgresql(pg_url: str) -> None:
    from core.migrate import upgrade

    engine = create_engine(pg_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def test_the_demo_interchange_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    try:
        load_demo_master_data(app)
        doc_id = ingest(app, DEMO)
        assert document(app, doc_id).state is DocumentState.PROCESSED
        orders = orders_of(app, doc_id)
        assert [o.decision for o in orders] == [Decision.ACCEPT, Decision.ACCEPT]
        assert orders[0].buyer_name == "Ferretería Núñez S.L."
        [ordrsp] = [f for f in outbox_files(app) if f.name.startswith("ORDRSP_")]
        assert ordrsp.read_bytes().count(b"UNH+") == 2  # one ORDRSP message per order
        assert document(app, ingest(app, DEMO)).state is DocumentState.DUPLICATE
        assert len(all_orders(app)) == 2
    finally:
        app.close()


@pytest.mark.parametrize("broker", ["redis", "rabbitmq"])
def test_workers_on_a_real_broker(
    tmp_path: Path, pg_url: str, broker: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("redis_url" if broker == "redis" else "amqp_url")
    app = make_app(tmp_path, pg_url, broker_url=url, clock=fixed_clock)
    if broker == "rabbitmq":
        for queue in ("documents", "answers"):
            app.broker.flush(queue)  # type: ignore[attr-defined]
    worker = app.worker()
    worker.start()
    try:
        load_demo_master_data(app)
        doc_id = arrive(app, DEMO)
        wait_until(lambda: document(app, doc_id).state.finished)
        assert document(app, doc_id).state is DocumentState.PROCESSED
        wait_until(lambda: len(outbox_files(app)) == 2)  # the ORDRSPs and the CONTRL asked for
        assert len(orders_of(app, doc_id)) == 2
    finally:
        worker.stop()
        app.close()


def test_two_workers_racing_on_one_document_make_one_set_of_orders(tmp_path: Path, pg_url: str) -> None:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    try:
        load_demo_master_data(app)
        doc_id = arrive(app, orders_interchange(messages=40, lines=5))
        barrier = threading.Barrier(4)
        errors: list[BaseException] = []

        def race() -> None:
            barrier.wait()
            try:
                app.process(doc_id)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=race) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert document(app, doc_id).state is DocumentState.PROCESSED
        assert len(orders_of(app, doc_id)) == 40
    finally:
        app.close()
