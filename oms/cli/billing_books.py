"""`oms billing …` steps on the books: the trial balance, receivables and payables by age, a customer's
statement of account, and a supplier's invoices and the transfers that pay them."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.billing.domain.receivables import BUCKETS
from core.billing.services import books
from oms.bootstrap import App
from oms.cli.billing_money import waiting
from oms.cli.common import ACTOR, Command, SubParsers, day_arg, decimal_arg, step
from outbound.print.statement import render_statement


def trial_balance(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    with app.uow() as uow:
        for tb in books.trial_balances(uow):
            print(f"{'account':<6} {'name':<44}{'debit':>14}{'credit':>14}{'balance':>14}")
            for r in tb.rows:
                print(
                    f"{r.account.code:<6} {r.account.name_en:<44}{r.debit:>14}{r.credit:>14}{r.balance:>14}"
                )
            print(f"{'total ' + tb.currency:<51}{tb.debit:>14}{tb.credit:>14}{tb.difference:>14}")
    return 0


def ageing(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    with app.uow() as uow:
        today = app.clock().date()
        rows = books.payables(uow, today) if args.payables else books.receivables(uow, today)
    print(f"{'party':<10}{'balance':>12}" + "".join(f"{b:>12}" for b in BUCKETS))
    for a in rows:
        print(f"{a.party:<10}{a.balance:>12}" + "".join(f"{a.buckets[b]:>12}" for b in BUCKETS))
    return 0


def statement(app: App, args: argparse.Namespace) -> int:
    end = args.to or app.clock().date()
    start = args.since or end.replace(day=1)
    statement = step(app, lambda: app.billing.service.statement(args.customer, start, end))
    with app.uow() as uow:
        customer = uow.master.customer(args.customer)
    pdf = render_statement(statement, customer, (customer.language if customer else None) or "es")
    path = (
        Path(args.pdf)
        if args.pdf
        else app.settings.data_dir / "print" / "statements" / f"{args.customer}-{end}.pdf"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    print(
        f"{args.customer} {start}..{end}: opening {statement.opening},"
        f" closing {statement.closing} {statement.currency}; {path}"
    )
    return 0


def supplier_invoice(app: App, args: argparse.Namespace) -> int:
    issued = args.date or app.clock().date()
    due = args.due or issued
    row = step(
        app,
        lambda: app.billing.service.record_supplier_invoice(
            args.supplier, args.number, issued, due, args.net, args.tax, "EUR", ACTOR
        ),
    )
    print(f"supplier invoice {args.number} of {args.supplier} recorded ({row})")
    return 0


def supplier_payment(app: App, args: argparse.Namespace) -> int:
    applied = step(
        app, lambda: app.billing.service.pay_supplier(args.supplier, args.amount, "EUR", args.ref, args.actor)
    )
    if not waiting(applied):
        print(f"{args.amount} EUR paid to {args.supplier}; {applied} applied to its invoices")
    return 0


BOOK_HANDLERS: dict[str, Command] = {
    "trial-balance": trial_balance,
    "ageing": ageing,
    "statement": statement,
    "supplier-invoice": supplier_invoice,
    "supplier-payment": supplier_payment,
}


def add_book_commands(b: SubParsers) -> None:
    """Add the books' steps to `oms billing`'s sub-commands."""
    b.add_parser("trial-balance", help="every account's debits, credits and balance")
    p = b.add_parser("ageing", help="receivables (or --payables) by age")
    p.add_argument("--payables", action="store_true")
    p = b.add_parser("statement", help="a customer's statement of account as PDF")
    p.add_argument("customer")
    p.add_argument("--from", dest="since", type=day_arg)
    p.add_argument("--to", type=day_arg)
    p.add_argument("--pdf")
    p = b.add_parser("supplier-invoice", help="a supplier's invoice for goods received")
    p.add_argument("supplier")
    p.add_argument("number")
    p.add_argument("net", type=decimal_arg)
    p.add_argument("tax", type=decimal_arg)
    p.add_argument("--date", type=day_arg)
    p.add_argument("--due", type=day_arg)
    p = b.add_parser("supplier-payment", help="a transfer to a supplier")
    p.add_argument("supplier")
    p.add_argument("amount", type=decimal_arg)
    p.add_argument("--ref", required=True)
    p.add_argument("--actor", required=True, help="the supervisor who pays")
