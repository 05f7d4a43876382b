"""Rows queued for a bulk insert are there whenever the session looks, and a savepoint that rolls back
takes with it exactly the rows queued inside it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.orm import Session

from core.kernel.adapters.bulk import bulk

metadata = MetaData()
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("text", String(20)))


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def stored(session: Session) -> list[str]:
    return list(session.scalars(select(notes.c.text).order_by(notes.c.id)))


def test_queued_rows_are_written_before_the_next_read_in_the_order_queued(session: Session) -> None:
    bulk(session).add(notes, [{"text": "one"}, {"text": "two"}])
    bulk(session).add(notes, [{"text": "three"}])
    assert stored(session) == ["one", "two", "three"]


def test_a_commit_writes_what_is_queued(session: Session) -> None:
    bulk(session).add(notes, [{"text": "kept"}])
    session.commit()
    session.rollback()
    assert stored(session) == ["kept"]


def test_a_savepoint_rolled_back_drops_only_what_was_queued_inside_it(session: Session) -> None:
    bulk(session).add(notes, [{"text": "before"}])
    with pytest.raises(RuntimeError), session.begin_nested():
        bulk(session).add(notes, [{"text": "inside"}])
        raise RuntimeError("step failed")
    bulk(session).add(notes, [{"text": "after"}])
    with session.begin_nested():
        bulk(session).add(notes, [{"text": "released"}])
    session.commit()
    assert stored(session) == ["before", "after", "released"]


def test_a_transaction_rolled_back_writes_nothing(session: Session) -> None:
    bulk(session).add(notes, [{"text": "lost"}])
    session.rollback()
    session.commit()
    assert stored(session) == []
