"""Shared fixtures: a wired app on SQLite, on PostgreSQL, and the real Redis/RabbitMQ brokers.

Integration tests skip when a service is missing on a laptop, but fail when CI=true.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from parsers.ocr import tessapi

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # what others wrote: read there, never copied into the project
SHARED_EDIFACT = SHARED / "samples" / "edifact"
SHARED_ABSENT = "<../shared absent>"  # the one case a test parametrized over shared files gets without it
SAMPLES = ROOT / "samples"
PG_SERVER = os.environ.get("OMS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("OMS_TEST_REDIS", "redis://127.0.0.1:6379/15")
AMQP_URL = os.environ.get("OMS_TEST_AMQP", "amqp://guest:guest@127.0.0.1:5672/%2F")


# Fixtures that hand a test one of the machine's shared brokers (one Redis database flushed per test, the
# default RabbitMQ vhost): no two tests taking them may run at the same time.
SHARED_BROKERS = ("redis_url", "amqp_url")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`make test` runs the suite on both cores (pytest-xdist). Each test file goes whole to one worker (its
    module fixtures set up once, its tests in their order), and the files whose tests take a shared broker
    all go to the same worker, one after another, so none flushes or drains another's data."""
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return "shared-brokers" if _uses_shared_broker(path) else path

    return ByFile(config, log)


@functools.cache
def _uses_shared_broker(path: str) -> bool:
    source = (ROOT / path).read_text(encoding="utf-8") if (ROOT / path).is_file() else ""
    return any(name in source for name in SHARED_BROKERS)


def require_shared() -> None:
    """Skip a test that reads ../shared when a clone has none beside it; on CI (which has it) fail."""
    if SHARED_EDIFACT.is_dir():
        return
    message = f"{SHARED} is not beside this checkout: the samples others wrote are read from there"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require_tesseract() -> None:
    """Skip without Tesseract and its eng+spa data on a laptop; on CI (make installs it) fail instead."""
    exe = shutil.which("tesseract")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout if exe else ""
    if not exe or not {"eng", "spa"} <= set(langs.split()):
        message = "tesseract with eng and spa data is not installed (make install does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def require_tesserocr() -> None:
    """`require_tesseract`, and tesserocr built against it (make install) for Tesseract kept loaded
    (parsers.ocr.tessapi): skip on a laptop without it, fail on CI."""
    require_tesseract()
    if not tessapi.available():
        message = "tesserocr is not installed (make install builds it against Debian's Tesseract)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def shared_edifact_files() -> list[str]:
    """Names of the shared EDIFACT samples, for parametrizing; one placeholder when ../shared is absent,
    whose test then skips (or fails on CI) in `require_shared`."""
    if not SHARED_EDIFACT.is_dir():
        return [SHARED_ABSENT]
    return sorted(p.name for p in SHARED_EDIFACT.iterdir() if p.suffix in {".edi", ".txt"})


def require_service(name: str, host: str, port: int) -> None:
    """Skip when the service is absent, except on CI where its absence is a failure."""
    try:
        with socket.create_connection((host, port), timeout=2):
            return
    except OSError as exc:
        message = f"{name} is not reachable on {host}:{port}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


DEMO_DAY = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)  # the day the demo interchange is dated


def fixed_clock() -> datetime:
    return DEMO_DAY


def make_app(
    tmp_path: Path,
    database_url: str | None = None,
    broker_url: str = "memory://",
    clock: Callable[[], datetime] | None = None,
    **overrides: object,
) -> App:
    settings = Settings(
        data_dir=tmp_path,
        database_url=database_url or f"sqlite:///{tmp_path / 'oms.db'}",
        broker_url=broker_url,
        settle_seconds=0.1,
    )
    settings = settings.but(**overrides)
    app = bootstrap(settings, clock=clock) if clock else bootstrap(settings)
    app.upgrade_database()
    return app


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    """The embedded default: SQLite in a temp folder and the in-process broker."""
    application = make_app(tmp_path)
    yield application
    application.close()


@pytest.fixture
def demo_app(tmp_path: Path) -> Iterator[App]:
    """The embedded default with the demo master data, on the day the demo interchange is dated."""
    application = make_app(tmp_path, clock=fixed_clock)
    load_demo_master_data(application)
    yield application
    application.close()


@pytest.fixture(scope="session")
def pg_server() -> str:
    require_service("PostgreSQL", "127.0.0.1", 5432)
    return PG_SERVER


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"comanda_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{pg_server}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_app(tmp_path: Path, pg_url: str) -> Iterator[App]:
    application = make_app(tmp_path, pg_url)
    yield application
    application.close()


@pytest.fixture
def pg_demo_app(tmp_path: Path, pg_url: str) -> Iterator[App]:
    """`demo_app` on PostgreSQL: the demo master data, on the day the demo interchange is dated."""
    application = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(application)
    yield application
    application.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_app_each_db(request: pytest.FixtureRequest) -> App:
    """`demo_app` on the embedded default, then `pg_demo_app`: one test run on both databases."""
    app: App = request.getfixturevalue("demo_app" if request.param == "sqlite" else "pg_demo_app")
    return app


@pytest.fixture
def redis_url() -> str:
    require_service("Redis", "127.0.0.1", 6379)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    return REDIS_URL


@pytest.fixture
def amqp_url() -> str:
    require_service("RabbitMQ", "127.0.0.1", 5672)
    return AMQP_URL


def load_demo_master_data(app: App) -> None:
    from core.capture.services.partner_import import import_partners
    from core.catalog.services.masterdata import import_csv

    for kind in ("customers", "products", "customer-items", "prices", "units"):
        import_csv(app.uow(), kind, (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8"))
    import_partners(app.uow(), (SAMPLES / "masterdata" / "partners.csv").read_text(encoding="utf-8"))


def make_user(
    app: App, username: str = "ana", role: str = "clerk", password: str = "correct horse battery"
) -> str:
    """A user of the given role; returns an API token for it."""
    from core.kernel.domain.users import Role
    from core.kernel.services import auth

    auth.create_user(app.uow(), username, password, Role(role), datetime.now(UTC))
    return auth.create_api_token(app.uow(), username, "tests", datetime.now(UTC))
