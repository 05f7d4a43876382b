"""Backups of the embedded installation, and moving it to PostgreSQL.

A backup is one `.tar.gz`: `manifest.json` (when, the row count of every table), `oms.db` (a consistent
copy taken with SQLite's online backup API while the system may keep running) and `data/`, every other
file of the data folder (inboxes, outboxes, printed pick lists, billing notices).  `migrate_to` copies
every table of the embedded database into an empty PostgreSQL database at the newest schema, parents
before children, moves its id sequences past the copied ids, and compares the row counts.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, Table, create_engine, func, inspect, select, text

from core import migrate
from core.kernel.errors import ConfigError, InputError
from core.orm import metadata

MANIFEST = "manifest.json"
DATABASE = "oms.db"
DATA = "data"
FORMAT = 1
BATCH = 1000
Progress = Callable[[str, int], None]  # (table, rows copied so far)


@dataclass(frozen=True)
class Summary:
    counts: dict[str, int]  # rows per table
    files: int  # files of the data folder


def sqlite_path(engine: Engine) -> Path:
    """The embedded database's file; anything else is not ours to copy file by file."""
    if engine.url.get_backend_name() != "sqlite" or not engine.url.database:
        raise ConfigError(
            "backup and restore work on the embedded SQLite database; back PostgreSQL up with pg_dump "
            "(docs/backups.md)"
        )
    return Path(engine.url.database).resolve()


def table_counts(engine: Engine) -> dict[str, int]:
    present = set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in metadata.sorted_tables
            if t.name in present
        }


def _data_files(data_dir: Path, skip: set[Path]) -> Iterator[Path]:
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.resolve() not in skip:
            yield path


def backup(engine: Engine, data_dir: Path, target: Path, now: datetime) -> Summary:
    """Write the database and the data folder into the archive `target`."""
    database = sqlite_path(engine)
    skip = {database.with_name(database.name + s) for s in ("", "-wal", "-shm", "-journal")}
    skip.add(target.resolve())
    counts = table_counts(engine)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / DATABASE
        _sqlite_copy(database, copy)
        files = list(_data_files(data_dir, skip))
        manifest = {"format": FORMAT, "created_at": now.isoformat(), "counts": counts, "files": len(files)}
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            body = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(body), int(now.timestamp())
            archive.addfile(info, io.BytesIO(body))
            archive.add(copy, DATABASE)
            for path in files:
                archive.add(path, f"{DATA}/{path.relative_to(data_dir).as_posix()}")
        partial.replace(target)  # a half-written archive never carries the real name
    return Summary(counts, len(files))


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API, whoever else is writing meanwhile."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for m in members:
        name = m.name
        if name not in (MANIFEST, DATABASE) and not name.startswith(f"{DATA}/"):
            raise InputError(f"not a Comanda backup: it holds {name!r}")
        if not (m.isfile() or m.isdir()) or ".." in Path(name).parts or name.startswith("/"):
            raise InputError(f"refusing the archive member {name!r}")
    return members


def read_manifest(source: Path) -> dict[str, object]:
    try:
        with tarfile.open(source, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest: dict[str, object] = json.loads(member.read())
    except (OSError, KeyError, tarfile.TarError, ValueError) as exc:
        raise InputError(f"{source}: not a Comanda backup ({exc})") from exc
    if manifest.get("format") != FORMAT:
        raise InputError(f"{source}: backup format {manifest.get('format')!r}, this Comanda reads {FORMAT}")
    return manifest


def restore(engine: Engine, data_dir: Path, source: Path, *, force: bool = False) -> Summary:
    """Put an archive's database and files back; refuses to overwrite a database holding documents or
    orders unless `force`."""
    database = sqlite_path(engine)
    manifest = read_manifest(source)
    if database.exists() and not force:
        held = table_counts(engine)
        if held.get("documents", 0) or held.get("orders", 0):
            raise InputError(f"{database} holds documents or orders already; restore --force replaces it")
    engine.dispose()
    database.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(source, "r:gz") as archive:
        members = _safe_members(archive)
        archive.extractall(tmp, members=members, filter="data")
        _sqlite_copy(Path(tmp) / DATABASE, database)
        files = 0
        for path in sorted((Path(tmp) / DATA).rglob("*")):
            if path.is_file():
                goal = data_dir / path.relative_to(Path(tmp) / DATA)
                goal.parent.mkdir(parents=True, exist_ok=True)
                path.replace(goal)
                files += 1
    counts = table_counts(engine)
    expected = manifest.get("counts")
    if counts != expected:
        raise InputError(f"restored rows differ from the backup's: {counts} != {expected}")
    return Summary(counts, files)


# tables PostgreSQL fills itself as the rows above are copied (the order search index, kept by the
# triggers of migration 0013; SQLite searches the orders directly and leaves it empty): not compared
BUILT_THERE = frozenset({"report_order_search"})


def migrate_to(source: Engine, url: str, progress: Progress | None = None) -> dict[str, tuple[int, int]]:
    """Copy every table into the empty database at `url` (migrated to the newest schema first);
    returns (rows here, rows there) per table."""
    if not url.startswith("postgresql"):
        raise ConfigError("migrate-to copies into PostgreSQL: postgresql+psycopg://user@host/db")
    target = create_engine(url)
    try:
        if inspect(target).get_table_names():
            where = target.url.render_as_string()
            raise InputError(f"{where} has tables already; migrate-to copies into a new, empty database")
        migrate.upgrade(target)
        present = set(inspect(target).get_table_names())
        with source.connect() as src, target.begin() as dst:
            for table in reversed(metadata.sorted_tables):  # what the migrations put in, the copy brings too
                if table.name in present:
                    dst.execute(table.delete())
            for table in metadata.sorted_tables:
                if table.name in present:
                    _copy_table(src, dst, table, progress)
                    _advance_sequence(dst, table)
        here, there = table_counts(source), table_counts(target)
    finally:
        target.dispose()
    return {name: (n, there.get(name, -1)) for name, n in here.items() if name not in BUILT_THERE}


def _copy_table(src: object, dst: object, table: Table, progress: Progress | None) -> None:
    order = list(table.primary_key.columns) or list(table.columns)
    rows = src.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))  # type: ignore[attr-defined]
    done = 0
    for batch in rows.partitions(BATCH):
        dst.execute(table.insert(), [dict(row._mapping) for row in batch])  # type: ignore[attr-defined]
        done += len(batch)
        if progress is not None:
            progress(table.name, done)


def _advance_sequence(dst: object, table: Table) -> None:
    """Move a serial id's sequence past the copied ids, so the next insert does not collide."""
    pk = list(table.primary_key.columns)
    if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
        return
    name, column = table.name, pk[0].name
    dst.execute(  # type: ignore[attr-defined]
        text(
            f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "  # noqa: S608 - our own table names
            f"COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {name}"
        )
    )
