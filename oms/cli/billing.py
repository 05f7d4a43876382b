"""`oms billing …`: payment terms and cards, credit holds, invoices and transfers received, returns, and
the books (trial balance, ageing, statements, supplier invoices: `billing_books`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.billing.domain.payments import PaymentMethod
from core.billing.domain.returns import Disposition, Receipt, Resolution
from core.billing.services import books
from core.kernel.errors import ComandaError
from core.kernel.services.signins import account_name
from oms.bootstrap import App
from oms.cli.billing_books import BOOK_HANDLERS, add_book_commands
from oms.cli.billing_money import approvals, approve, waiting, write_off
from oms.cli.common import (
    ACTOR,
    SAMPLES,
    Command,
    SubParsers,
    UsageError,
    decimal_arg,
    step,
)
from outbound.print.invoice import render_invoice

SETUP = SAMPLES / "billing"


def _pairs(items: list[str], what: str) -> list[tuple[int, str]]:
    out = []
    for item in items:
        position, sep, rest = item.partition("=")
        if not sep or not position.isdigit() or not rest:
            raise UsageError(f"{what} takes LINE=QUANTITY, not {item!r}")
        out.append((int(position), rest))
    return out


def cmd_billing(app: App, args: argparse.Namespace) -> int:
    handler = HANDLERS[args.billing]
    return handler(app, args)


def _setup(app: App, args: argparse.Namespace) -> int:
    for report in step(app, lambda: app.billing.service.load_setup(Path(args.folder or SETUP), ACTOR)):
        print(f"{report.kind}: {report.rows} row(s)")
    return 0


def _terms(app: App, args: argparse.Namespace) -> int:
    account = step(
        app,
        lambda: app.billing.service.set_terms(
            args.customer,
            method=PaymentMethod(args.method) if args.method else None,
            terms_days=args.days,
            credit_limit=args.limit,
            no_limit=args.no_limit,
            vat_number=args.vat,
        ),
    )
    limit = "no limit" if account.credit_limit is None else f"limit {account.credit_limit} {account.currency}"
    card = f", card ****{account.card_last4}" if account.card_last4 else ""
    print(f"{account.customer_id}: {account.method}, net {account.terms_days} days, {limit}{card}")
    return 0


def _card(app: App, args: argparse.Namespace) -> int:
    month, _, year = args.expiry.partition("/")
    if not (month.isdigit() and year.isdigit()):
        raise UsageError("the expiry is MM/YY or MM/YYYY")
    retried = step(
        app,
        lambda: app.billing.service.set_card(
            args.customer, args.number, int(month), int(year) % 100 + 2000, ACTOR
        ),
    )
    print(
        f"card ****{args.number.replace(' ', '')[-4:]} kept for {args.customer}"
        + (f"; tried again: {retried}" if retried else "")
    )
    return 0


def _release_credit(app: App, args: argparse.Namespace) -> int:
    # the billing service refuses anyone but an active supervisor, as on every other channel
    service = app.billing.service
    order = step(app, lambda: service.release_credit_hold(args.order, args.actor, args.note or ""))
    actor = account_name(args.actor)
    if not waiting(order):
        print(f"order {order.id}: {order.state} (credit hold released by {actor})")
    return 0


def _retry(app: App, args: argparse.Namespace) -> int:
    print(f"order {args.order}: {step(app, lambda: app.billing.service.retry_payment(args.order, ACTOR))}")
    return 0


def _order(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    with app.uow() as uow:
        payment = uow.billing.payment_for_order(args.order)
        if payment is not None:
            print(
                f"card ****{payment.card_last4}: {payment.state}, authorised {payment.authorised},"
                f" captured {payment.captured}, refunded {payment.refunded} {payment.currency}"
            )
            for t in uow.billing.transactions(payment_id=payment.id):
                print(f"  {t.kind:<9} {t.amount:>10} {t.state:<9} attempts {t.attempts} {t.reference or ''}")
        for doc in sorted(uow.billing.invoices(order_id=args.order), key=lambda i: i.id or 0):
            print(
                f"{doc.code} {doc.kind}: {doc.total} {doc.currency},"
                f" open {doc.open_amount}, due {doc.due_date}"
            )
        for rma in uow.billing.returns(order_id=args.order):
            print(f"{rma.number}: {rma.state} ({rma.resolution})")
        for n in uow.billing.notices(args.order):
            print(f"  notice {n.kind} via {n.channel}: {n.state}" + (f" ({n.error})" if n.error else ""))
    return 0


def _invoices(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    with app.uow() as uow:
        for doc in uow.billing.invoices(customer_id=args.customer, limit=args.limit):
            if args.open and doc.open_amount <= 0:
                continue
            print(
                f"{doc.code}  {doc.issue_date}  {doc.customer_id:<8} order {doc.order_id:<6}"
                f" {doc.total:>12} {doc.currency}  open {doc.open_amount:>10}  due {doc.due_date}"
            )
    return 0


def _invoice(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    with app.uow() as uow:
        try:
            doc = books.find_invoice(uow, args.code)
        except ComandaError as exc:
            raise UsageError(str(exc)) from exc
        original = uow.billing.invoice(doc.corrects_id) if doc.corrects_id else None
        pdf = render_invoice(doc, uow.fulfilment.order(doc.order_id), original=original)
    path = Path(args.pdf) if args.pdf else app.settings.data_dir / "print" / "invoices" / f"{doc.code}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    for line in doc.lines:
        print(
            f"  {line.position:>2} {line.description[:40]:<40} {line.quantity:>8} x {line.unit_price:>8}"
            f" = {line.net:>10}  {line.vat_rate}%"
        )
    print(f"{doc.code}: net {doc.net_total}, VAT {doc.tax_total}, total {doc.total} {doc.currency}; {path}")
    return 0


def _pay(app: App, args: argparse.Namespace) -> int:
    txn = step(
        app,
        lambda: app.billing.service.receive_payment(
            args.customer, args.amount, args.currency, args.ref, ACTOR, args.invoice or ()
        ),
    )
    print(f"{txn.amount} {txn.currency} from {txn.customer_id} recorded ({txn.reference})")
    return 0


def _return(app: App, args: argparse.Namespace) -> int:
    lines = {pos: decimal_arg(qty) for pos, qty in _pairs(args.lines, "return")}
    resolution = Resolution.CREDIT if args.credit else Resolution.REFUND
    rma = step(
        app, lambda: app.billing.service.authorise_return(args.order, lines, args.reason, resolution, ACTOR)
    )
    print(f"{rma.number} (return {rma.id}) authorised for order {args.order}: {resolution}")
    return 0


def _receive(app: App, args: argparse.Namespace) -> int:
    receipts = []
    for position, rest in _pairs(args.lines, "receive"):
        qty, _, how = rest.partition(":")
        receipts.append(
            Receipt(position, decimal_arg(qty), Disposition(how or "restock"), args.warehouse, args.location)
        )
    rma = step(app, lambda: app.billing.service.receive_return(args.rma, receipts, args.actor))
    print(f"{rma.number}: {rma.state}")
    for a in app.billing.service.approvals(pending_only=True):
        if a.step == "refund" and a.requested_by == args.actor:
            waiting(a)
    return 0


HANDLERS: dict[str, Command] = {
    "setup": _setup,
    "terms": _terms,
    "card": _card,
    "release-credit": _release_credit,
    "write-off": write_off,
    "approvals": approvals,
    "approve": approve,
    "retry-payment": _retry,
    "order": _order,
    "invoices": _invoices,
    "invoice": _invoice,
    "pay": _pay,
    "return": _return,
    "receive": _receive,
    **BOOK_HANDLERS,
}


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms billing …` to the `oms` parser (payments here, invoices and the books below); returns
    its handler."""
    billing = sub.add_parser("billing", help="payments, invoices, returns and the books")
    b = billing.add_subparsers(dest="billing", required=True)
    p = b.add_parser("setup", help="product costs and VAT classes, customers' terms (samples/billing)")
    p.add_argument("--folder")
    p = b.add_parser("terms", help="a customer's payment terms")
    p.add_argument("customer")
    p.add_argument("--method", choices=[m.value for m in PaymentMethod])
    p.add_argument("--days", type=int)
    p.add_argument("--limit", type=decimal_arg, help="credit limit")
    p.add_argument("--no-limit", action="store_true")
    p.add_argument("--vat", help="the customer's VAT number")
    p = b.add_parser("card", help="keep a card for a customer (test cards in the sandbox)")
    p.add_argument("customer")
    p.add_argument("number")
    p.add_argument("expiry", help="MM/YY")
    p = b.add_parser("release-credit", help="let an order held over the credit limit through (a supervisor)")
    p.add_argument("order", type=int)
    p.add_argument("--actor", required=True, help="the supervisor who decides")
    p.add_argument("--note")
    p = b.add_parser("write-off", help="give up what is left of an invoice (a supervisor)")
    p.add_argument("code")
    p.add_argument("--reason", required=True)
    p.add_argument("--actor", required=True, help="the supervisor who decides")
    p = b.add_parser("approvals", help="money steps waiting for a second supervisor")
    p.add_argument("--all", action="store_true", help="approved ones too")
    p = b.add_parser("approve", help="approve a money step another supervisor asked for")
    p.add_argument("approval", type=int)
    p.add_argument("--actor", required=True, help="the approving supervisor (not the one who asked)")
    p = b.add_parser("retry-payment", help="ask for a declined card authorisation again")
    p.add_argument("order", type=int)
    p = b.add_parser("order", help="an order's payment, invoices, returns and notices")
    p.add_argument("order", type=int)
    _add_invoicing_and_books(b)
    return {"billing": cmd_billing}


