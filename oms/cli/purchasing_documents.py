"""`oms purchasing …` steps on suppliers' documents: an invoice or credit note typed in against an
order, and the documents that wait for a buyer (mismatched invoices, those mailed or faxed in)."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from core.purchasing.domain.landed import Basis, Charge
from oms.bootstrap import App
from oms.cli.common import ACTOR, SubParsers, UsageError, decimal_arg, po_ident, step


def cmd_invoices(app: App, args: argparse.Namespace) -> int:
    svc = app.purchasing.service
    if args.accept or args.reject:
        ident = args.accept or args.reject
        doc = step(app, lambda: svc.decide_invoice(ident, bool(args.accept), ACTOR))
        what = "credit note" if doc.kind == "credit" else "invoice"
        print(f"{what} {doc.reference} of {doc.supplier_id}: {doc.state}")
        return 0
    if args.handled or args.dismiss:
        ident = args.handled or args.dismiss
        doc = step(app, lambda: svc.settle_document(ident, bool(args.handled), ACTOR))
        print(f"document {doc.id} of {doc.supplier_id}: {doc.state}")
        return 0
    app.upgrade_database()
    with app.uow() as uow:
        for doc in uow.purchasing.documents():
            diffs = doc.detail.get("differences") or []
            print(f"{doc.id} {doc.kind} {doc.reference} {doc.supplier_id} {doc.po_number}: {doc.state}")
            for diff in diffs if isinstance(diffs, list) else []:
                print(f"  {diff}")
            if doc.detail.get("channel"):  # by e-mail or fax: where to read it
                how = f"by {doc.detail['channel']} from {doc.detail.get('sender')}"
                print(f"  {how}: /api/documents/{doc.document_id}/raw")
    return 0


def _invoiced(text: str) -> tuple[str, Decimal, Decimal]:
    sku, _, rest = text.partition("=")
    qty, _, price = rest.partition("@")
    try:
        return sku.strip(), Decimal(qty), Decimal(price)
    except InvalidOperation:
        raise UsageError(f"invoice lines are SKU=QUANTITY@PRICE, not {text!r}") from None


def cmd_invoice(app: App, args: argparse.Namespace) -> int:
    """A supplier's invoice typed in against an order, with its carriage and duties (landed cost)."""
    lines = [_invoiced(x) for x in args.lines]
    charges = [
        Charge(kind, amount)
        for kind, amount in (("carriage", args.carriage), ("duties", args.duties))
        if amount
    ]
    doc = step(
        app,
        lambda: app.purchasing.service.type_invoice(
            po_ident(args.order),
            args.number,
            lines,
            ACTOR,
            charges=charges,
            tax=args.tax,
            basis=Basis(args.basis),
        ),
    )
    print(f"invoice {doc.reference} of {doc.supplier_id} on {doc.po_number}: {doc.state}")
    diffs = doc.detail.get("differences")
    for diff in diffs if isinstance(diffs, list) else []:
        print(f"  {diff}")
    if charges and doc.state == "matched":
        print(f"  {sum((c.amount for c in charges), Decimal(0))} of charges spread by {args.basis}")
    return 0


def cmd_credit_note(app: App, args: argparse.Namespace) -> int:
    """A supplier's credit note typed in against an order: out of accounts payable when it takes back
    only what was invoiced and not received, at the order's price; otherwise left for a buyer."""
    lines = [_invoiced(x) for x in args.lines]
    doc = step(
        app,
        lambda: app.purchasing.service.type_credit_note(
            po_ident(args.order), args.number, lines, ACTOR, tax=args.tax, corrects=args.corrects
        ),
    )
    print(f"credit note {doc.reference} of {doc.supplier_id} on {doc.po_number}: {doc.state}")
    diffs = doc.detail.get("differences")
    for diff in diffs if isinstance(diffs, list) else []:
        print(f"  {diff}")
    return 0


def add_typed_documents(acts: SubParsers) -> None:
    """Add typing in a supplier's invoice or credit note to `oms purchasing`'s sub-commands."""
    inv_t = acts.add_parser("invoice", help="type in a supplier's invoice against an order, with landed cost")
    inv_t.add_argument("order", metavar="PO")
    inv_t.add_argument("number", help="the supplier's invoice number")
    inv_t.add_argument("lines", nargs="+", metavar="SKU=QUANTITY@PRICE")
    inv_t.add_argument("--carriage", type=decimal_arg, default=Decimal(0), help="carriage charged (net)")
    inv_t.add_argument("--duties", type=decimal_arg, default=Decimal(0), help="duties charged (net)")
    inv_t.add_argument("--tax", type=decimal_arg, default=Decimal(0), help="the invoice's VAT")
    inv_t.add_argument(
        "--basis",
        choices=[b.value for b in Basis],
        default="value",
        help="spread the charges by (default value)",
    )
    inv_t.set_defaults(run=cmd_invoice)
    cre = acts.add_parser("credit-note", help="type in a supplier's credit note against an order")
    cre.add_argument("order", metavar="PO")
    cre.add_argument("number", help="the supplier's credit note number")
    cre.add_argument("lines", nargs="+", metavar="SKU=QUANTITY@PRICE", help="what it takes back, net")
    cre.add_argument("--tax", type=decimal_arg, default=Decimal(0), help="the VAT it takes back")
    cre.add_argument("--corrects", metavar="INVOICE", help="the supplier's invoice it corrects")
    cre.set_defaults(run=cmd_credit_note)


def add_documents_queue(acts: SubParsers) -> None:
    """Add the suppliers' documents waiting for a buyer to `oms purchasing`'s sub-commands."""
    inv = acts.add_parser(
        "documents",
        help="suppliers' messages; accept or reject a mismatched invoice, settle one by e-mail or fax",
    )
    decision = inv.add_mutually_exclusive_group()
    decision.add_argument("--accept", type=int, metavar="ID")
    decision.add_argument("--reject", type=int, metavar="ID")
    decision.add_argument("--handled", type=int, metavar="ID", help="a waiting document read and acted on")
    decision.add_argument("--dismiss", type=int, metavar="ID", help="a waiting document that needs nothing")
    inv.set_defaults(run=cmd_invoices)
