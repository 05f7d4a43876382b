"""Rows a use case writes in bulk: queued per table and inserted with one COPY per table on PostgreSQL
(one `executemany` elsewhere) just before the session next reads, flushes or commits, instead of one
ORM object (and one RETURNING) each.

For append-only rows nobody needs the id of in the same step (order events, allocations, pick lines,
notifications): on PostgreSQL the ORM's multi-row INSERT … RETURNING of thousands of rows costs more
in the driver (each statement's placeholders parsed anew) than the database spends storing them, and
a pipelined `executemany` still binds and executes once per row.  Rows queued inside a savepoint that
rolls back are dropped with it, as the ORM would drop its pending objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Connection, Integer, Table, any_, bindparam, event, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction
from sqlalchemy.types import TypeEngine

from core.kernel.adapters.db import on_postgresql


def row_of(table: Table, obj: object) -> dict[str, Any]:
    """The table's columns read off a mapped object (its id left to the database when unset): from
    the object's dictionary, where the values set or loaded are, without an instrumented getter
    each; through the getter for one not there (expired, or never loaded)."""
    keys, generated = _keys(table)
    held = obj.__dict__
    row = {key: held[key] if key in held else getattr(obj, key) for key in keys}
    for key in generated:
        if row[key] is None:
            del row[key]
    return row


def column_values(obj: object, columns: list[str]) -> dict[str, object]:
    """The columns' values of a new object, read from its state's dictionary rather than through
    each attribute's instrumented getter (a quarter of a million of them for 1,000 orders)."""
    held = vars(obj)
    return {c: held[c] if c in held else getattr(obj, c) for c in columns}


