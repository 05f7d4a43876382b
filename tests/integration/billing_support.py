"""Helpers for the payments and books tests: a shop whose products have costs and whose customers have
payment terms, orders run to shipment, and the checks every scenario ends with."""

from __future__ import annotations

import io
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import EmailMessage

import pdfplumber

from core.billing.domain.invoicing import DocumentKind, Invoice
from core.billing.domain.ledger import RECEIVABLE
from core.billing.domain.notices import BillingNotice
from core.billing.domain.payments import Payment, PaymentTransaction
from core.billing.services import books
from core.kernel.domain.model import OrderState, OutboundKind
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import SAMPLES
from tests.integration.lifecycle_support import allocations, drain_all, outbound, set_up_shop

BILLING = SAMPLES / "billing"
D = Decimal
VISA = "4242424242424242"


def set_up_books(app: App) -> None:
    """Costs and terms first, then warehouses and opening stock (valued as it is received)."""
    app.billing.service.load_setup(BILLING, "test")
    set_up_shop(app)


def new_order(app: App, customer_id: str, lines: list[tuple[str, Decimal]], tag: str) -> int:
    """An accepted order of this customer at the products' list prices."""
    with app.uow() as uow:
        [order_id] = make_orders(
            uow, [lines], app.clock(), state=OrderState.ACCEPTED, customer_id=customer_id, tag=tag
        )
        order = uow.fulfilment.order(order_id)
        assert order is not None
        for line in order.lines:
            product = uow.master.product(line.sku or "")
            assert product is not None and line.quantity is not None
            line.unit_price, line.unit = product.price, product.unit
            line.description, line.gtin = product.name, product.gtin
            line.amount = line.quantity * (product.price or D(0))
        uow.commit()
    return order_id


def ship_all(app: App, order_id: int) -> list[int]:
    """Release, pick, pack and ship everything allocated to an order; returns the shipments."""
    svc = app.lifecycle.service
    release = svc.release([order_id], "clerk", strict=True)
    for pick_list in release.pick_lists:
        svc.confirm_pick(pick_list, None, "picker")
    out = []
    for warehouse in sorted({a.warehouse for a in allocations(app, order_id)}):
        shipment = svc.pack(order_id, warehouse, "packer")
        assert shipment.id is not None
        svc.ship(shipment.id, "dispatch")
        out.append(shipment.id)
    drain_all(app)
    return out


def invoices(app: App, order_id: int, kind: DocumentKind | None = None) -> list[Invoice]:
    with app.uow() as uow:
        return sorted(uow.billing.invoices(order_id=order_id, kind=kind), key=lambda i: i.id or 0)


def payment(app: App, order_id: int) -> Payment | None:
    with app.uow() as uow:
        return uow.billing.payment_for_order(order_id)


def transactions(app: App, order_id: int) -> list[PaymentTransaction]:
    found = payment(app, order_id)
    with app.uow() as uow:
        return sorted(uow.billing.transactions(payment_id=found.id if found else -1), key=lambda t: t.id or 0)


def notices(app: App, order_id: int) -> list[BillingNotice]:
    with app.uow() as uow:
        return list(uow.billing.notices(order_id))


def mails(app: App, order_id: int) -> list[EmailMessage]:
    """The billing e-mails of an order, parsed (subjects decoded)."""
    found = []
    for message in outbound(app, order_id):
        if message.kind is OutboundKind.BILLING and message.channel == "email":
            parsed = message_from_bytes(message.content, policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            found.append(parsed)
    return found


def attachment(mail: EmailMessage) -> bytes:
    [part] = [p for p in mail.walk() if p.get_content_type() == "application/pdf"]
    content = part.get_content()
    assert isinstance(content, bytes)
    return content


def text_of(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def receivable(app: App, customer_id: str) -> Decimal:
    with app.uow() as uow:
        return uow.ledger.balance(RECEIVABLE, customer_id)


def account_balance(app: App, account: str) -> Decimal:
    with app.uow() as uow:
        return uow.ledger.balance(account)


def assert_trial_balance_zero(app: App) -> None:
    """Every currency's trial balance adds up to zero, and the receivables ledger agrees with the
    open documents customer by customer."""
    with app.uow() as uow:
        balances = books.trial_balances(uow)
        assert balances, "nothing was posted"
        for tb in balances:
            assert tb.difference == 0, tb
            assert sum((r.balance for r in tb.rows), D(0)) == 0
        for ageing in books.receivables(uow, app.clock().date()):
            assert sum(ageing.buckets.values(), D(0)) == ageing.balance, ageing


def card_order(
    app: App, card: str = VISA, lines: list[tuple[str, Decimal]] | None = None, tag: str = "card"
) -> int:
    """An order of Bricolaje Galicia (C-1002, pays by card) with its card on file."""
    app.billing.service.set_card("C-1002", card, 12, 2030, "clerk")
    return new_order(app, "C-1002", lines or [("LLA-AJ-250", D(3)), ("TAC-6", D(2))], tag)


def transactions_of(app: App, customer_id: str) -> list[PaymentTransaction]:
    with app.uow() as uow:
        return list(uow.billing.transactions(customer_id=customer_id))


def pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)
