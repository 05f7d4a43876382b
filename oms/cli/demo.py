"""`oms demo`: the sample scenario (samples/demo) on this system: one order per channel from arrival
to delivered and paid, printing each step."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.fulfilment.domain.warehouse import Shipment
from core.kernel.errors import ComandaError
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError
from oms.cli.fulfilment import write_label, write_picklist


class _Printer:
    """The demo's pick lists and labels, written where `oms release` and `oms ship` write them."""

    def __init__(self, app: App) -> None:
        self.app = app

    def picklist(self, pick_list_id: int) -> Path:
        return write_picklist(self.app, pick_list_id)

    def label(self, shipment: Shipment) -> Path:
        return write_label(self.app, shipment)


def cmd_demo(app: App, args: argparse.Namespace) -> int:
    from samples.demo.scenario import run_demo

    app.upgrade_database()
    try:
        run_demo(app, _Printer(app), channels=args.channel or None)
    except ComandaError as exc:
        raise UsageError(str(exc)) from exc
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms demo` to the `oms` parser; returns its handler."""
    dm = sub.add_parser(
        "demo", help="take one order per channel from arrival to delivered, printing each step"
    )
    dm.add_argument("--channel", action="append", choices=["edi"], help="only this channel (repeatable)")
    return {"demo": cmd_demo}
