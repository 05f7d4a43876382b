"""The books' part of `oms demo`: once an order is delivered, its invoice (as PDF; the EDIFACT customer
got an INVOIC, listed with the outbox), the customer's transfer received, the order closed, and the
trial balance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.billing.services import books
from oms.bootstrap import App
from oms.lifecycle_cli import run_jobs
from outbound.print.invoice import render_invoice

SETUP = Path(__file__).resolve().parents[1] / "samples" / "billing"
ACTOR = "demo"


def settle(app: App, order_id: int, say: Callable[[str], None], rel: Callable[[Path], str] = str) -> None:
    """Print the order's invoices and notices, pay what it owes by transfer, and show the books."""
    run_jobs(app)
    with app.uow() as uow:
        documents = sorted(uow.billing.invoices(order_id=order_id), key=lambda d: d.id or 0)
        order = uow.fulfilment.order(order_id)
        assert order is not None
        pdfs = [(d, render_invoice(d, order)) for d in documents]
    for document, pdf in pdfs:
        path = app.settings.data_dir / "print" / "invoices" / f"{document.code}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        say(
            f"invoiced {document.code}: net {document.net_total} + VAT {document.tax_total}"
            f" = {document.total} {document.currency}, due {document.due_date}; {rel(path)}"
        )
        owed = document.open_amount
        if owed > 0:
            service = app.billing.service
            service.receive_payment(
                document.customer_id, owed, document.currency, f"demo {document.code}", ACTOR
            )
            run_jobs(app)
            say(f"transfer of {owed} {document.currency} received for {document.code}")
    with app.uow() as uow:
        order = uow.fulfilment.order(order_id)
        assert order is not None
        say(f"paid and delivered -> {order.state}")
        for tb in books.trial_balances(uow):
            totals = f"debit {tb.debit}, credit {tb.credit}, difference {tb.difference}"
            say(f"trial balance {tb.currency}: {totals}")
