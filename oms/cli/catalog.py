"""`oms import KIND FILE.csv`: master data upserted from CSV files (the contracts' columns)."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.capture.services.partner_import import import_partners
from core.catalog.services.masterdata import COLUMNS, import_csv
from core.kernel.errors import MasterDataError
from core.purchasing.services.masterdata import COLUMNS as PURCHASING
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError, progress


def cmd_import(app: App, args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from exc
    app.upgrade_database()
    try:
        if args.kind == "partners":
            created, updated = import_partners(app.uow(), text)
        elif args.kind in PURCHASING:
            done = app.purchasing.service.import_csv(args.kind, text)
            created, updated = done.created, done.updated
        else:
            with progress(f"import {args.kind}") as advance:
                report = import_csv(app.uow(), args.kind, text, advance)
            created, updated = report.created, report.updated
    except MasterDataError as exc:
        raise UsageError(f"{args.file}: {exc}") from exc
    print(f"{args.kind}: {created} created, {updated} updated")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms import` to the `oms` parser; returns its handler."""
    imp = sub.add_parser("import", help="upsert master data from a CSV file")
    imp.add_argument("kind", choices=[*COLUMNS, "partners", *PURCHASING])
    imp.add_argument("file")
    return {"import": cmd_import}
