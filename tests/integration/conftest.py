"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.billing_support import set_up_books
from tests.integration.helpers import AppOnEachDb, Statements
from tests.integration.lifecycle_support import set_up_shop
from tests.integration.mail_support import Capture, mail_app, smarthost
from tests.integration.purchasing_support import load_suppliers


@pytest.fixture(params=["sqlite", "postgresql"])
def each_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database a test runs on, once on each: SQLite in the test's folder (where `make_app` puts it
    when given no URL), then a fresh PostgreSQL database. A file that wants another order says so with
    `pytest.mark.parametrize("each_db_url", [...], indirect=True)`."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("pg_url"))
    return f"sqlite:///{tmp_path / 'oms.db'}"


@pytest.fixture
def app_on_each_db(each_db_url: str, tmp_path: Path) -> Iterator[AppOnEachDb]:
    """Makes apps on `each_db_url`, all closed after the test, in the order they were made."""
    made: list[App] = []

    def make(
        folder: Path = tmp_path,
        *,
        clock: Callable[[], datetime] | None = None,
        demo: bool = False,
        **overrides: object,
    ) -> App:
        application = make_app(folder, each_db_url, clock=clock, **overrides)
        made.append(application)
        if demo:
            load_demo_master_data(application)
        return application

    yield make
    for application in made:
        application.close()


@pytest.fixture
def app_each_db(app_on_each_db: AppOnEachDb) -> App:
    """The bare app (no master data, the real clock) on SQLite, then on PostgreSQL."""
    return app_on_each_db()


@pytest.fixture(params=["batch", "alone"])
def collect_documents(request: pytest.FixtureRequest) -> int:
    """The e-mails' collector on (a job takes a batch of up to eight waiting documents) or off (one)."""
    return 8 if request.param == "batch" else 1


@pytest.fixture
def collecting_shop(each_db_url: str, collect_documents: int, app_on_each_db: AppOnEachDb) -> App:
    """The demo shop at the demo day's clock with the collector on or off, on each database in turn:
    four runs, named `sqlite-batch`, `sqlite-alone`, `postgresql-batch`, `postgresql-alone` (the
    database is named first because it is this fixture's first argument)."""
    return app_on_each_db(clock=fixed_clock, demo=True, collect_documents=collect_documents)


@pytest.fixture
def books(demo_app: App) -> App:
    """`demo_app` (the demo master data and its terms, at the demo day's clock) with the books set up:
    costs and billing terms, warehouses and opening stock (`set_up_books`)."""
    set_up_books(demo_app)
    return demo_app


@pytest.fixture
def books_second_approval(tmp_path: Path) -> Iterator[App]:
    """`books` where a supplier payment above 50 EUR waits for a second supervisor's approval."""
    app = make_app(tmp_path, clock=fixed_clock, second_approval_above="50")
    load_demo_master_data(app)
    set_up_books(app)
    yield app
    app.close()


@pytest.fixture
def mailhost() -> Iterator[tuple[int, Capture]]:
    """A smarthost on a free local port that keeps what it is sent: (its port, what it caught)."""
    with smarthost() as found:
        yield found


@pytest.fixture
def supplier_mail_shop(tmp_path: Path) -> Iterator[App]:
    """`mail_app` (the demo master data, the mail channel, the demo day's clock) with warehouses and no
    stock, so the demo orders wait for the suppliers, and the suppliers with their products."""
    application = mail_app(tmp_path)
    set_up_shop(application, stock=False)
    load_suppliers(application)
    yield application
    application.close()


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
