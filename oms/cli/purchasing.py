"""`oms purchasing …`: planning, the buyer's steps on purchase orders, receiving, and suppliers'
invoices waiting for a buyer (`purchasing_documents`)."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from functools import partial

from core.forecasting.adapters.history import HistoryReader
from core.purchasing.domain.orders import PoState, PurchaseOrder
from core.purchasing.domain.receiving import Counted
from core.purchasing.services.purchasing import Purchasing as PurchasingService
from oms import replenishment
from oms.bootstrap import App
from oms.cli.common import ACTOR, Command, SubParsers, UsageError, decimal_arg, po_ident, progress, step
from oms.cli.purchasing_documents import add_documents_queue, add_typed_documents


def _show(po: PurchaseOrder) -> str:
    lines = f"{len(po.lines)} line(s), {po.total.quantize(Decimal('0.01'))} {po.currency}"
    return f"{po.number} {po.supplier_id} {po.warehouse}: {po.state}, {lines}"


def cmd_plan(app: App, args: argparse.Namespace) -> int:
    svc = app.purchasing.service
    if args.nightly:  # what cron may run instead of the sweep: once a day, after OMS_PURCHASING_AUTO_PLAN
        at = app.settings.purchasing_auto_plan
        if at is None:
            raise UsageError("--nightly needs OMS_PURCHASING_AUTO_PLAN=HH:MM (UTC)")
        made_tonight = step(app, lambda: svc.nightly(at))
        if made_tonight is None:
            print(f"tonight's plan is not due before {at:%H:%M} UTC, or ran already")
        for po in made_tonight or []:
            print("proposed " + _show(po))
        return 0
    if args.dry_run:
        app.upgrade_database()
        with progress("plan: products x warehouses") as advance:
            plan = svc.preview(advance)
        for proposal in plan.proposals:
            print(f"{proposal.supplier_id} {proposal.warehouse}: {len(proposal.lines)} line(s)")
            for line in proposal.lines:
                print(f"  {line.sku} {line.quantity} (position {line.need.position})")
    else:
        with progress("plan: products x warehouses") as advance:
            made, plan = step(app, lambda: svc.plan(ACTOR, advance))
        for po in made:
            print("proposed " + _show(po))
            for po_line in po.lines:
                print(f"  {po_line.line_no} {po_line.sku} {po_line.quantity} x {po_line.unit_price}")
        if not made:
            print("nothing to order")
    for need in plan.unsourced:
        print(f"no supplier sells {need.sku} ({need.warehouse} short by {need.wanted})")
    return 0


def cmd_from_forecast(app: App, args: argparse.Namespace) -> int:
    if not 0.5 <= args.service_level < 1:
        raise UsageError("--service-level is a share between 0.5 and 1, such as 0.95")
    if args.review_days < 0:
        raise UsageError("--review-days cannot be negative")
    app.upgrade_database()
    found = replenishment.revise(
        app.uow, HistoryReader(app.engine), app.clock(), service_level=args.service_level,
        review_days=args.review_days, sku=args.sku, warehouse=args.warehouse, dry_run=args.dry_run,
    )  # fmt: skip
    for rev in found:
        print(replenishment.describe(rev))
    changed = sum(rev.changed for rev in found)
    if not found:
        print("no product with a supplier to set a rule for")
    else:
        print(f"{changed} rule(s) {'would change' if args.dry_run else 'changed'} of {len(found)}")
    return 0


def _act(svc: PurchasingService, action: str, ident: int | str, reason: str | None) -> PurchaseOrder:
    if action == "approve":
        return svc.approve(ident, ACTOR)
    if action == "drop":
        return svc.drop(ident, ACTOR, reason or "dropped by the buyer")
    return svc.close(ident, ACTOR, reason or "closed by the buyer")


def cmd_step(app: App, args: argparse.Namespace) -> int:
    svc = app.purchasing.service
    for ident in args.orders:
        print(_show(step(app, partial(_act, svc, args.action, po_ident(ident), args.reason))))
    return 0


def cmd_edit(app: App, args: argparse.Namespace) -> int:
    po = step(app, lambda: app.purchasing.service.edit(po_ident(args.order), args.line, args.quantity, ACTOR))
    print(_show(po))
    return 0


def _count(text: str) -> Counted:
    sku, _, counts = text.partition("=")
    good, _, damaged = counts.partition(":")
    try:
        return Counted(sku.strip(), Decimal(good or "0"), Decimal(damaged or "0"))
    except InvalidOperation:
        raise UsageError(f"counts are SKU=GOOD or SKU=GOOD:DAMAGED, not {text!r}") from None


def cmd_receive(app: App, args: argparse.Namespace) -> int:
    svc = app.purchasing.service
    counts = [_count(c) for c in args.counts]
    if args.as_announced:
        app.upgrade_database()
        counted = {c.sku for c in counts}  # what was counted otherwise replaces what was announced
        counts += [
            c
            for c in step(app, lambda: svc.announced(po_ident(args.order), args.as_announced))
            if c.sku not in counted
        ]
    if not counts:
        raise UsageError("name what arrived: SKU=GOOD[:DAMAGED] ..., or --as-announced DESADV")
    receipt = step(
        app,
        lambda: svc.receive(
            po_ident(args.order), counts, ACTOR, location=args.location, quarantine=args.quarantine,
            reference=args.ref or args.as_announced or "",
        ),
    )  # fmt: skip
    for row in receipt.lines:
        extra = (
            f", {row['damaged']} damaged to {receipt.quarantine_location}" if row["damaged"] != "0" else ""
        )
        over = f", {row['over']} over" if row["over"] != "0" else ""
        print(f"{row['sku']}: {row['good']} received{extra}{over}")
    with svc.uow_factory() as uow:
        po = uow.purchasing.po(receipt.po_id)
    if po is not None:
        print(_show(po))
    return 0


def cmd_list(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    with app.uow() as uow:
        if args.order:
            po = uow.purchasing.po(po_ident(args.order))
            if po is None:
                raise UsageError(f"purchase order {args.order} does not exist")
            print(_show(po))
            for line in po.lines:
                print(
                    f"  {line.line_no} {line.sku} ordered {line.quantity}"
                    f" confirmed {line.confirmed_quantity if line.confirmed_quantity is not None else '-'}"
                    f" received {line.received} damaged {line.damaged} invoiced {line.invoiced}"
                    + (f" landed {line.landed.quantize(Decimal('0.01'))}" if line.landed else "")
                )
            for event in po.events:
                print(
                    f"  {event.at:%Y-%m-%d %H:%M} {event.step}: {event.from_state} -> {event.to_state}"
                    f" {event.note}"
                )
            return 0
        states = [PoState(args.state)] if args.state else None
        for po in uow.purchasing.pos(states=states):
            print(_show(po))
    return 0


def cmd_quarantine(app: App, args: argparse.Namespace) -> int:
    """Damaged goods in quarantine: list them, release some to available stock, or write some off."""
    svc = app.purchasing.service
    if args.release or args.write_off:
        if not (args.sku and args.quantity is not None and args.warehouse):
            raise UsageError("name the goods: SKU QUANTITY --warehouse CODE")
        if args.release:
            place = step(
                app,
                lambda: svc.release(
                    args.sku, args.warehouse, args.quantity, ACTOR, location=args.location, to=args.to
                ),
            )
            print(f"{args.sku}: {args.quantity} released from {args.warehouse}/{args.location} to {place}")
        else:
            step(
                app,
                lambda: svc.write_off(args.sku, args.warehouse, args.quantity, ACTOR, location=args.location),
            )
            print(f"{args.sku}: {args.quantity} written off at {args.warehouse}/{args.location}")
        return 0
    app.upgrade_database()
    found = svc.held(args.warehouse)
    for level in found:
        print(f"{level.sku} {level.warehouse}/{level.location}: {level.on_hand} held")
    if not found:
        print("nothing in quarantine")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms purchasing …` to the `oms` parser; returns its handler."""
    pur = sub.add_parser("purchasing", help="suppliers, purchase orders, receiving")
    acts = pur.add_subparsers(dest="action", required=True)
    plan = acts.add_parser("plan", help="propose draft purchase orders from stock, demand and reorder rules")
    plan.add_argument("--dry-run", action="store_true", help="show the proposals without writing them")
    plan.add_argument(
        "--nightly", action="store_true", help="the automatic run: once a day, after OMS_PURCHASING_AUTO_PLAN"
    )
    plan.set_defaults(run=cmd_plan)
    fc = acts.add_parser("reorder-from-forecast", help="set reorder rules from the demand forecast")
    fc.add_argument("--service-level", type=float, default=0.95, help="share of lead times without stock-out")
    fc.add_argument("--review-days", type=int, default=7, help="days between reviews (for order-up-to)")
    fc.add_argument("--sku", help="only this SKU")
    fc.add_argument("--warehouse", help="only this warehouse")
    fc.add_argument("--dry-run", action="store_true", help="show old and new rules without storing them")
    fc.set_defaults(run=cmd_from_forecast)
    for name, text in (("approve", "approve drafts"), ("drop", "drop drafts"), ("close", "close orders")):
        p = acts.add_parser(name, help=text)
        p.add_argument("orders", nargs="+", metavar="PO")
        p.add_argument("--reason")
        p.set_defaults(run=cmd_step)
    edit = acts.add_parser("edit", help="change a draft line's quantity (0 takes it off)")
    edit.add_argument("order", metavar="PO")
    edit.add_argument("line", type=int)
    edit.add_argument("quantity", type=decimal_arg)
    edit.set_defaults(run=cmd_edit)
    rec = acts.add_parser("receive", help="goods in against a purchase order")
    rec.add_argument("order", metavar="PO")
    rec.add_argument("counts", nargs="*", metavar="SKU=GOOD[:DAMAGED]")
    rec.add_argument("--location", help="where good units go (default: where the warehouse keeps the SKU)")
    rec.add_argument("--quarantine", default="CUARENTENA", help="where damaged units are kept")
    rec.add_argument("--ref", help="the delivery note or DESADV number")
    rec.add_argument("--as-announced", metavar="DESADV", help="receive what the supplier's DESADV announced")
    rec.set_defaults(run=cmd_receive)
    add_typed_documents(acts)
    qua = acts.add_parser(
        "quarantine", help="damaged goods held in quarantine; release them to stock or write them off"
    )
    qua.add_argument("sku", nargs="?")
    qua.add_argument("quantity", nargs="?", type=decimal_arg)
    qua.add_argument("--warehouse", help="the warehouse holding them")
    qua.add_argument("--location", default="CUARENTENA", help="the quarantine location")
    qua.add_argument("--to", help="where released goods go (default: where the warehouse keeps the SKU)")
    settle = qua.add_mutually_exclusive_group()
    settle.add_argument("--release", action="store_true", help="found fit: into available stock")
    settle.add_argument("--write-off", action="store_true", help="unsellable: off the books, loss posted")
    qua.set_defaults(run=cmd_quarantine)
    show = acts.add_parser("list", help="purchase orders, or one with its lines and history")
    show.add_argument("order", nargs="?", metavar="PO")
    show.add_argument("--state", choices=[s.value for s in PoState])
    show.set_defaults(run=cmd_list)
    add_documents_queue(acts)
    return {"purchasing": lambda app, args: int(args.run(app, args))}
