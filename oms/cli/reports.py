"""`oms reports`: rebuild the reporting summary from scratch, or write one report as CSV or XLSX."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from core.reporting.adapters.export import FORMATS, render
from core.reporting.domain.reports import Period
from core.reporting.services.reports import REPORTS
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError, day_arg, progress

PERIODS = ("day", "week", "month")


def cmd_reports(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    if args.name == "rebuild":
        with progress("rebuild: orders") as advance:
            count = app.reporting.upkeep.rebuild(progress=advance)
        print(f"summary rebuilt from {count} orders")
        return 0
    end = args.to or app.clock().date()
    start = args.start or end - timedelta(days=364)
    if start > end:
        raise UsageError("--from is after --to")
    report = app.reporting.reports.run(args.name, Period(start, end), by=args.by)
    fmt = args.format or (Path(args.out).suffix.lstrip(".").lower() if args.out else "csv")
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}")
    content = render(report, fmt)
    if args.out:
        Path(args.out).write_bytes(content)
        print(f"{report.title} ({start} to {end}) written to {args.out}")
    elif fmt == "csv":
        sys.stdout.write(content.decode("utf-8"))
    else:
        raise UsageError("XLSX needs --out FILE")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms reports` to the `oms` parser; returns its handler by name."""
    rp = sub.add_parser("reports", help="write a report (CSV, XLSX) or rebuild the reporting summary")
    rp.add_argument("name", choices=("rebuild", *REPORTS), help="a report's name, or rebuild")
    rp.add_argument("--from", dest="start", type=day_arg, help="first day (YYYY-MM-DD); default a year back")
    rp.add_argument("--to", type=day_arg, help="last day (YYYY-MM-DD); default today")
    rp.add_argument("--format", choices=FORMATS, help="csv or xlsx; default from --out's suffix, else csv")
    rp.add_argument("--out", help="write to this file (default: CSV on standard output)")
    rp.add_argument("--by", choices=PERIODS, default="month", help="sales-period: the period's length")
    return {"reports": cmd_reports}
