"""One question the adapters share: does this session, connection or engine talk to PostgreSQL? An
engine is built for the URL without connecting, so the PostgreSQL side needs no server here."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from core.kernel.adapters.db import on_postgresql


def test_sqlite_is_not_postgresql_whether_asked_of_the_engine_a_connection_or_a_session() -> None:
    engine = create_engine("sqlite://")
    with engine.connect() as connection, Session(engine) as session:
        assert [on_postgresql(engine), on_postgresql(connection), on_postgresql(session)] == [False] * 3
    engine.dispose()


def test_a_postgresql_engine_and_a_session_bound_to_it_are_postgresql() -> None:
    engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with Session(engine) as session:
        assert on_postgresql(engine) and on_postgresql(session)
    engine.dispose()
