"""`oms doctor`, `oms backup`, `oms restore`, `oms migrate-to`: what an operator runs to see whether this
installation can work, to keep a copy of it, and to move it to PostgreSQL."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.kernel.errors import ComandaError
from oms import backup
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError

EXIT_NOT_READY = 1


def cmd_doctor(app: App, args: argparse.Namespace) -> int:
    """Every readiness check, one line each; exit 1 when one that matters failed."""
    failed = 0
    for check in app.readiness():
        if check.ok:
            mark = "ok  "
        elif check.running_only:
            mark = "warn"  # nothing listens yet: fine before `oms run` or `oms watch` starts
        else:
            mark = "FAIL"
            failed += 1
        print(f"{mark} {check.name:<10} {check.detail}")
        if not check.ok and check.fix:
            print(f"     {'':<10} fix: {check.fix}")
    print("ready" if failed == 0 else f"{failed} problem{'s' if failed > 1 else ''} to fix")
    return 0 if failed == 0 else EXIT_NOT_READY


def cmd_backup(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    try:
        done = backup.backup(app.engine, app.settings.data_dir, Path(args.file), app.clock())
    except (ComandaError, OSError) as exc:
        raise UsageError(str(exc)) from exc
    print(f"{args.file}: {sum(done.counts.values())} rows in {len(done.counts)} tables, {done.files} files")
    return 0


def cmd_restore(app: App, args: argparse.Namespace) -> int:
    try:
        done = backup.restore(app.engine, app.settings.data_dir, Path(args.file), force=args.force)
    except (ComandaError, OSError) as exc:
        raise UsageError(str(exc)) from exc
    app.upgrade_database()  # a backup from an older Comanda comes up to this one's schema
    print(f"restored {sum(done.counts.values())} rows in {len(done.counts)} tables, {done.files} files")
    return 0


def cmd_migrate_to(app: App, args: argparse.Namespace) -> int:
    """Copy this (embedded) installation's database into an empty PostgreSQL database and compare."""
    app.upgrade_database()
    try:
        compared = backup.migrate_to(app.engine, args.url)
    except ComandaError as exc:
        raise UsageError(str(exc)) from exc
    differ = {name: pair for name, pair in compared.items() if pair[0] != pair[1]}
    for name, (here, there) in sorted(compared.items()):
        if here or there:
            print(f"{name:<24} {here:>8} {there:>8}{'  DIFFERS' if name in differ else ''}")
    if differ:
        print(f"{len(differ)} tables differ")
        return EXIT_NOT_READY
    print(f"every table copied: {sum(here for here, _ in compared.values())} rows")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms doctor`, `oms backup`, `oms restore` and `oms migrate-to`; returns their handlers."""
    sub.add_parser("doctor", help="check the database, broker, Tesseract, folders and SMTP receiver")
    b = sub.add_parser("backup", help="the embedded database and the data folder into one .tar.gz")
    b.add_argument("file")
    r = sub.add_parser("restore", help="put a backup back (stop oms first)")
    r.add_argument("file")
    r.add_argument("--force", action="store_true", help="replace a database that holds orders already")
    m = sub.add_parser("migrate-to", help="copy the embedded database into an empty PostgreSQL database")
    m.add_argument("url", help="postgresql+psycopg://user@host/database")
    return {"doctor": cmd_doctor, "backup": cmd_backup, "restore": cmd_restore, "migrate-to": cmd_migrate_to}
