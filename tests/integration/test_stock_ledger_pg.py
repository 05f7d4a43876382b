"""On PostgreSQL too, the stock ledger is append-only: the database itself refuses UPDATE and DELETE on
`stock_movements`, whoever asks, and the rows are as they were."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.lifecycle_support import set_up_shop

pytestmark = pytest.mark.integration


@pytest.fixture
def pg_stocked(tmp_path: Path, pg_url: str) -> Iterator[App]:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    set_up_shop(app)  # opening stock: the ledger's first rows
    yield app
    app.close()


def _ledger(app: App) -> list[tuple[object, ...]]:
    with app.uow() as uow:
        return [tuple(r) for r in uow.session.execute(text("SELECT * FROM stock_movements ORDER BY id"))]


@pytest.mark.parametrize(
    ("statement", "operation"),
    [
        ("UPDATE stock_movements SET on_hand_delta = on_hand_delta + 1", "UPDATE"),
        ("UPDATE stock_movements SET actor = 'someone else'", "UPDATE"),
        ("DELETE FROM stock_movements", "DELETE"),
    ],
)
def test_the_database_refuses_to_rewrite_the_ledger(pg_stocked: App, statement: str, operation: str) -> None:
    assert pg_stocked.engine.dialect.name == "postgresql"
    before = _ledger(pg_stocked)
    assert len(before) >= 3
    with pg_stocked.engine.connect() as conn, pytest.raises(DBAPIError, match=f"append-only.*{operation}"):
        conn.execute(text(statement))
    assert _ledger(pg_stocked) == before


def test_appending_still_works(pg_stocked: App) -> None:
    with pg_stocked.uow() as uow:
        count = uow.session.scalar(select(func.count()).select_from(text("stock_movements")))
    pg_stocked.lifecycle.service.adjust("TAC-6", "MAD", "A-03-01", Decimal(1), "counter", "count")
    with pg_stocked.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(text("stock_movements"))) == count + 1