@cache
def _keys(table: Table) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The table's column keys, and those of its primary key the database may generate (a table's
    columns are fixed once mapped; iterating its column collection per row cost more than the rest)."""
    keys = tuple(c.key for c in table.columns)
    return keys, tuple(c.key for c in table.primary_key.columns if c.autoincrement is not False)


class BulkWriter:
    """Queued inserts on one session, written before anything could miss them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        event.listen(session, "do_orm_execute", self._before_statement)
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "before_commit", self._before_commit)
        event.listen(session, "after_transaction_create", self._savepoint_begins)
        event.listen(session, "after_soft_rollback", self._rolled_back)

    def add(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            if not self.session.in_transaction():
                self.session.connection()  # so that a rollback, which drops the rows, is seen
            self.rows.setdefault(table, []).extend(rows)

    def write(self, connection: Connection | None = None) -> None:
        """Insert everything queued, table by table in the order first queued."""
        while self.rows:
            pending, self.rows = self.rows, {}
            connection = connection or self.session.connection()
            for table, rows in pending.items():
                insert_rows(connection, table, rows)

    def _before_statement(self, state: ORMExecuteState) -> None:
        if self.rows and not state.is_insert:
            self.write()

    def _after_flush(self, session: Session, flush: UOWTransaction) -> None:
        self.write()

    def _before_commit(self, session: Session) -> None:
        if self.rows:
            session.flush()  # parents the ORM still holds go in first
            self.write()

    def _savepoint_begins(self, session: Session, transaction: SessionTransaction) -> None:
        if transaction.nested and self.rows and transaction.parent is not None:
            # on the enclosing transaction's connection, so that they land before the SAVEPOINT
            self.write(transaction.parent.connection(None))

    def _rolled_back(self, session: Session, previous: SessionTransaction) -> None:
        self.rows.clear()  # queued since the savepoint (or transaction) began: undone with it


def bulk(session: Session) -> BulkWriter:
    """The session's one writer (made on first use)."""
    writer = session.info.get("bulk")
    if writer is None:
        writer = session.info["bulk"] = BulkWriter(session)
    assert isinstance(writer, BulkWriter)
    return writer


COPY_FROM = 64  # rows: below this a pipelined executemany (one round trip) beats COPY's two


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` on the connection: COPY on PostgreSQL for each run of at least `COPY_FROM`
    rows with the same keys (a batch step's), one `executemany` otherwise (a single order's few,
    where COPY's extra round trip would cost more than binding each row)."""
    start = 0
    while start < len(rows):
        keys = rows[start].keys()
        end = start + 1
        while end < len(rows) and rows[end].keys() == keys:
            end += 1
        run = rows[start:end]
        if len(run) < COPY_FROM or not copy_rows(connection, table, run):
            # `inline`: no RETURNING of a single row's generated id (nobody reads it, and in a
            # pipeline nothing comes back until the block is answered)
            connection.execute(insert(table).inline(), list(run))
        start = end


def copy_in(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> bool:
    """Insert `rows` (all with the same keys) with COPY on PostgreSQL, inside the session's
    transaction; False elsewhere, where the caller inserts them its own way."""
    if not on_postgresql(session) or not rows:
        return False
    return copy_rows(session.connection(), table, rows)


def copy_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> bool:
    """Insert `rows` (all with the same keys) with COPY on PostgreSQL, on the connection's
    transaction; False elsewhere, where the caller inserts them its own way.

    One COPY of eleven thousand rows takes a fraction of what as many pipelined `INSERT`s take. Each
    value goes through its column's own conversion first (enums to their stored value, JSON
    serialised, UTC checked), as an `INSERT` through SQLAlchemy would; defaults are not applied, so
    a row must say every column it has a value for.
    """
    dialect = connection.dialect
    if not on_postgresql(connection) or not rows or _in_pipeline(connection):
        return False  # psycopg's pipeline mode has no COPY: the caller's executemany goes with the rest
    keys = list(rows[0])
    processors = [table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
    names = ", ".join(dialect.identifier_preparer.quote(table.c[k].name) for k in keys)
    sql = f"COPY {dialect.identifier_preparer.format_table(table)} ({names}) FROM STDIN"
    driver = connection.connection.driver_connection
    dbapi = dialect.loaded_dbapi
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(
                    [row[k] if p is None else p(row[k]) for k, p in zip(keys, processors, strict=True)]
                )
    except dbapi.Error as exc:
        # the driver's error as SQLAlchemy raises it for an INSERT (DataError, IntegrityError …), so
        # that callers tell a value the database refuses from a conflict the same way on either path
        raise DBAPIError.instance(sql, None, exc, dbapi.Error, dialect=dialect) from exc
    return True


def any_of(
    session: Session, column: ColumnElement[Any], values: Sequence[Any], item: TypeEngine[Any] | None = None
) -> ColumnElement[bool]:
    """`column IN values` as one array parameter on PostgreSQL (`= ANY(:values)`): one statement
    the driver prepares once whatever the batch's size, instead of a placeholder per value; an IN
    list elsewhere (SQLite has no arrays).  `item`: the array's element type (integers unless said)."""
    if on_postgresql(session):
        return column == any_(bindparam(None, list(values), type_=ARRAY(item or Integer())))
    return column.in_(list(values))


def any_of_param(
    column: ColumnElement[Any], name: str, *, postgres: bool, item: TypeEngine[Any] | None = None
) -> ColumnElement[bool]:
    """`any_of` for a statement built once and executed with its values bound as `name`: one array
    parameter on PostgreSQL, an expanding IN list elsewhere."""
    if postgres:
        return column == any_(bindparam(name, type_=ARRAY(item or Integer())))
    return column.in_(bindparam(name, expanding=True))


_PIPELINE = "pipelined"  # session.info key: the row-count checks waiting for the pipeline's answer


def _in_pipeline(connection: Connection) -> bool:
    driver = connection.connection.driver_connection
    return bool(driver is not None and driver.pgconn.pipeline_status)


def few_enough(session: Session, more: int = 0) -> bool:
    """Whether the rows queued (and `more` to come in one table) are each fewer than COPY takes:
    what `pipelined` writes by `executemany`."""
    return more < COPY_FROM and all(len(rows) < COPY_FROM for rows in bulk(session).rows.values())


@contextmanager
def pipelined(session: Session) -> Iterator[bool]:
    """On PostgreSQL, the statements executed inside are sent without waiting for each answer and are
    answered together when the block ends (psycopg's pipeline mode): one round trip for all of them.
    A row count is known only then, so checks on one go through `answered`; COPY is not used inside.
    Only for Core statements and queued rows: the ORM's flush checks each UPDATE's row count as it
    goes. Yields whether it pipelines (elsewhere the statements run, and are checked, one by one)."""
    connection = session.connection()
    dialect = connection.dialect
    if not on_postgresql(connection) or _PIPELINE in session.info:
        yield False
        return
    checks: list[Callable[[], None]] = []
    session.info[_PIPELINE] = checks
    driver = connection.connection.driver_connection
    dbapi = dialect.loaded_dbapi
    try:
        with driver.pipeline():  # type: ignore[union-attr]
            yield True
    except dbapi.Error as exc:
        # a statement's error arrives with the answer, from the driver: raised as SQLAlchemy raises it
        raise DBAPIError.instance(None, None, exc, dbapi.Error, dialect=dialect) from exc
    finally:
        del session.info[_PIPELINE]
    for check in checks:
        check()


def answered(session: Session, results: Sequence[Any], check: Callable[[int], None]) -> None:
    """`check(rows)` with the rows the statements of `results` changed: at once, or inside `pipelined`
    once the database has answered them (the driver's cursors hold the counts then)."""
    waiting = session.info.get(_PIPELINE)
    if waiting is None:
        check(sum(int(r.rowcount) for r in results))
        return
    cursors = [r.context.cursor for r in results]
    waiting.append(lambda: check(sum(int(c.rowcount) for c in cursors)))
