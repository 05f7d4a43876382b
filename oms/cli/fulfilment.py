"""`oms` commands for the order lifecycle and the warehouse: stock, allocate, release, pick, pack, ship,
deliver and an order's steps."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from core.fulfilment.domain.warehouse import Shipment
from oms.bootstrap import App
from oms.cli.common import ACTOR, SAMPLES, Command, SubParsers, UsageError, decimal_arg, step
from outbound.print.picklist import picklist_pdf

SETUP = SAMPLES / "fulfilment"


def cmd_stock(app: App, args: argparse.Namespace) -> int:
    svc = app.lifecycle.service
    if args.action == "setup":
        folder = Path(args.folder or SETUP)
        for report in step(app, lambda: svc.load_setup(folder, ACTOR, stock=not args.no_stock)):
            print(f"{report.kind}: {report.rows} row(s)")
        return 0
    if args.action in ("receive", "adjust"):
        if not (args.sku and args.quantity is not None and args.warehouse and args.location):
            raise UsageError(f"stock {args.action} needs SKU QUANTITY --warehouse W --location L")
        if args.action == "receive":
            level = step(
                app,
                lambda: svc.receive(args.sku, args.warehouse, args.location, args.quantity, ACTOR, args.ref),
            )
        else:
            reason = args.ref or "count"
            level = step(
                app, lambda: svc.adjust(args.sku, args.warehouse, args.location, args.quantity, ACTOR, reason)
            )
        print(
            f"{level.sku} at {level.warehouse}/{level.location}:"
            f" on hand {level.on_hand}, allocated {level.allocated}"
        )
        return 0
    app.upgrade_database()
    with app.uow() as uow:
        atp = uow.stock.available_to_promise([args.sku] if args.sku else None)
        print(
            f"{'sku':<14}{'warehouse':<10}{'location':<12}{'on hand':>10}{'allocated':>11}{'available':>11}"
        )
        for lv in uow.stock.levels(sku=args.sku):
            print(
                f"{lv.sku:<14}{lv.warehouse:<10}{lv.location:<12}{lv.on_hand:>10}{lv.allocated:>11}{lv.available:>11}"
            )
        print("available to promise: " + ", ".join(f"{k} {v}" for k, v in sorted(atp.items())))
    return 0


def _orders(app: App, args: argparse.Namespace, states: tuple[str, ...]) -> list[int]:
    if args.all:
        from core.kernel.domain.model import OrderState

        with app.uow() as uow:
            return uow.fulfilment.order_ids_in([OrderState(s) for s in states])
    if not args.orders:
        raise UsageError("name the orders, or --all")
    return list(args.orders)


def cmd_allocate(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    ids = _orders(app, args, ("accepted", "approved", "backordered", "partially_shipped"))
    report = step(app, lambda: app.lifecycle.service.start(ids, ACTOR))
    for order_id in ids:
        state = report.states.get(order_id) or report.skipped.get(order_id, "unchanged")
        waiting = report.waiting.get(order_id)
        print(f"order {order_id}: {state}" + (f", waiting {waiting}" if waiting else ""))
    return 0


def cmd_release(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    ids = _orders(app, args, ("allocated", "backordered", "partially_shipped"))
    report = step(app, lambda: app.lifecycle.service.release(ids, ACTOR, strict=not args.all))
    for order_id, reason in report.skipped.items():
        print(f"order {order_id}: {reason}")
    for pick_list in report.pick_lists:
        path = write_picklist(app, pick_list)
        print(f"pick list {pick_list}: {path}")
    return 0


def write_picklist(app: App, pick_list_id: int) -> Path:
    with app.uow() as uow:
        pick_list = uow.fulfilment.pick_list(pick_list_id)
        if pick_list is None:
            raise UsageError(f"pick list {pick_list_id} does not exist")
        warehouse = uow.stock.warehouse(pick_list.warehouse)
        pdf = picklist_pdf(pick_list, warehouse.name if warehouse else pick_list.warehouse, app.clock())
    path = app.settings.data_dir / "print" / "picklists" / f"PL-{pick_list_id}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    return path


def cmd_pick(app: App, args: argparse.Namespace) -> int:
    picked = {}
    for item in args.short or []:
        line, _, qty = item.partition("=")
        if not line.isdigit() or not qty:
            raise UsageError(f"--short takes PICKLINE=QUANTITY, not {item!r}")
        picked[int(line)] = decimal_arg(qty)
    report = step(app, lambda: app.lifecycle.service.confirm_pick(args.pick_list, picked, ACTOR))
    for line, missing in report.short.items():
        print(f"pick line {line}: {missing} short")
    for order_id, state in report.states.items():
        print(f"order {order_id}: {state}")
    return 0


def cmd_pack(app: App, args: argparse.Namespace) -> int:
    shipment = step(app, lambda: app.lifecycle.service.pack(args.order, args.warehouse, ACTOR, args.weight))
    print(f"shipment {shipment.id}: {len(shipment.parcels)} parcel(s)")
    for p in shipment.parcels:
        print(
            f"  parcel {p.number}: box {p.box} {p.length_cm}x{p.width_cm}x{p.height_cm} cm,"
            f" {p.weight_kg} kg, SSCC {p.sscc}"
        )
    return 0


def cmd_ship(app: App, args: argparse.Namespace) -> int:
    service: tuple[str, str] | None = None
    if args.service:
        carrier, _, name = args.service.partition(":")
        if not carrier or not name:
            raise UsageError("--service takes CARRIER:SERVICE")
        service = (carrier, name)
    shipment = step(app, lambda: app.lifecycle.service.ship(args.shipment, ACTOR, service=service))
    path = write_label(app, shipment)
    s = shipment
    print(f"shipment {s.id}: {s.carrier} {s.service}, {s.charge} {s.currency}, tracking {s.tracking_number}")
    print(f"  arrives {s.promised_date}; label {path}")
    return 0


def write_label(app: App, shipment: Shipment) -> Path:
    label = shipment.label_pdf or b""
    path = app.settings.data_dir / "print" / "labels" / f"{shipment.tracking_number or shipment.id}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(label)
    return path


def cmd_deliver(app: App, args: argparse.Namespace) -> int:
    shipment = step(app, lambda: app.lifecycle.service.deliver(args.shipment, ACTOR))
    print(f"shipment {shipment.id}: delivered")
    return 0


def cmd_order(app: App, args: argparse.Namespace) -> int:
    svc = app.lifecycle.service
    actions: dict[str, Callable[[], object]] = {
        "hold": lambda: svc.hold(args.order, args.reason or "held", ACTOR),
        "release-hold": lambda: svc.release_hold(args.order, ACTOR),
        "cancel": lambda: svc.cancel(args.order, args.reason or "cancelled", ACTOR),
        "close": lambda: svc.close(args.order, ACTOR),
    }
    if args.action != "show":
        step(app, actions[args.action])
    with app.uow() as uow:
        order = uow.fulfilment.order(args.order)
        if order is None:
            raise UsageError(f"order {args.order} does not exist")
        print(f"order {order.id} {order.po_number or ''}: {order.state}")
        for e in uow.fulfilment.events(args.order):
            print(f"  {e.at:%Y-%m-%d %H:%M:%S} {e.actor:<12} {e.step:<13} {e.from_state} -> {e.to_state}")
        for n in uow.fulfilment.notifications(args.order):
            print(f"  notice {n.kind} via {n.channel}: {n.state}" + (f" ({n.error})" if n.error else ""))
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add the lifecycle's subcommands to the `oms` parser; returns their handlers by name."""
    st = sub.add_parser("stock", help="warehouses and stock: setup, receive, adjust, show")
    st.add_argument("action", choices=["setup", "receive", "adjust", "show"])
    st.add_argument("sku", nargs="?")
    st.add_argument("quantity", nargs="?", type=decimal_arg)
    st.add_argument("--warehouse")
    st.add_argument("--location")
    st.add_argument("--ref", help="receipt reference, or the reason of an adjustment")
    st.add_argument("--folder", help="with setup: the folder of CSV files (default samples/fulfilment)")
    st.add_argument("--no-stock", action="store_true", help="with setup: load no opening stock")
    for name, text in (
        ("allocate", "approve and allocate orders"),
        ("release", "release orders on pick lists"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("orders", nargs="*", type=int)
        p.add_argument("--all", action="store_true")
    pk = sub.add_parser("pick", help="confirm a pick list (short picks with --short LINE=QTY)")
    pk.add_argument("pick_list", type=int)
    pk.add_argument("--short", action="append", metavar="LINE=QTY")
    pa = sub.add_parser("pack", help="pack an order's picked goods into parcels")
    pa.add_argument("order", type=int)
    pa.add_argument("--warehouse", required=True)
    pa.add_argument(
        "--weight", action="append", type=decimal_arg, help="a parcel's weight from the scale, in order"
    )
    sh = sub.add_parser("ship", help="book the carrier for a packed shipment and print its label")
    sh.add_argument("shipment", type=int)
    sh.add_argument("--service", help="CARRIER:SERVICE instead of the rules' choice")
    de = sub.add_parser("deliver", help="record that a shipment was delivered")
    de.add_argument("shipment", type=int)
    od = sub.add_parser("order", help="show an order's lifecycle, or hold, release-hold, cancel, close it")
    od.add_argument("order", type=int)
    od.add_argument(
        "action", nargs="?", default="show", choices=["show", "hold", "release-hold", "cancel", "close"]
    )
    od.add_argument("--reason")
    return {
        "stock": cmd_stock,
        "allocate": cmd_allocate,
        "release": cmd_release,
        "pick": cmd_pick,
        "pack": cmd_pack,
        "ship": cmd_ship,
        "deliver": cmd_deliver,
        "order": cmd_order,
    }