def _add_invoicing_and_books(b: SubParsers) -> None:
    p = b.add_parser("invoices", help="invoices and credit notes")
    p.add_argument("--customer")
    p.add_argument("--open", action="store_true")
    p.add_argument("--limit", type=int, default=100)
    p = b.add_parser("invoice", help="one invoice or credit note, written as PDF")
    p.add_argument("code")
    p.add_argument("--pdf")
    p = b.add_parser("pay", help="a transfer received from a customer")
    p.add_argument("customer")
    p.add_argument("amount", type=decimal_arg)
    p.add_argument("--ref", required=True, help="the bank statement's reference")
    p.add_argument("--currency", default="EUR")
    p.add_argument("--invoice", action="append", help="apply to this invoice (repeatable)")
    p = b.add_parser("return", help="authorise a return (RMA) of LINE=QTY of an order")
    p.add_argument("order", type=int)
    p.add_argument("lines", nargs="+", metavar="LINE=QTY")
    p.add_argument("--reason", required=True)
    p.add_argument("--credit", action="store_true", help="credit the account instead of refunding")
    p = b.add_parser("receive", help="goods of a return received: LINE=QTY[:restock|:scrap]")
    p.add_argument("rma", type=int)
    p.add_argument("lines", nargs="+", metavar="LINE=QTY[:scrap]")
    p.add_argument("--warehouse")
    p.add_argument("--location")
    p.add_argument("--actor", default=ACTOR, help="who received them (a supervisor's refund is paid at once)")
    add_book_commands(b)
