"""Settling documents: money or credit taken against open invoices, and closing an order once it is
delivered and every euro of it is accounted for."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from core.billing.domain.invoicing import DocumentKind, Invoice, Settlement
from core.billing.domain.payments import PaymentMethod
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.fulfilment.domain.warehouse import ShipmentState
from core.kernel.domain.model import Order, OrderState

ZERO = Decimal(0)


def settle(
    uow: BillingUnitOfWork,
    invoice: Invoice,
    amount: Decimal,
    now: datetime,
    source: str,
    *,
    transaction_id: int | None = None,
    credit_note_id: int | None = None,
) -> Decimal:
    """Take up to `amount` against one document and remember where it came from; returns what was taken."""
    taken = invoice.settle(amount)
    if taken > 0:
        assert invoice.id is not None
        uow.billing.add(Settlement(invoice.id, taken, now, source, transaction_id, credit_note_id))
    return taken


def apply_money(
    uow: BillingUnitOfWork,
    invoices: Iterable[Invoice],
    amount: Decimal,
    now: datetime,
    source: str,
    txn_id: int | None,
) -> Decimal:
    """Money in against open invoices, in the order given; returns what was applied."""
    left = amount
    for invoice in invoices:
        if left <= 0:
            break
        left -= settle(uow, invoice, left, now, source, transaction_id=txn_id)
    return amount - left


def apply_credit(
    uow: BillingUnitOfWork, credit_note: Invoice, invoices: Iterable[Invoice], now: datetime
) -> Decimal:
    """Offset a credit note against open invoices, in the order given; returns what was offset."""
    applied = ZERO
    for invoice in invoices:
        if credit_note.open_amount <= 0:
            break
        if invoice.kind is not DocumentKind.INVOICE or invoice.currency != credit_note.currency:
            continue
        taken = settle(
            uow, invoice, credit_note.open_amount, now, "credit_note", credit_note_id=credit_note.id
        )
        settle(uow, credit_note, taken, now, "offset", credit_note_id=invoice.id)
        applied += taken
    return applied


def open_invoices(uow: BillingUnitOfWork, customer_id: str, *, order_id: int | None = None) -> list[Invoice]:
    """A customer's (or one order's) invoices with something owed, oldest due first, locked: all of
    them, however many newer ones are paid (the newest few hundred alone would leave old debts open)."""
    found = uow.billing.invoices(
        customer_id=customer_id,
        order_id=order_id,
        kind=DocumentKind.INVOICE,
        lock=True,
        owing=True,
        limit=None,
    )
    return sorted((i for i in found if i.open_amount > 0), key=lambda i: (i.due_date, i.id or 0))


def unsettled(uow: BillingUnitOfWork, order: Order) -> str | None:
    """Why the order is not accounted for yet (a shipment not invoiced, an invoice not paid), or None."""
    assert order.id is not None
    gone = (ShipmentState.SHIPPED, ShipmentState.DELIVERED)
    left = [i for i, state in uow.fulfilment.shipment_states(order.id) if state in gone]
    invoiced = uow.billing.invoiced_shipments(left)
    for shipment_id in left:
        if shipment_id not in invoiced:
            return f"shipment {shipment_id} is not invoiced yet"
    for invoice in uow.billing.invoices(order_id=order.id, kind=DocumentKind.INVOICE):
        if invoice.open_amount > 0:
            return f"invoice {invoice.code} has {invoice.open_amount} {invoice.currency} open"
    return None


def card_unsettled(uow: BillingUnitOfWork, order: Order) -> str | None:
    """For a card order, why its invoices are not captured yet; on-account orders owe on their
    invoices, which the customer's account carries beyond the order."""
    account = uow.billing.account(order.customer_id)
    if account is None or account.method is not PaymentMethod.CARD:
        return None
    return unsettled(uow, order)


def close_if_settled(uow: BillingUnitOfWork, order: Order, now: datetime, actor: str = "billing") -> bool:
    """Close a delivered order once nothing of it is owed; True when it was closed now."""
    if order.state is not OrderState.DELIVERED or unsettled(uow, order) is not None:
        return False
    assert order.id is not None
    uow.lifecycle.close(order.id, actor, now)
    return True
