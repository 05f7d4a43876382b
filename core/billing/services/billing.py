"""Payments, invoices, returns and the books as one service for the CLI, the API and the jobs.

Every step runs in a transaction of its own (events published after commit, deadlocks retried).
Built by the composition root with the card processor, the channels' notifiers and the credit and
payment policy, which the composition root also gives the lifecycle service (with the close gate).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from core.billing.domain.approvals import FourEyes, MoneyApproval
from core.billing.domain.invoicing import Invoice
from core.billing.domain.payments import (
    CustomerAccount,
    GatewayResult,
    PaymentMethod,
    PaymentState,
    PaymentTransaction,
    TransactionKind,
    authorisation_amount,
)
from core.billing.domain.receivables import Ageing, Statement
from core.billing.domain.returns import Receipt, Resolution, ReturnRequest
from core.billing.services import (
    billing_data,
    books,
    credit,
    invoicing,
    money_out,
    payments,
    returns,
    settlement,
)
from core.billing.services.notices import BillingNotifier, render_pending
from core.billing.services.unit_of_work import BillingUnitOfWork, locked_order
from core.kernel.domain.model import Order, OrderState
from core.kernel.errors import GatewayUnavailable, IllegalTransition, NotFound, PaymentError, TransientError
from core.kernel.services.outbox import RenderReport
from core.kernel.services.runner import run_step
from core.kernel.services.setup_csv import LoadReport

log = logging.getLogger(__name__)
T = TypeVar("T")
STALE = timedelta(seconds=10)  # a processor call pending longer than this is made again by the sweep
# the sweep invoices shipments left without an invoice this recently only: shipments from before the
# books existed (an upgraded installation) are not invoiced behind anybody's back
CATCH_UP = timedelta(days=7)


@dataclass
class Billing:
    uow_factory: Callable[[], BillingUnitOfWork]
    clock: Callable[[], datetime]
    publish: Callable[[list[object]], None]
    gateway: payments.PaymentGateway
    policy: credit.PaymentPolicy
    notifiers: Mapping[str, BillingNotifier] = field(default_factory=dict)
    four_eyes: FourEyes = field(default_factory=FourEyes)  # when money out needs a second supervisor

    def run(self, step: Callable[[BillingUnitOfWork, datetime], T]) -> T:
        return run_step(self.uow_factory, self.clock, self.publish, step)

    # -- set-up, customers' terms and cards ------------------------------------------------------
    def load_setup(self, folder: Path, actor: str) -> list[LoadReport]:
        """Product costs and VAT classes, customers' payment terms, from a folder of CSV files."""
        return self.run(lambda uow, now: billing_data.load_folder(uow, folder, actor, now))

    def set_cost(self, sku: str, cost: Decimal | None, actor: str) -> None:
        def step(uow: BillingUnitOfWork, now: datetime) -> None:
            product = uow.master.product(sku)
            if product is None:
                raise NotFound(f"product {sku} does not exist")
            billing_data.set_cost(uow, product, cost, actor, now)

        self.run(step)

    def set_terms(
        self,
        customer_id: str,
        *,
        method: PaymentMethod | None = None,
        terms_days: int | None = None,
        credit_limit: Decimal | None = None,
        no_limit: bool = False,
        currency: str | None = None,
        vat_number: str | None = None,
    ) -> CustomerAccount:
        def step(uow: BillingUnitOfWork, now: datetime) -> CustomerAccount:
            account = self._account(uow, customer_id)
            account.method = method or account.method
            account.terms_days = account.terms_days if terms_days is None else terms_days
            account.credit_limit = (
                None if no_limit else (credit_limit if credit_limit is not None else account.credit_limit)
            )
            account.currency = (currency or account.currency).upper()
            account.vat_number = account.vat_number if vat_number is None else (vat_number.strip() or None)
            return account

        return self.run(step)

    def set_card(self, customer_id: str, number: str, month: int, year: int, actor: str) -> list[int]:
        """Keep a card for the customer (its token only) and try it on every order held because
        the previous card was declined; returns those orders."""
        card = self.gateway.tokenise(number, month, year)  # no transaction held while the processor works

        def step(uow: BillingUnitOfWork, now: datetime) -> list[int]:
            account = self._account(uow, customer_id)
            account.card_token, account.card_brand, account.card_last4 = card.token, card.brand, card.last4
            retried = []
            for order in uow.orders.list(customer_id=customer_id, state=OrderState.ON_HOLD, limit=1000):
                held = uow.fulfilment.last_hold(order.id or 0)
                if held is not None and str(held.detail.get("reason", "")).startswith(payments.PAYMENT_HOLD):
                    self._reauthorise(uow, order, account, now)
                    retried.append(order.id or 0)
            return retried

        return self.run(step)

    def retry_payment(self, order_id: int, actor: str) -> str:
        """Ask the processor again for an order whose card was declined (after the card changed)."""

        def step(uow: BillingUnitOfWork, now: datetime) -> str:
            order = self._order(uow, order_id)
            payment = uow.billing.payment_for_order(order_id)
            if payment is None or payment.state is not PaymentState.DECLINED:
                raise IllegalTransition(f"order {order_id} has no declined card payment to retry")
            account = self._account(uow, payment.customer_id)
            if not account.card_token:
                raise IllegalTransition(f"customer {payment.customer_id} has no card on file")
            self._reauthorise(uow, order, account, now)
            return "authorisation requested"

        return self.run(step)

    def _reauthorise(
        self, uow: BillingUnitOfWork, order: Order, account: CustomerAccount, now: datetime
    ) -> None:
        currency = invoicing.currency_of(uow, order)
        gross = invoicing.estimate(uow, order).total
        amount = authorisation_amount(gross, currency)
        payments.request_authorisation(uow, order, account, amount, currency, now)

    @staticmethod
    def _account(uow: BillingUnitOfWork, customer_id: str) -> CustomerAccount:
        account = uow.billing.account(customer_id, lock=True)
        if account is None:
            if uow.master.customer(customer_id) is None:
                raise NotFound(f"customer {customer_id} does not exist")
            account = CustomerAccount(customer_id=customer_id)
            uow.billing.add(account)
        return account

    @staticmethod
    def _order(uow: BillingUnitOfWork, order_id: int) -> Order:
        return locked_order(uow, order_id)

    # -- money out or given up: a supervisor's, above the threshold a second one's --------------
    def release_credit_hold(self, order_id: int, actor: str, note: str = "") -> Order | MoneyApproval:
        return self.run(
            lambda uow, now: money_out.release_credit(
                uow, self.four_eyes, self.policy, order_id, actor, now, note
            )
        )

    def approve(self, approval_id: int, actor: str) -> MoneyApproval:
        """A second supervisor approves a pending money step, which is carried out at once."""
        return self.run(lambda uow, now: money_out.approve(uow, self.policy, approval_id, actor, now))

    def approvals(self, pending_only: bool = False) -> list[MoneyApproval]:
        with self.uow_factory() as uow:
            return list(uow.billing.approvals(pending_only=pending_only))

    # -- processor calls -------------------------------------------------------------------------
    def execute(self, txn_id: int) -> str | None:
        """Make a pending processor call and record its answer; GatewayUnavailable when it must be
        tried again (with the same idempotency key).  None when there was nothing to do."""
        call = self.run(lambda uow, now: payments.prepare(uow, txn_id, now))
        if call is None:
            return None
        try:
            result = payments.call(self.gateway, call)
        except GatewayUnavailable as exc:
            message = str(exc)
            self.run(lambda uow, now: payments.note_failure(uow, txn_id, message))
            raise
        except PaymentError as exc:  # the processor refused the request itself: no use retrying
            result = GatewayResult(False, "", call.amount, call.currency, "refused", str(exc))
        self.run(lambda uow, now: payments.record(uow, txn_id, result, now, self.policy))
        return "approved" if result.approved else f"declined ({result.code})"

    def void_for_cancelled(self, order_id: int) -> None:
        """The order was cancelled: give back what its card authorisation holds."""

        def step(uow: BillingUnitOfWork, now: datetime) -> None:
            payment = uow.billing.payment_for_order(order_id, lock=True)
            if payment is None or payment.state is not PaymentState.AUTHORISED or payment.captured > 0:
                return
            if any(t.kind is TransactionKind.VOID for t in uow.billing.transactions(payment_id=payment.id)):
                return
            payments.queue(
                uow,
                TransactionKind.VOID,
                payment.customer_id,
                payment.capturable,
                payment.currency,
                now,
                payment=payment,
            )

        self.run(step)

    # -- invoices and settlement -----------------------------------------------------------------
    def invoice_shipment(self, shipment_id: int, actor: str = "billing") -> Invoice:
        return self.run(lambda uow, now: invoicing.invoice_shipment(uow, shipment_id, now, actor))

    def close_if_settled(self, order_id: int) -> bool:
        def step(uow: BillingUnitOfWork, now: datetime) -> bool:
            order = uow.fulfilment.order(order_id, lock=True)
            return order is not None and settlement.close_if_settled(uow, order, now)

        return self.run(step)

    def receive_payment(
        self,
        customer_id: str,
        amount: Decimal,
        currency: str,
        reference: str,
        actor: str,
        invoices: Sequence[str] = (),
    ) -> PaymentTransaction:
        return self.run(
            lambda uow, now: books.receive_payment(
                uow, customer_id, amount, currency, reference, actor, now, invoices
            )
        )

    def write_off(self, code: str, reason: str, actor: str) -> Invoice | MoneyApproval:
        return self.run(lambda uow, now: money_out.write_off(uow, self.four_eyes, code, reason, actor, now))

    def record_supplier_invoice(
        self,
        supplier_id: str,
        number: str,
        issued: date,
        due: date,
        net: Decimal,
        tax: Decimal,
        currency: str,
        actor: str,
    ) -> int:
        return self.run(
            lambda uow, now: books.record_supplier_invoice(
                uow, supplier_id, number, issued, due, net, tax, currency, actor, now
            )
        )

    def pay_supplier(
        self, supplier_id: str, amount: Decimal, currency: str, reference: str, actor: str
    ) -> Decimal | MoneyApproval:
        return self.run(
            lambda uow, now: money_out.pay_supplier(
                uow, self.four_eyes, supplier_id, amount, currency, reference, actor, now
            )
        )

    # -- returns ---------------------------------------------------------------------------------
    def authorise_return(
        self,
        order_id: int,
        quantities: Mapping[int, Decimal],
        reason: str,
        resolution: Resolution,
        actor: str,
    ) -> ReturnRequest:
        return self.run(
            lambda uow, now: returns.authorise_return(
                uow, order_id, quantities, reason, resolution, actor, now
            )
        )

    def receive_return(self, return_id: int, receipts: Sequence[Receipt], actor: str) -> ReturnRequest:
        return self.run(
            lambda uow, now: returns.receive_return(uow, return_id, receipts, actor, now, self.four_eyes)
        )

    # -- telling the customer --------------------------------------------------------------------
    def notify(self, order_id: int) -> RenderReport:
        report = self.run(lambda uow, now: render_pending(uow, order_id, self.notifiers, now))
        if report.failed:
            raise TransientError(
                f"{report.failed} billing notice(s) of order {order_id} could not be rendered"
            )
        return report

    # -- reading ---------------------------------------------------------------------------------
    def statement(self, customer_id: str, start: date, end: date) -> Statement:
        with self.uow_factory() as uow:
            return books.statement(uow, customer_id, start, end)

    def receivables(self, as_of: date | None = None) -> list[Ageing]:
        with self.uow_factory() as uow:
            return books.receivables(uow, as_of or self.clock().date())

    def unfinished(self) -> tuple[list[int], list[int], list[int]]:
        """Processor calls pending for a while, orders with billing notices to render, shipments to
        invoice: what the sweep queues again."""
        with self.uow_factory() as uow:
            now = self.clock()
            return (
                uow.billing.pending_transactions(created_before=now - STALE),
                uow.billing.orders_with_pending_notices(),
                uninvoiced(uow, shipped_since=now - CATCH_UP),
            )


def uninvoiced(uow: BillingUnitOfWork, shipped_since: datetime) -> list[int]:
    """Shipments that left since then and have no invoice: what the invoicing job still owes."""
    shipped = uow.fulfilment.shipped_since(shipped_since)
    invoiced = uow.billing.invoiced_shipments(shipped)
    return [s for s in shipped if s not in invoiced]
