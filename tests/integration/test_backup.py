"""Backups of the embedded installation (`oms backup`/`oms restore`) give back the same orders and files,
and `oms migrate-to` copies an embedded installation into a new PostgreSQL database with the same rows."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.kernel.errors import ConfigError, InputError
from oms import backup
from oms.bootstrap import App
from tests.conftest import ROOT, SAMPLES, fixed_clock, make_app, make_user
from tests.integration.helpers import all_orders, ingest

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


def snapshot(app: App) -> list[tuple[object, ...]]:
    """What an operator would compare: every order with its lines, as plain values."""
    return [
        (o.id, o.document_id, o.po_number, o.customer_id, str(o.state), o.total, o.created_at,
         [(line.sku, line.quantity, line.unit_price) for line in o.lines])
        for o in all_orders(app)
    ]  # fmt: skip


def files_under(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith("oms.db")
    }


@pytest.fixture
def busy_app(tmp_path: Path) -> Iterator[App]:
    """An embedded installation that has taken the demo interchange and has a user."""
    from tests.conftest import load_demo_master_data

    app = make_app(tmp_path / "here", clock=fixed_clock)
    load_demo_master_data(app)
    ingest(app, DEMO, "demo-orders.edi")
    make_user(app, "ana")
    yield app
    app.close()


def test_backup_then_restore_gives_the_same_orders_and_files(busy_app: App, tmp_path: Path) -> None:
    archive = tmp_path / "comanda.tar.gz"
    done = backup.backup(busy_app.engine, busy_app.settings.data_dir, archive, fixed_clock())
    assert done.counts["orders"] == 2 and done.counts["users"] == 1  # the two UNH of the demo interchange
    before, files = snapshot(busy_app), files_under(busy_app.settings.data_dir)
    assert any(name.startswith("outbox/") for name in files)  # the answers written for the orders

    elsewhere = make_app(tmp_path / "there", clock=fixed_clock)
    try:
        backup.restore(elsewhere.engine, elsewhere.settings.data_dir, archive)
        assert snapshot(elsewhere) == before
        assert files_under(elsewhere.settings.data_dir) == files
        assert backup.table_counts(elsewhere.engine) == backup.table_counts(busy_app.engine)
    finally:
        elsewhere.close()


def test_restore_will_not_overwrite_orders_unless_forced(busy_app: App, tmp_path: Path) -> None:
    archive = tmp_path / "comanda.tar.gz"
    backup.backup(busy_app.engine, busy_app.settings.data_dir, archive, fixed_clock())
    make_user(busy_app, "bob")  # made after the backup: a forced restore takes it away again
    with pytest.raises(InputError, match="--force"):
        backup.restore(busy_app.engine, busy_app.settings.data_dir, archive)
    with busy_app.uow() as uow:
        assert uow.users.count() == 2
    backup.restore(busy_app.engine, busy_app.settings.data_dir, archive, force=True)
    with busy_app.uow() as uow:
        assert [u.username for u in uow.users.all()] == ["ana"]
    assert len(all_orders(busy_app)) == 2


def test_an_archive_that_is_not_a_backup_is_refused(app: App, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as archive:
        (tmp_path / "x").write_text("hola")
        archive.add(tmp_path / "x", "x")
    with pytest.raises(InputError, match="not a Comanda backup"):
        backup.restore(app.engine, app.settings.data_dir, foreign)


def test_postgresql_is_backed_up_with_its_own_tools(pg_app: App, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="pg_dump"):
        backup.backup(pg_app.engine, tmp_path, tmp_path / "b.tar.gz", fixed_clock())


def test_the_commands_back_up_and_restore_through_the_command_line(tmp_path: Path) -> None:
    def oms(var: Path, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "OMS_DATA_DIR": str(var), "OMP_THREAD_LIMIT": "1"}
        env.pop("OMS_DATABASE_URL", None)
        env.pop("OMS_BROKER_URL", None)
        return subprocess.run(
            [sys.executable, "-m", "oms.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )

    here, there, archive = tmp_path / "here", tmp_path / "there", tmp_path / "b.tar.gz"
    assert oms(here, "db", "seed").returncode == 0
    made = oms(here, "backup", str(archive))
    assert made.returncode == 0, made.stderr
    assert "files" in made.stdout
    back = oms(there, "restore", str(archive))
    assert back.returncode == 0, back.stderr
    assert files_under(there) == files_under(here)
    assert oms(there, "restore", str(tmp_path / "missing.tar.gz")).returncode == 2


@pytest.fixture
def new_pg_database(pg_url: str) -> str:
    """The PostgreSQL database the SQLite one is migrated to: `pg_url`'s, fresh and empty, dropped after."""
    return pg_url


def test_migrate_to_postgresql_gives_the_same_rows(
    busy_app: App, new_pg_database: str, tmp_path: Path
) -> None:
    compared = backup.migrate_to(busy_app.engine, new_pg_database)
    assert compared["orders"] == (2, 2)
    assert all(here == there for here, there in compared.values()), compared
    moved = make_app(tmp_path / "pg", new_pg_database, clock=fixed_clock)
    try:
        assert snapshot(moved) == snapshot(busy_app)
        # the id sequences went past the copied ids: a new arrival gets a fresh id, not a collision
        newer = ingest(moved, DEMO.replace(b"+1+ORDERS", b"+8+ORDERS"), "later.edi")
        assert newer > max(o[1] for o in snapshot(busy_app))  # type: ignore[type-var]
    finally:
        moved.close()
    with pytest.raises(InputError, match="has tables already"):
        backup.migrate_to(busy_app.engine, new_pg_database)
