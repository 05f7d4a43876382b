"""An e-mail is never acknowledged and then lost: while the database cannot be reached, the SMTP receiver
answers 451 (the sending server keeps the message and retries); once it is back, the retry is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from ingest.smtp import SmtpReceiver
from oms.bootstrap import App
from tests.conftest import make_app
from tests.integration.mail_support import free_port
from tests.integration.test_email_channel import send
from tests.unit.parsers.email_support import message

pytestmark = pytest.mark.integration


@pytest.fixture
def pg_mail_app(tmp_path: Path, pg_url: str) -> Iterator[App]:
    application = make_app(tmp_path, pg_url, smtp_port=free_port())
    yield application
    application.close()


def _connections(pg_server: str, database: str, allowed: bool) -> None:
    admin = create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {str(allowed).lower()}'))
        if not allowed:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                {"d": database},
            )
    admin.dispose()


def test_no_database_means_451_and_the_retry_is_stored(pg_mail_app: App, pg_server: str, pg_url: str) -> None:
    app = pg_mail_app
    database = pg_url.rsplit("/", 1)[1]
    smtp = SmtpReceiver("127.0.0.1", app.settings.smtp_port, app.submit, app.clock, 2**20)
    smtp.start()
    raw = message("* 10 x TOR-M8-40").as_bytes()
    try:
        _connections(pg_server, database, allowed=False)
        try:
            code, reply = send(smtp.port, raw)
        finally:
            _connections(pg_server, database, allowed=True)
        assert code == 451, reply
        with app.uow() as uow:
            assert uow.documents.list() == []  # nothing half-stored either
        code, reply = send(smtp.port, raw)  # the sending server's retry
        assert code == 250, reply
        with app.uow() as uow:
            [stored] = uow.documents.list()
        assert stored.sha256 and reply.decode().endswith(f"document {stored.id}")
    finally:
        smtp.stop()
