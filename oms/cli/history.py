"""`oms replay` and `oms calibration`: judging readers and confidence on the stored history."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

from core.capture.domain.calibration import ChannelCalibration
from core.capture.services.calibration import calibration
from core.capture.services.replay import replay
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, day_arg, progress


def cmd_replay(app: App, args: argparse.Namespace) -> int:
    from web.reports import replay_html

    app.upgrade_database()
    since = datetime(args.since.year, args.since.month, args.since.day, tzinfo=UTC) if args.since else None
    with progress("read again") as advance:
        report = replay(
            app.uow(), app.read, app.validate, since=since, channel=args.channel, progress=advance
        )
    summary = report.summary()
    print(json.dumps(summary, indent=2))
    if args.report:
        Path(args.report).write_text(replay_html(report, since=args.since, channel=args.channel), "utf-8")
        print(f"report written to {args.report}")
    return 0


def _print_calibration(channels: list[ChannelCalibration]) -> None:
    for c in channels:
        threshold = f"{c.safe_threshold:.3f}" if c.safe_threshold is not None else "none"
        print(f"{c.channel}: {c.checked} checked; no false accept on history at confidence >= {threshold}")
        for b in c.bands:
            accuracy = f"{b.accuracy:.0%}" if b.accuracy is not None else "-"
            print(
                f"  {b.low:.2f}-{b.high:.2f}  checked {b.checked:>5}  right {b.right:>5}  {accuracy:>4}"
                f"  touchless {b.touchless:>5}"
            )


def cmd_calibration(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    channels = [c for c in calibration(app.uow()) if args.channel in (None, c.channel)]
    _print_calibration(channels)
    if not channels:
        print("no decided orders yet")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add the capture history's subcommands to the `oms` parser; returns their handlers by name."""
    rp = sub.add_parser("replay", help="read stored documents again with today's readers; change nothing")
    rp.add_argument("--since", type=day_arg, help="documents received on or after this day (YYYY-MM-DD)")
    rp.add_argument("--channel", help="only this channel (edi, email, fax, ...)")
    rp.add_argument("--report", help="write an HTML report to this file")
    cal = sub.add_parser("calibration", help="accuracy per confidence band, from clerks' corrections")
    cal.add_argument("--channel", help="only this channel")
    return {"replay": cmd_replay, "calibration": cmd_calibration}
