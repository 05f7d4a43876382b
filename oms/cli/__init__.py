"""The `oms` command line: one module per area adds its subcommands (the contracts list them)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from core.kernel.errors import ComandaError
from oms import logs
from oms.bootstrap import bootstrap
from oms.cli import (
    admin,
    billing,
    capture,
    catalog,
    catalogues,
    demo,
    forecast,
    fulfilment,
    history,
    ops,
    purchasing,
    reports,
    run,
    sales,
    schedules,
)
from oms.cli.common import EXIT_BAD_INPUT, Command, UsageError

AREAS = (
    run,
    admin,
    catalog,
    catalogues,
    capture,
    fulfilment,
    billing,
    purchasing,
    sales,
    history,
    reports,
    forecast,
    schedules,
    demo,
    ops,
)
# the commands that keep running say what they serve; the others print only their results
LONG_RUNNING = ("run", "serve", "worker", "watch")


def build_parser(commands: dict[str, Command] | None = None) -> argparse.ArgumentParser:
    """The parser of every area's subcommands; their handlers go into `commands` by name."""
    parser = argparse.ArgumentParser(prog="oms", description="Comanda order capture and management")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log what the system does, not only problems"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    found: dict[str, Command] = {}
    for area in AREAS:
        found.update(area.add_commands(sub))
    if commands is not None:
        commands.update(found)
    return parser


def _logging(args: argparse.Namespace, fmt: str = "text") -> None:
    """Quiet by default: warnings and errors only; `oms`'s own news (and the web server's) too where a
    command keeps running. `fmt` is OMS_LOG_FORMAT: text, or json (one object per line)."""
    logs.configure(fmt, logging.INFO if args.verbose else logging.WARNING, sys.stderr)
    if args.command in LONG_RUNNING:
        logging.getLogger("oms").setLevel(logging.INFO)
        logging.getLogger("uvicorn").setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    commands: dict[str, Command] = {}
    args = build_parser(commands).parse_args(argv)
    _logging(args)
    try:
        app = bootstrap()
    except ComandaError as exc:
        print(f"oms: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _logging(args, app.settings.log_format)
    try:
        return commands[args.command](app, args)
    except UsageError as exc:
        print(f"oms: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        app.close()
