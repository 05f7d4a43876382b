"""The books' part of `oms demo`: once an order is delivered, its invoice (as PDF; the EDIFACT customer
got an INVOIC, listed with the outbox), the customer's transfer received, the order closed, and the
trial balance."""

from __future__ import annotations

from core.billing.services import books
from outbound.print.invoice import render_invoice
from samples.demo.host import ACTOR, SAMPLES, DemoApp, Say, rel

SETUP = SAMPLES / "billing"


def settle(app: DemoApp, order_id: int, say: Say) -> None:
    """Print the order's invoices and notices, pay what it owes by transfer, and show the books."""
    app.run_jobs()
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
            app.run_jobs()
            say(f"transfer of {owed} {document.currency} received for {document.code}")
    with app.uow() as uow:
        order = uow.fulfilment.order(order_id)
        assert order is not None
        say(f"paid and delivered -> {order.state}")
        for tb in books.trial_balances(uow):
            totals = f"debit {tb.debit}, credit {tb.credit}, difference {tb.difference}"
            say(f"trial balance {tb.currency}: {totals}")
