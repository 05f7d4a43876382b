"""The engine for SQLite (embedded, WAL) and PostgreSQL; `core.orm.make_session_factory` maps and binds it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

BUSY_SECONDS = 30  # how long a writer waits for another before giving up

# an execution option: the connection's transactions only read (`reading_engine`)
READS_ONLY = "oms_reads_only"


# a server database's connections per process: kept, and opened beyond those when all are in use
POOL_SIZE = 10
POOL_OVERFLOW = 20


def make_engine(url: str, *, echo: bool = False, durable: bool = True) -> Engine:
    """Build an engine; SQLite gets WAL, a busy timeout and foreign keys, and its folder is created.
    Not `durable`: SQLite does not wait for the disk at all (synchronous=OFF), for a bulk load that is
    redone from scratch after a crash; a crash of the process alone loses nothing either way."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, connect_args={"timeout": BUSY_SECONDS, "check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_pragmas if durable else _sqlite_bulk_pragmas)
        # pysqlite's own transaction handling defers BEGIN; take it over so that writers queue
        # on BEGIN IMMEDIATE instead of failing on lock upgrade.
        event.listen(engine, "begin", _Writers(engine.dialect).begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)


def on_postgresql(bind: Session | Connection | Engine) -> bool:
    """Whether `bind` (a session, a connection or an engine) talks to PostgreSQL rather than SQLite:
    the one question the adapters ask before a statement only PostgreSQL has."""
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return engine.dialect.name == "postgresql"


def reading_engine(engine: Engine) -> Engine:
    """The engine for transactions that only read (the same pool). On SQLite they begin deferred and
    do not queue for the writer lock: in WAL mode a reader sees the last commit and blocks no writer,
    so a read that takes long (laying out a PDF between its reads) no longer holds up every writer.
    Such a transaction must not write: SQLite would fail it when another writer came first."""
    if engine.get_execution_options().get(READS_ONLY):
        return engine
    reading: Engine | None = vars(engine).get("_oms_reading")  # made once per engine
    if reading is None:
        reading = engine.execution_options(**{READS_ONLY: True})
        vars(engine)["_oms_reading"] = reading
    return reading


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let the "begin" hook issue BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
    cursor.close()


def _sqlite_bulk_pragmas(dbapi_connection: Any, record: Any) -> None:
    _sqlite_pragmas(dbapi_connection, record)
    dbapi_connection.execute("PRAGMA synchronous=OFF")


class _Writers:
    """The threads of this process that write to one SQLite file queue on a lock here before BEGIN
    IMMEDIATE, and the next goes on the moment the transaction's commit or rollback has run: SQLite's
    own busy handler would have it sleep and try again, up to 100 ms at a time, which left the worker
    and the main thread of a bulk run (the demo history) mostly waiting for each other.  Other
    processes still queue in SQLite; after the busy timeout a thread goes on to SQLite's queue."""

    def __init__(self, dialect: Any) -> None:
        self._lock = threading.Lock()
        self._holder: object = None  # the driver connection whose transaction holds the lock
        self._commit, self._rollback = dialect.do_commit, dialect.do_rollback
        dialect.do_commit, dialect.do_rollback = self._do_commit, self._do_rollback

    def begin(self, conn: Connection) -> None:
        if conn.get_execution_options().get(READS_ONLY):
            conn.exec_driver_sql("BEGIN")  # deferred: a reader, no lock taken until it would write
            return
        driver = conn.connection.dbapi_connection
        if self._lock.acquire(timeout=BUSY_SECONDS):
            self._holder = driver
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            self._end(driver)
            raise

    def _do_commit(self, driver: Any) -> None:
        try:
            self._commit(driver)
        finally:
            self._end(driver)

    def _do_rollback(self, driver: Any) -> None:
        try:
            self._rollback(driver)
        finally:
            self._end(driver)

    def _end(self, driver: object) -> None:
        # SQLAlchemy hands the pool's proxy here, the pool's reset may too: compare what they wrap
        driver = getattr(driver, "dbapi_connection", driver)
        if driver is not None and self._holder is driver:
            self._holder = None
            self._lock.release()
