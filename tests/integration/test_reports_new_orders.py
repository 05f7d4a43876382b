"""The report refresh of a document just decided (`refresh_report_document`, once per arrival): its
orders have nothing shipped, picked short, returned or reviewed yet, so the refresh asks about none of
that order by order, looks the document's orders up in its own transaction, and sums what the rebuild
from scratch sums."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event

from core.reporting.domain.reports import Period
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.test_reports_rebuild import snapshot

pytestmark = pytest.mark.integration
D = Decimal
# the tables of what happens to an order after capture, each read by a query of its own
AFTER_CAPTURE = ("allocations", "shipments", "parcels", "pick_lines", "returns", "audit_events")


@pytest.fixture
def app(demo_app_each_db: App) -> App:
    """The demo shop on each database in turn."""
    return demo_app_each_db


def _captured(app: App) -> int:
    with app.uow() as uow:
        make_orders(uow, [[("TAC-6", D(2)), ("TUE-M8", D(10))], [("TUE-M8", D(4))]], fixed_clock(), tag="new")
        [document_id] = {o.document_id for o in uow.orders.list()}
        uow.commit()
    assert document_id is not None
    return document_id


def test_a_just_decided_documents_refresh_asks_nothing_past_capture(app: App) -> None:
    document_id = _captured(app)
    statements: list[str] = []
    begun: list[object] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(" ".join(statement.split()))

    def began(conn: object) -> None:
        begun.append(conn)

    event.listen(app.engine, "before_cursor_execute", seen)
    event.listen(app.engine, "begin", began)
    try:
        assert app.reporting.upkeep.refresh_document(document_id) == 2
    finally:
        event.remove(app.engine, "before_cursor_execute", seen)
        event.remove(app.engine, "begin", began)
    assert len(begun) == 1  # the document's orders are looked up in the refresh's transaction
    on_their_own = [s for s in statements if s.startswith(tuple(f"SELECT {t}." for t in AFTER_CAPTURE))]
    assert on_their_own == []
    # and the summary is what a rebuild from every order makes of them
    refreshed = snapshot(app)
    assert refreshed[2].keys() == {1, 2}
    assert app.reporting.upkeep.rebuild() == 2
    assert snapshot(app) == refreshed


def test_a_document_of_thousands_of_orders_is_refreshed(tmp_path: Path) -> None:
    """The heads' statement names each order six times; a document of more orders than SQLite takes
    parameters for in one statement (32,766 as SQLite is built by default: 5,461 orders) is still
    counted, every order once."""
    app = make_app(tmp_path, clock=fixed_clock)
    try:
        load_demo_master_data(app)
        with app.uow() as uow:
            make_orders(uow, [[("TUE-M8", D(1))]] * 6000, fixed_clock(), tag="many")
            [document_id] = {o.document_id for o in uow.orders.list(limit=1)}
            uow.commit()
        assert document_id is not None

        def default_limit(connection: sqlite3.Connection, record: object) -> None:
            connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)

        event.listen(app.engine, "connect", default_limit)
        app.engine.dispose()  # connections from here on have the default build's limit
        assert app.reporting.upkeep.refresh_document(document_id) == 6000
        with app.uow() as uow:
            day = fixed_clock().date()
            sums = uow.reporting.sums("all", Period(day, day), ("orders",))
        assert sums[""]["orders"] == 6000
    finally:
        app.close()
