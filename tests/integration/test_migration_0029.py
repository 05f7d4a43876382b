"""Migration 0029 (what releasing writes) up and down on SQLite and PostgreSQL: a pick line written
before it is kept; after it a pick line must name an allocation of its own order (its order is the
allocation's, which refers to an order in turn), an allocation with a pick line cannot be deleted, and
on PostgreSQL the allocations' pages keep half their room for the release's update; going down puts
the two foreign keys and the two indexes back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from core.kernel.adapters.db import make_engine
from tests.integration.helpers import migrate

pytestmark = pytest.mark.integration

AT = "2026-11-26 09:00:00+00:00"


@pytest.fixture
def engine(each_db_url: str) -> Iterator[Engine]:
    made = make_engine(each_db_url)  # as the app connects: SQLite's foreign keys enforced
    yield made
    made.dispose()


def write(conn: Connection, table: str, row: dict[str, object]) -> None:
    names = ", ".join(row)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row)


def two_orders_allocated_and_one_picked(engine: Engine) -> None:
    """Orders 1 and 2 with a line and an allocation each (ids 1 and 2), pick list 1 with a line for
    allocation 1 of order 1."""
    with engine.begin() as conn:
        write(conn, "blobs", {"sha256": "ab" * 32, "size": 1, "content": b"x"})
        write(conn, "documents", {
            "id": 1, "channel": "edifact", "sha256": "ab" * 32, "size": 1, "received_at": AT,
            "state": "processed", "problems": "[]", "attempts": 0,
        })  # fmt: skip
        write(conn, "products", {"sku": "P-1", "name": "Tornillo"})
        write(
            conn,
            "warehouses",
            {"code": "MAD", "name": "Madrid", "priority": 1, "country": "ES", "active": True},
        )
        write(conn, "stock_levels", {
            "id": 1, "warehouse": "MAD", "location": "A-1", "sku": "P-1", "on_hand": 9000, "allocated": 2000,
            "updated_at": AT,
        })  # fmt: skip
        for n in (1, 2):
            write(conn, "orders", {
                "id": n, "document_id": 1, "message_index": n, "channel": "edifact", "state": "allocated",
                "decision": "accept", "confidence": 1.0, "created_at": AT, "problems": "[]",
            })  # fmt: skip
            write(conn, "order_lines", {"id": n, "order_id": n, "position": 1, "sku": "P-1"})
            write(conn, "allocations", {
                "id": n, "order_id": n, "line_id": n, "sku": "P-1", "stock_id": 1, "warehouse": "MAD",
                "location": "A-1", "quantity": 1000, "state": "allocated", "created_at": AT,
            })  # fmt: skip
        write(
            conn,
            "pick_lists",
            {"id": 1, "warehouse": "MAD", "created_at": AT, "created_by": "t", "state": "open"},
        )
        pick_line(conn, 1, allocation_id=1, order_id=1)


def pick_line(conn: Connection, line_id: int, *, allocation_id: int, order_id: int) -> None:
    write(conn, "pick_lines", {
        "id": line_id, "pick_list_id": 1, "allocation_id": allocation_id, "order_id": order_id,
        "line_id": order_id, "sku": "P-1", "location": "A-1", "quantity": 1000, "state": "open",
    })  # fmt: skip


def refused(engine: Engine, sql: str, **params: object) -> bool:
    try:
        with engine.begin() as conn:
            conn.execute(text(sql), params)
    except IntegrityError:
        return True
    return False


def indexes(engine: Engine) -> set[str]:
    return {str(ix["name"]) for ix in inspect(engine).get_indexes("allocations")}


def fillfactor(engine: Engine) -> str | None:
    with engine.connect() as conn:
        options = conn.execute(
            text("SELECT reloptions FROM pg_class WHERE relname = 'allocations'")
        ).scalar_one()
    return next((o for o in options or [] if o.startswith("fillfactor=")), None)


COLUMNS = "id, pick_list_id, allocation_id, order_id, line_id, sku, location, quantity, state"
VALUES = "(:id, 1, :allocation, :order, 1, 'P-1', 'A-1', 1000, 'open')"
INSERT_LINE = f"INSERT INTO pick_lines ({COLUMNS}) VALUES {VALUES}"


def test_upgrade_to_0029_and_back(engine: Engine) -> None:
    migrate(engine, "upgrade", "0028")
    two_orders_allocated_and_one_picked(engine)

    migrate(engine, "upgrade", "0029")
    with engine.connect() as conn:  # the line written before is kept
        assert conn.execute(text("SELECT allocation_id, order_id FROM pick_lines")).all() == [(1, 1)]
    assert "ix_allocations_state" not in indexes(engine)
    assert {"ix_allocations_order_id_id", "ix_allocations_line_id"} <= indexes(engine)
    # a pick line of order 2 for order 1's allocation, or for an allocation that does not exist
    assert refused(engine, INSERT_LINE, id=2, allocation=1, order=2)
    assert refused(engine, INSERT_LINE, id=2, allocation=9, order=1)
    assert refused(engine, "DELETE FROM allocations WHERE id = 1")  # it has a pick line
    assert not refused(engine, INSERT_LINE, id=2, allocation=2, order=2)
    if engine.dialect.name == "postgresql":
        assert fillfactor(engine) == "fillfactor=50"

    migrate(engine, "downgrade", "0028")
    assert {"ix_allocations_state", "ix_allocations_order_id"} <= indexes(engine)
    assert "ix_allocations_order_id_id" not in indexes(engine)
    assert refused(engine, INSERT_LINE, id=3, allocation=9, order=1)  # the allocation's own key again
    assert refused(engine, INSERT_LINE, id=3, allocation=1, order=9)  # and the order's
    assert refused(engine, "DELETE FROM allocations WHERE id = 1")
    if engine.dialect.name == "postgresql":
        assert fillfactor(engine) is None
    migrate(engine, "upgrade", "head")  # and up again, as `oms db upgrade` would
    assert "ix_allocations_state" not in indexes(engine)
