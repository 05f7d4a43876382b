"""Payments, invoices, returns and the books end to end on the embedded default: each payment kind from
order to paid, a return with refund, a credit hold released by a supervisor, a declined card, retried
processor calls that charge once.  The trial balance is zero after every scenario."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from pydifact.segmentcollection import Interchange

from core.billing.domain.invoicing import DocumentKind, InvoiceState
from core.billing.domain.ledger import CARD_CLEARING, COGS, SALES_RETURNS, WRITE_OFFS
from core.billing.domain.notices import BillingNoticeKind
from core.billing.domain.payments import PaymentState, TransactionKind, TransactionState
from core.billing.domain.returns import Disposition, Receipt, Resolution, ReturnState
from core.kernel.domain.model import OutboundKind
from core.kernel.domain.notices import NotificationState
from core.kernel.errors import IllegalTransition
from oms.bootstrap import App
from parsers.edifact.parser import read_interchanges
from tests.conftest import make_user
from tests.integration.billing_support import (
    account_balance,
    assert_trial_balance_zero,
    attachment,
    card_order,
    invoices,
    mails,
    new_order,
    notices,
    payment,
    pdf_text,
    receivable,
    ship_all,
    text_of,
    transactions_of,
)
from tests.integration.lifecycle_support import demo_orders, drain_all, events, level, outbound, state

pytestmark = pytest.mark.integration
D = Decimal


def test_on_account_order_approved_shipped_invoiced_paid_and_closed(books: App) -> None:
    first, _ = demo_orders(books)  # Ferretería Núñez: on account, 30 days, limit 5,000 EUR, EDIFACT
    svc, bill = books.lifecycle.service, books.billing.service
    svc.start([first], "clerk")
    assert state(books, first) == "allocated"
    with books.uow() as uow:
        approval = next(e for e in uow.fulfilment.events(first) if e.step == "approve")
    assert str(approval.detail["policy"]).startswith("on account, net 30 days: within")

    ship_all(books, first)
    [invoice] = invoices(books, first)
    assert (invoice.code, invoice.kind, invoice.regime) == ("F2026-000001", DocumentKind.INVOICE, "domestic")
    assert invoice.due_date == invoice.issue_date + timedelta(days=30)
    goods = [(ln.sku, ln.quantity, ln.net, ln.vat_rate) for ln in invoice.lines if ln.sku]
    assert goods == [
        ("TOR-M8-40", 250, D("45.00"), 21),
        ("TUE-M8", 250, D("12.50"), 21),
        ("TAC-6", 4, D("15.60"), 21),
    ]
    [carriage] = [ln for ln in invoice.lines if ln.kind == "shipping"]
    assert carriage.description.startswith("Portes (") and carriage.net > 0
    assert invoice.net_total == D("73.10") + carriage.net
    # one rate, one rounding, half up (82.50 x 21 % = 17.325 -> 17.33)
    assert invoice.tax_total == (invoice.net_total * D("0.21")).quantize(D("0.01"), ROUND_HALF_UP)
    assert invoice.total == invoice.net_total + invoice.tax_total and invoice.state is InvoiceState.OPEN
    assert receivable(books, "C-1001") == invoice.total
    assert account_balance(books, COGS) == D("22.50") + D("5.00") + D(
        "7.80"
    )  # 250 x 0.09, 250 x 0.02, 4 x 1.95

    [notice] = notices(books, first)
    assert (notice.kind, notice.channel, notice.state) == (
        BillingNoticeKind.INVOICE,
        "edi",
        NotificationState.QUEUED,
    )
    [invoic] = [m for m in outbound(books, first) if m.kind is OutboundKind.INVOIC]
    assert invoic.state.value == "sent" and invoic.recipient == "8437000100010"
    [message] = list(Interchange.from_str(invoic.content.decode("latin-1")).get_messages())
    values = {s.tag: s.elements for s in message.segments}
    assert values["BGM"] == ["380", "F2026-000001", "9"]
    assert ["77", str(invoice.total)] in [s.elements[0] for s in message.segments if s.tag == "MOA"]
    assert read_interchanges(invoic.content).orders == ()

    drain_all(books)
    bill.receive_payment("C-1001", invoice.total, "EUR", "TRF 2026-11-30 NUNEZ", "accounts")
    bill.receive_payment("C-1001", invoice.total, "EUR", "TRF 2026-11-30 NUNEZ", "accounts")  # entered twice
    [invoice] = invoices(books, first)
    assert invoice.state is InvoiceState.SETTLED and receivable(books, "C-1001") == 0
    assert state(books, first) == "shipped"
    [shipment] = _shipments(books, first)
    svc.deliver(shipment, "carrier")
    drain_all(books)
    assert state(books, first) == "closed"  # delivered and paid: nothing more to do
    assert events(books, first)[-1] == ("close", "delivered", "closed")
    assert_trial_balance_zero(books)


def _shipments(app: App, order_id: int) -> list[int]:
    with app.uow() as uow:
        return sorted(s.id for s in uow.fulfilment.shipments(order_id=order_id) if s.id is not None)


def test_card_order_authorised_shipped_captured_invoiced_paid(books: App) -> None:
    order_id = card_order(books)
    svc = books.lifecycle.service
    report = svc.start([order_id], "clerk")
    assert report.skipped == {order_id: "order is accepted"}  # waits for the card, not approved yet
    pending = payment(books, order_id)
    assert pending is not None and pending.state is PaymentState.PENDING
    assert pending.amount == D("70.90")  # 3 x 12.80 + 2 x 3.90 = 46.20 + 21 % = 55.90, + 15.00 for carriage

    drain_all(books)
    authorised = payment(books, order_id)
    assert authorised is not None and authorised.state is PaymentState.AUTHORISED
    assert authorised.authorised == D("70.90") and authorised.reference and authorised.card_last4 == "4242"
    assert state(books, order_id) == "allocated"
    assert [e[0] for e in events(books, order_id)] == ["approve", "allocate"]

    ship_all(books, order_id)
    [invoice] = invoices(books, order_id)
    paid = payment(books, order_id)
    assert paid is not None and paid.state is PaymentState.CAPTURED  # nothing left to ship: the rest released
    assert paid.captured == invoice.total and invoice.state is InvoiceState.SETTLED
    assert invoice.due_date == invoice.issue_date
    [capture] = [m for m in books.billing.gateway.movements() if m["kind"] == "capture"]
    assert capture["amount"] == invoice.total and capture["authorisation"] == paid.reference
    assert books.billing.gateway.authorisation(paid.reference or "")["state"] == "captured"  # type: ignore[index]
    assert account_balance(books, CARD_CLEARING) == invoice.total and receivable(books, "C-1002") == 0

    [mail] = mails(books, order_id)
    assert (
        mail["To"] == "compras@bricogalicia.es"
        and mail["Subject"] == f"Factura {invoice.code} (su pedido card-1)"
    )
    document = pdf_text(attachment(mail))
    assert f"FACTURA {invoice.code}" in document and "Bricolaje Galicia S.A." in document
    assert "Pagada con tarjeta ****4242" in document

    [shipment] = _shipments(books, order_id)
    svc.deliver(shipment, "carrier")
    drain_all(books)
    assert state(books, order_id) == "closed"
    assert_trial_balance_zero(books)


def test_return_with_refund_to_the_card(books: App) -> None:
    order_id = card_order(books)
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    ship_all(books, order_id)
    bill = books.billing.service
    on_hand = level(books, "LLA-AJ-250", "MAD")[0]
    cogs = account_balance(books, COGS)

    rma = bill.authorise_return(order_id, {1: D(2)}, "dos llaves defectuosas", Resolution.REFUND, "clerk")
    assert rma.number == "RMA-2026-000001" and rma.state is ReturnState.AUTHORISED
    with pytest.raises(Exception, match="shipped and not yet returned"):
        bill.authorise_return(order_id, {1: D(2)}, "otra vez", Resolution.REFUND, "clerk")  # only 1 left
    assert rma.id is not None
    bill.receive_return(
        rma.id,
        [Receipt(1, D(1), Disposition.RESTOCK), Receipt(1, D(1), Disposition.SCRAP)],
        "goods-in",
    )
    drain_all(books)
    # whoever took the goods in is no supervisor: the money back waits for one's approval
    still = payment(books, order_id)
    assert still is not None and still.refunded == 0
    assert [m["kind"] for m in books.billing.gateway.movements()] == ["capture"]
    [waiting] = bill.approvals(pending_only=True)
    assert (waiting.step, waiting.amount, waiting.requested_by) == ("refund", D("30.98"), "goods-in")
    assert waiting.id is not None
    make_user(books, "marta", "supervisor")
    bill.approve(waiting.id, "marta")
    drain_all(books)
    assert bill.approvals(pending_only=True) == []
    [invoice, note] = invoices(books, order_id)
    assert (
        note.kind is DocumentKind.CREDIT_NOTE
        and note.code == "R2026-000001"
        and note.corrects_id == invoice.id
    )
    assert note.net_total == D("25.60") and note.tax_total == D("5.38") and note.total == D("30.98")
    refunded = payment(books, order_id)
    assert refunded is not None and refunded.refunded == note.total
    assert [m["kind"] for m in books.billing.gateway.movements()] == ["capture", "refund"]
    with books.uow() as uow:
        settled = uow.billing.return_request(rma.id)
        assert settled is not None and settled.state is ReturnState.SETTLED
        assert [(ln.received, ln.restocked, ln.scrapped) for ln in settled.lines] == [(2, 1, 1)]
    assert level(books, "LLA-AJ-250", "MAD")[0] == on_hand + 1  # one back on the shelf
    assert account_balance(books, COGS) == cogs - D("13.80")  # two came back at 6.90
    assert account_balance(books, WRITE_OFFS) == D("6.90")  # one of them was scrapped
    assert account_balance(books, SALES_RETURNS) == D("25.60") and receivable(books, "C-1002") == 0
    assert account_balance(books, CARD_CLEARING) == invoice.total - note.total
    kinds = [n.kind for n in notices(books, order_id)]
    assert kinds == [
        BillingNoticeKind.INVOICE,
        BillingNoticeKind.RETURN_AUTHORISED,
        BillingNoticeKind.RETURN_RECEIVED,
        BillingNoticeKind.CREDIT_NOTE,
        BillingNoticeKind.REFUNDED,
    ]
    assert all(n.state is NotificationState.QUEUED and n.channel == "email" for n in notices(books, order_id))
    subjects = [str(m["Subject"]) for m in mails(books, order_id)]
    assert "Devolución RMA-2026-000001 autorizada (su pedido card-1)" in subjects
    assert "Reembolso de 30,98 EUR (su pedido card-1)" in subjects
    [refund_mail] = [m for m in mails(books, order_id) if str(m["Subject"]).startswith("Reembolso")]
    assert "le hemos devuelto 30,98 EUR en su tarjeta ****4242" in text_of(refund_mail)
    assert_trial_balance_zero(books)


def test_credit_limit_hold_released_by_a_supervisor(books: App) -> None:
    bill, svc = books.billing.service, books.lifecycle.service
    make_user(books, "marta", "supervisor")
    bill.set_terms("C-1001", credit_limit=D("1500.00"))
    order_id = new_order(books, "C-1001", [("SIL-TRA-300", D(150)), ("GUA-NIT-L", D(80))], "big")
    svc.start([order_id], "clerk")  # 630 + 680 = 1,310 + 21 % VAT = 1,585.10 > 1,500
    assert state(books, order_id) == "on_hold"
    with books.uow() as uow:
        hold = uow.fulfilment.last_hold(order_id)
    assert hold is not None and str(hold.detail["reason"]).startswith(
        "credit limit: credit limit exceeded: 1585.1"
    )

    svc.release_hold(order_id, "clerk")  # a clerk's release only asks the policy again
    svc.start([order_id], "clerk")
    assert state(books, order_id) == "on_hold"
    bill.release_credit_hold(order_id, "marta", "cliente de confianza, paga siempre")
    assert state(books, order_id) == "allocated"
    with books.uow() as uow:
        override = uow.billing.credit_override(order_id)
        assert override is not None and override.by == "marta" and override.exposure == D("1585.10")
    with pytest.raises(IllegalTransition):
        bill.release_credit_hold(order_id, "marta")  # nothing held any more

    ship_all(books, order_id)
    [invoice] = invoices(books, order_id)
    bill.receive_payment("C-1001", invoice.total, "EUR", "TRF-77", "accounts")
    assert receivable(books, "C-1001") == 0
    assert_trial_balance_zero(books)


def test_orders_started_together_count_against_the_credit_limit_one_after_the_other(books: App) -> None:
    # each order alone is within the limit (70 x 4.20 + 21 % VAT = 355.74); together they are not
    books.billing.service.set_terms("C-1001", credit_limit=D("600.00"))
    first = new_order(books, "C-1001", [("SIL-TRA-300", D(70))], "first")
    second = new_order(books, "C-1001", [("SIL-TRA-300", D(70))], "second")
    books.lifecycle.service.start([first, second], "clerk")
    # the second's check sees the first approved in the same transaction: 711.48 committed
    assert (state(books, first), state(books, second)) == ("allocated", "on_hold")
    with books.uow() as uow:
        hold = uow.fulfilment.last_hold(second)
    assert hold is not None and str(hold.detail["reason"]).startswith("credit limit: credit limit exceeded")


def test_a_paid_on_account_order_returned_is_refunded_by_transfer(books: App) -> None:
    first, _ = demo_orders(books)
    books.lifecycle.service.start([first], "clerk")
    ship_all(books, first)
    [invoice] = invoices(books, first)
    bill = books.billing.service
    bill.receive_payment("C-1001", invoice.total, "EUR", "TRF-1", "accounts")
    rma = bill.authorise_return(first, {1: D(50)}, "sobran", Resolution.REFUND, "clerk")
    assert rma.id is not None
    make_user(books, "luis", "supervisor")  # a supervisor took the goods in: 10.89 goes back at once
    bill.receive_return(rma.id, [Receipt(1, D(50))], "luis")
    drain_all(books)
    [_, note] = invoices(books, first)
    assert note.total == D("10.89") and note.state is InvoiceState.SETTLED  # 50 x 0.18 = 9.00 + 21 %
    payouts = [t for t in transactions_of(books, "C-1001") if t.kind is TransactionKind.PAYOUT]
    assert [(t.amount, t.state) for t in payouts] == [(D("10.89"), TransactionState.SUCCEEDED)]
    assert receivable(books, "C-1001") == 0
    kinds = [n.kind for n in notices(books, first)]
    assert kinds[-1] is BillingNoticeKind.REFUNDED
    [refund] = [n for n in notices(books, first) if n.kind is BillingNoticeKind.REFUNDED]
    assert refund.channel == "email" and refund.detail["transfer"] is True  # EDIFACT has no message for it
    assert_trial_balance_zero(books)
