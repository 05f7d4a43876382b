"""Migration 0028 (the master-data stamp) up and down on SQLite and PostgreSQL: one row at 0; every
insert, update and delete on each master-data table moves it on in the writer's transaction (and a
rolled-back write does not); going down drops the table and its triggers and the tables are written as
before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, create_engine, inspect, text

from tests.integration.helpers import migrate

pytestmark = pytest.mark.integration

# each master-data table: a row to insert, the column an update sets to itself, and the row's key
ROWS: list[tuple[str, dict[str, object], str, str]] = [
    ("customers", {"customer_id": "C-9", "name": "Nueva"}, "name", "customer_id = 'C-9'"),
    ("products", {"sku": "P-9", "name": "Tuerca"}, "name", "sku = 'P-9'"),
    (
        "customer_items",
        {"customer_id": "C-9", "customer_item_code": "X1", "sku": "P-9"},
        "sku",
        "customer_item_code = 'X1'",
    ),
    (
        "customer_identifiers",
        {"customer_id": "C-9", "kind": "email", "value": "a@nueva.es"},
        "value",
        "customer_id = 'C-9'",
    ),
    ("customer_groups", {"customer_id": "C-9", "group_code": "G"}, "group_code", "customer_id = 'C-9'"),
    ("product_units", {"sku": "P-9", "unit": "CJ", "factor": "12"}, "factor", "sku = 'P-9'"),
    ("product_categories", {"sku": "P-9", "category": "nuts"}, "category", "sku = 'P-9'"),
    (
        "prices",
        {
            "level": "list",
            "party": "",
            "sku": "P-9",
            "unit_price": "0.10",
            "currency": "EUR",
            "min_quantity": "1",
        },
        "unit_price",
        "sku = 'P-9'",
    ),
    (
        "promotions",
        {"promotion_id": "PR-9", "kind": "percent", "scope": "product", "target": "P-9", "description": "d"},
        "description",
        "promotion_id = 'PR-9'",
    ),
    (
        "decision_policies",
        {"scope": "default", "settings": "{}", "updated_at": "2026-11-26 09:00:00+00:00"},
        "settings",
        "scope = 'default'",
    ),
    (
        "suppliers",
        {
            "supplier_id": "S-9",
            "name": "Proveedor",
            "channel": "email",
            "edi_qualifier": "",
            "language": "es",
            "currency": "EUR",
            "next_control_ref": 1,
        },
        "name",
        "supplier_id = 'S-9'",
    ),
]
PARENTS = ("customers", "products")


@pytest.fixture
def engine(each_db_url: str) -> Iterator[Engine]:
    made = create_engine(each_db_url)
    yield made
    made.dispose()


def stamp(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT version FROM master_data_stamp WHERE id = 1")).scalar_one())


def write(conn: Connection, table: str, row: dict[str, object]) -> None:
    names = ", ".join(row)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row)


def each_write_moves_the_stamp(engine: Engine) -> None:
    for table, row, column, key in ROWS:
        before = stamp(engine)
        with engine.begin() as conn:
            write(conn, table, row)
        assert stamp(engine) > before, f"insert into {table}"
        before = stamp(engine)
        with engine.begin() as conn:
            conn.execute(text(f"UPDATE {table} SET {column} = {column} WHERE {key}"))
        assert stamp(engine) > before, f"update of {table}"
    for table, _, _, key in reversed(ROWS):  # children before their customer and product
        before = stamp(engine)
        with engine.begin() as conn:
            conn.execute(text(f"DELETE FROM {table} WHERE {key}"))
        assert stamp(engine) > before, f"delete from {table}"


def test_upgrade_to_0028_and_back(engine: Engine) -> None:
    migrate(engine, "upgrade", "0027")
    with engine.begin() as conn:  # a customer written before the stamp existed
        write(conn, "customers", {"customer_id": "C-1", "name": "Antigua"})

    migrate(engine, "upgrade", "0028")
    assert stamp(engine) == 0
    each_write_moves_the_stamp(engine)

    moved = stamp(engine)
    with pytest.raises(RuntimeError), engine.begin() as conn:  # a write rolled back moves nothing
        write(conn, "customers", {"customer_id": "C-8", "name": "Deshecha"})
        raise RuntimeError("rolled back")
    assert stamp(engine) == moved
    with engine.begin() as conn:  # nor does a write to a table that is not master data
        conn.execute(text("UPDATE documents SET state = state"))
    assert stamp(engine) == moved

    migrate(engine, "downgrade", "0027")
    assert "master_data_stamp" not in inspect(engine).get_table_names()
    for table, row, column, key in ROWS:  # every table written as before, no trigger left behind
        with engine.begin() as conn:
            write(conn, table, row)
            conn.execute(text(f"UPDATE {table} SET {column} = {column} WHERE {key}"))
    with engine.begin() as conn:
        for table, _, _, key in reversed(ROWS):
            conn.execute(text(f"DELETE FROM {table} WHERE {key}"))
        names = [r[0] for r in conn.execute(text("SELECT name FROM customers"))]
    assert names == ["Antigua"]
    migrate(engine, "upgrade", "head")  # and up again, as `oms db upgrade` would
    assert stamp(engine) == 0
