"""`oms demo`: the sample scenario (samples/demo) on this system: one order per channel from arrival
to delivered and paid, printing each step.

The documents come in through the same doors as in `oms run`: the fax through the fax inbox's folder
watcher, the e-mails as the SMTP receiver takes them, the AS2 message as a POST to the web app's AS2
endpoint. For AS2 the demo sets up a partner of its own under the data dir (unless OMS_AS2_PARTNERS
names your partner file) and runs the app with it."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from core.fulfilment.domain.warehouse import Shipment
from core.kernel.errors import ComandaError
from oms.bootstrap import App, bootstrap
from oms.cli.common import Command, SubParsers, UsageError, progress
from oms.cli.fulfilment import write_label, write_picklist
from oms.cli.run import watcher
from outbound.spool import write_atomically

CHANNELS = ("edi", "email", "email-pdf", "fax", "as2")


class _Printer:
    """The demo's pick lists and labels, written where `oms release` and `oms ship` write them."""

    def __init__(self, app: App) -> None:
        self.app = app

    def picklist(self, pick_list_id: int) -> Path:
        return write_picklist(self.app, pick_list_id)

    def label(self, shipment: Shipment) -> Path:
        return write_label(self.app, shipment)


class Doors:
    """`samples.demo.host.Entrances` on this app: the receivers `oms run` runs, one document at a time."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._web: Any = None

    def drop(self, channel: str, name: str, content: bytes) -> int:
        path = self.app.settings.inbox / channel / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content)
        doc_id = watcher(self.app).take(path)
        if doc_id is None:
            raise UsageError(f"the {channel} inbox did not take {path}")
        return int(doc_id)

    def mail(self, raw: bytes, envelope_sender: str) -> int:
        from ingest.mail import mail_envelope

        return self.app.submit(mail_envelope(raw, self.app.clock(), envelope_sender=envelope_sender))

    def post(self, url: str, headers: Mapping[str, str], body: bytes, timeout: float) -> Any:
        from fastapi.testclient import TestClient

        from outbound.as2.client import HttpReply
        from web.app import create_app

        if self._web is None:
            self._web = TestClient(create_app(self.app))
        reply = self._web.post(urlsplit(url).path, content=body, headers=dict(headers))
        return HttpReply(reply.status_code, dict(reply.headers), reply.content)


def _with_demo_partner(app: App, channels: list[str]) -> tuple[App, Any]:
    """The app to run the demo on and the AS2 partner's station (None when AS2 is not in the run)."""
    from samples.demo.as2 import FOLDER, DemoPartner

    folder = app.settings.data_dir / FOLDER
    if "as2" not in channels:
        return app, None
    if app.settings.as2_partners not in (None, folder / "partners.toml"):
        print("as2: skipped, OMS_AS2_PARTNERS names your own partner file")
        channels.remove("as2")
        return app, None
    partner = DemoPartner(folder)
    path = partner.partner_file(partner.start())
    return bootstrap(app.settings.model_copy(update={"as2_partners": path}), clock=app.clock), partner


def cmd_history(app: App, args: argparse.Namespace) -> int:
    """`oms demo history`: months of past orders, ending yesterday."""
    import time
    from datetime import timedelta

    from oms.cli.demo_history import play_history

    app.upgrade_database()
    with app.uow() as uow:
        if uow.orders.count() and not args.force:
            raise UsageError("the database already holds orders; history fills an empty one (--force adds)")
    last = app.clock().date() - timedelta(days=1)
    first = last - timedelta(days=round(30.44 * args.months) - 1)
    started = time.perf_counter()
    with progress("history: days") as advance:
        tally = play_history(
            app.settings, Doors, first, last, seed=args.seed, scale=args.scale, progress=advance
        )
    took = time.perf_counter() - started
    print(
        f"history {first} .. {last}: {tally.orders} orders ({tally.reviewed} settled in review),"
        f" {tally.shipments} shipments, {tally.delivered} delivered, {tally.returns} returns,"
        f" {tally.paid} payments in {took:.0f} s"
    )
    return 0


def cmd_demo(app: App, args: argparse.Namespace) -> int:
    from samples.demo.host import Stage
    from samples.demo.scenario import run_demo

    if args.what == "history":
        return cmd_history(app, args)
    app.upgrade_database()
    channels = list(args.channel or CHANNELS)
    demo_app, partner = _with_demo_partner(app, channels)
    try:
        with progress("demo channels") as advance:
            stage = Stage(demo_app, Doors(demo_app), partner)
            run_demo(stage, _Printer(demo_app), channels=channels, progress=advance)
    except ComandaError as exc:
        raise UsageError(str(exc)) from exc
    finally:
        if partner is not None:
            partner.stop()
        if demo_app is not app:
            demo_app.close()
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms demo` to the `oms` parser; returns its handler."""
    dm = sub.add_parser(
        "demo", help="take one order per channel from arrival to delivered and paid, printing each step"
    )
    dm.add_argument(
        "what",
        nargs="?",
        choices=["history"],
        help="history: months of past orders for reports and forecasts",
    )
    dm.add_argument("--channel", action="append", choices=CHANNELS, help="only this channel (repeatable)")
    dm.add_argument("--months", type=int, default=24, help="history: how many months back (default 24)")
    dm.add_argument(
        "--seed", type=int, default=2026, help="history: the random seed (same seed, same history)"
    )
    dm.add_argument("--force", action="store_true", help="history: add to a database that has orders")
    dm.add_argument("--scale", type=float, default=1.0, help="history: orders per day times this (default 1)")
    return {"demo": cmd_demo}
