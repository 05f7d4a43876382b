"""The bulk writer on PostgreSQL, where it writes a batch's rows with COPY (`COPY_FROM` rows or more
to one table; fewer go by executemany): the same promises as on SQLite
(`tests/unit/core/test_bulk_writer.py`), and every value stored as an INSERT would store it.

The expectations are the rows as queued below, read back: text with a tab, a line break, a
backslash and quotes as typed; a missing number missing; a JSON value the dict it was (and `None`
as JSON null, as an INSERT of a JSON column stores it); a time the same instant in UTC.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import JSON, Column, Integer, MetaData, Numeric, String, Table, create_engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.kernel.adapters.bulk import COPY_FROM, bulk
from core.kernel.adapters.types import UTCDateTime

pytestmark = pytest.mark.integration

metadata = MetaData()
notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text", String(40), nullable=False, unique=True),
    Column("amount", Numeric(12, 3)),
    Column("detail", JSON),
    Column("at", UTCDateTime),
)


@pytest.fixture
def session(pg_url: str) -> Iterator[Session]:
    engine = create_engine(pg_url)
    metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def stored(session: Session) -> list[str]:
    return list(session.scalars(select(notes.c.text).order_by(notes.c.id)))


def batch(name: str) -> list[dict[str, object]]:
    """Enough rows for the writer to COPY them: `name 1`, `name 2`, …"""
    return [{"text": f"{name} {i}"} for i in range(1, COPY_FROM + 1)]


def names(*batches: str) -> list[str]:
    return [f"{name} {i}" for name in batches for i in range(1, COPY_FROM + 1)]


def test_values_are_stored_as_written(session: Session) -> None:
    at = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    tricky = 'a\tb\nc\\d "e"'
    filler = [{"text": f"filler {i}", "amount": None, "detail": None, "at": None} for i in range(COPY_FROM)]
    bulk(session).add(
        notes,
        [
            {"text": tricky, "amount": Decimal("1.250"), "detail": {"lines": {"1": "3"}}, "at": at},
            {"text": "bare", "amount": None, "detail": None, "at": None},
            *filler,
        ],
    )
    session.commit()
    columns = (notes.c.text, notes.c.amount, notes.c.detail, notes.c.at)
    rows = session.execute(select(*columns).order_by(notes.c.id).limit(2))
    assert [tuple(r) for r in rows] == [
        (tricky, Decimal("1.250"), {"lines": {"1": "3"}}, at),
        ("bare", None, None, None),
    ]
    json_null = session.execute(text("SELECT detail::text FROM notes WHERE text = 'bare'")).scalar_one()
    assert json_null == "null"


def test_queued_rows_are_written_before_the_next_read_in_the_order_queued(session: Session) -> None:
    bulk(session).add(notes, batch("one"))
    bulk(session).add(notes, [{"text": "two"}])  # a few rows: executemany, after the COPY
    assert stored(session) == [*names("one"), "two"]


def test_a_savepoint_rolled_back_drops_only_what_was_queued_inside_it(session: Session) -> None:
    bulk(session).add(notes, batch("before"))
    with pytest.raises(RuntimeError), session.begin_nested():
        bulk(session).add(notes, batch("inside"))
        raise RuntimeError("step failed")
    bulk(session).add(notes, batch("after"))
    with session.begin_nested():
        bulk(session).add(notes, batch("released"))
    session.commit()
    assert stored(session) == names("before", "after", "released")


def test_a_refused_row_fails_as_an_insert_would(session: Session) -> None:
    bulk(session).add(notes, [*batch("once"), {"text": "once 1"}])
    with pytest.raises(IntegrityError):
        stored(session)
    session.rollback()
    assert stored(session) == []
