"""`oms import KIND FILE.csv`: master data upserted from CSV files (the contracts' columns); `oms
promotions list`: the promotions loaded, and which are valid on a day."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.catalog.services.masterdata import COLUMNS, import_csv
from core.kernel.errors import MasterDataError
from core.purchasing.services.masterdata import COLUMNS as PURCHASING
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError, day_arg, progress


def cmd_import(app: App, args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from exc
    app.upgrade_database()
    try:
        if args.kind == "partners":
            created, updated = app.import_partners(text)
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


def cmd_promotions(app: App, args: argparse.Namespace) -> int:
    """One line per promotion: id, kind and amount, whom it is for, dates, code, valid on the day."""
    app.upgrade_database()
    day = args.on or app.clock().date()
    with app.uow() as uow:
        promotions = list(uow.master.promotions())
    valid = sum(p.valid_on(day) for p in promotions)
    print(f"promotions on {day.isoformat()}: {valid} valid of {len(promotions)}")
    for p in promotions:
        if args.valid and not p.valid_on(day):
            continue
        whom = p.scope if not p.target else f"{p.scope} {p.target}"
        since = p.valid_from.isoformat() if p.valid_from else "open"
        until = p.valid_to.isoformat() if p.valid_to else "open"
        state = "valid" if p.valid_on(day) else "not valid"
        code = f" · code {p.code}" if p.code else ""
        print(f"{p.describe()} · for {whom} · {since} to {until}{code} · {state}")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms import` and `oms promotions` to the `oms` parser; returns their handlers."""
    imp = sub.add_parser("import", help="upsert master data from a CSV file")
    imp.add_argument("kind", choices=[*COLUMNS, "partners", *PURCHASING])
    imp.add_argument("file")
    promos = sub.add_parser("promotions", help="the promotions loaded")
    action = promos.add_subparsers(dest="action", required=True)
    listing = action.add_parser("list", help="every promotion, and whether it is valid on a day")
    listing.add_argument("--on", type=day_arg, default=None, help="the day (YYYY-MM-DD; default today)")
    listing.add_argument("--valid", action="store_true", help="only those valid on the day")
    return {"import": cmd_import, "promotions": cmd_promotions}
