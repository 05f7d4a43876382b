"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import Statements
from tests.integration.lifecycle_support import set_up_shop


@pytest.fixture
def pg_shop(tmp_path: Path, pg_url: str) -> Iterator[App]:
    """The demo shop on PostgreSQL (master data, warehouse, no stock yet), at the fixed clock."""
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    set_up_shop(app, stock=False)
    yield app
    app.close()


@pytest.fixture
def statements(demo_app_each_db: App) -> Iterator[Statements]:
    """Every statement the demo app's engine sends during the test, as text."""
    counted = Statements()
    event.listen(demo_app_each_db.engine, "before_cursor_execute", counted)
    yield counted
    event.remove(demo_app_each_db.engine, "before_cursor_execute", counted)
