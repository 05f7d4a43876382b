"""`oms doctor`: what an operator runs to see whether this installation can work, and what to fix."""

from __future__ import annotations

import argparse

from oms.bootstrap import App
from oms.cli.common import Command, SubParsers

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


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms doctor` to the `oms` parser; returns its handler."""
    sub.add_parser("doctor", help="check the database, broker, Tesseract, folders and SMTP receiver")
    return {"doctor": cmd_doctor}
