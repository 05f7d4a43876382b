"""`oms prospect …` and `oms quote …`: leads, the quotes offered to them by e-mail, and an accepted
quote turned into an order."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from core.catalog.domain.prospects import SOURCES, Prospect, ProspectStatus
from core.catalog.domain.quotes import Quote
from core.catalog.services import sales
from oms.bootstrap import App
from oms.cli.common import ACTOR, Command, SubParsers, UsageError, day_arg, step
from outbound.quote import render_quote

OFFER = re.compile(r"^(?P<sku>[^:=]+)[:=](?P<qty>[0-9.]+)(?:@(?P<price>[0-9.]+))?$")


def offer_arg(text: str) -> sales.Offer:
    """SKU:QUANTITY[@PRICE], e.g. TOR-M8-40:500 or TOR-M8-40:500@0.071."""
    found = OFFER.match(text.strip())
    if not found:
        raise argparse.ArgumentTypeError(f"{text!r}: write SKU:QUANTITY or SKU:QUANTITY@PRICE")
    try:
        price = found["price"]
        return sales.Offer(found["sku"], Decimal(found["qty"]), Decimal(price) if price else None)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r}: the quantity or price is no number") from None


def _prospect_line(p: Prospect) -> str:
    became = f"\t→ {p.customer_id}" if p.customer_id else ""
    return f"{p.id}\t{p.status}\t{p.name}\t{p.email or '-'}\t{p.source}\t{p.owner}{became}"


def _quote_line(q: Quote) -> str:
    party = q.customer_id or f"prospect {q.prospect_id}"
    return f"{q.number}\t{q.state}\t{party}\t{q.total:f} {q.currency}\tvalid until {q.valid_until}"


def cmd_prospect(app: App, args: argparse.Namespace) -> int:
    now, action = app.clock(), args.prospect
    if action == "add":
        keys = ("email", "phone", "vat_id", "city", "country", "language")
        details = {k: getattr(args, k) for k in keys}
        p = step(
            app, lambda: sales.add_prospect(app.uow(), args.name, args.source, args.owner, now, **details)
        )
        print(f"prospect {p.id} added: {p.name}")
    elif action == "list":
        status = ProspectStatus(args.status) if args.status else None
        app.upgrade_database()
        with app.uow() as uow:
            for p in uow.sales.prospects(status):
                print(_prospect_line(p))
    elif action == "move":
        p = step(app, lambda: sales.move_prospect(app.uow(), args.id, ProspectStatus(args.to), args.owner))
        print(f"prospect {p.id} is {p.status}")
    elif action == "convert":
        c = step(app, lambda: sales.convert(app.uow(), args.id, args.customer_id))
        print(f"prospect {args.id} is customer {c.customer_id} now")
    elif action == "from-order":
        p = step(app, lambda: sales.prospect_from_order(app.uow(), args.order, args.owner, now))
        print(f"prospect {p.id}: {p.name}")
    return 0


def cmd_quote(app: App, args: argparse.Namespace) -> int:
    action = args.quote
    if action == "create":
        if bool(args.prospect) == bool(args.customer):
            raise UsageError("give --prospect or --customer")
        q = step(
            app,
            lambda: sales.create_quote(
                app.uow(),
                args.line,
                ACTOR,
                app.clock(),
                prospect_id=args.prospect,
                customer_id=args.customer,
                currency=args.currency,
                valid_until=args.valid_until,
                note=args.note or "",
            ),
        )
        print(f"quote {q.number} drafted: {q.total:f} {q.currency}")
    elif action == "list":
        app.upgrade_database()
        with app.uow() as uow:
            for q in uow.sales.quotes():
                print(_quote_line(q))
    elif action == "send":
        q = step(app, lambda: app.sales.send(args.id))
        print(f"quote {q.number} sent to {q.sent_to}")
    elif action == "accept":
        q, document_id = step(app, lambda: app.sales.accept(args.id, args.actor))
        print(f"quote {q.number} accepted by {q.customer_id}: stored as document {document_id}")
    elif action in ("reject", "withdraw"):
        now, withdraw = app.clock(), action == "withdraw"
        q = step(app, lambda: sales.reject(app.uow(), args.id, args.actor, now, withdraw=withdraw))
        print(f"quote {q.number} {q.state}")
    elif action == "pdf":
        app.upgrade_database()
        with app.uow() as uow:
            found = uow.sales.quote(args.id)
            if found is None:
                raise UsageError(f"no quote {args.id}")
            _email, name, language = sales.addressee(uow, found)
            Path(args.out).write_bytes(render_quote(found, name, language))
        print(f"{found.number} written to {args.out}")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms prospect …` and `oms quote …`; returns their handlers."""
    prospect = sub.add_parser("prospect", help="leads: businesses that may become customers")
    p = prospect.add_subparsers(dest="prospect", required=True)
    a = p.add_parser("add", help="write down a new prospect")
    a.add_argument("name")
    a.add_argument("--source", choices=SOURCES, default="other")
    a.add_argument("--owner", default=ACTOR, help="the user who follows it up")
    for option in ("email", "phone", "vat-id", "city", "country", "language"):
        a.add_argument(f"--{option}")
    a = p.add_parser("list", help="prospects, newest first")
    a.add_argument("--status", choices=[s.value for s in ProspectStatus])
    a = p.add_parser("move", help="take a prospect to another status")
    a.add_argument("id", type=int)
    a.add_argument("to", choices=[s.value for s in ProspectStatus if s is not ProspectStatus.WON])
    a.add_argument("--owner", help="hand it to another user")
    a = p.add_parser("convert", help="make a prospect a customer")
    a.add_argument("id", type=int)
    a.add_argument("--customer-id", help="the new customer's id (default: from the name)")
    a = p.add_parser("from-order", help="a prospect of an order's unknown sender")
    a.add_argument("order", type=int)
    a.add_argument("--owner", default=ACTOR)

    quote = sub.add_parser("quote", help="quotes offered to prospects and customers")
    q = quote.add_subparsers(dest="quote", required=True)
    a = q.add_parser("create", help="draft a quote (prices: this customer's, unless given)")
    a.add_argument("--prospect", type=int)
    a.add_argument("--customer")
    a.add_argument("--line", type=offer_arg, action="append", required=True, help="SKU:QTY[@PRICE]")
    a.add_argument("--currency", default="EUR")
    a.add_argument("--valid-until", type=day_arg)
    a.add_argument("--note")
    q.add_parser("list", help="quotes, newest first")
    for name, text in (("send", "offer a draft by e-mail (PDF attached)"),):
        a = q.add_parser(name, help=text)
        a.add_argument("id", type=int)
    for name, text in (
        ("accept", "the customer accepted: make the order"),
        ("reject", "the customer declined"),
        ("withdraw", "take the quote back"),
    ):
        a = q.add_parser(name, help=text)
        a.add_argument("id", type=int)
        a.add_argument("--actor", default=ACTOR, help="who records it")
    a = q.add_parser("pdf", help="write the quote's PDF to a file")
    a.add_argument("id", type=int)
    a.add_argument("--out", required=True)
    return {"prospect": cmd_prospect, "quote": cmd_quote}
