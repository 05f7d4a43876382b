"""Queries of billing, one repository: customer accounts, payments and invoices (with the gapless invoice
numbering) here; returns and billing notices (`repository_returns`) and the payables
(`repository_payables`) mixed in from their own modules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.billing.adapters.orm import (
    credit_overrides,
    customer_accounts,
    invoice_series,
    invoices,
    money_approvals,
    payment_transactions,
    payments,
    settlements,
)
from core.billing.adapters.repository_payables import PayablesQueries
from core.billing.adapters.repository_returns import ReturnAndNoticeQueries
from core.billing.domain.approvals import ApprovalState, MoneyApproval
from core.billing.domain.invoicing import DocumentKind, Invoice, InvoiceState, Settlement
from core.billing.domain.payments import (
    CreditOverride,
    CustomerAccount,
    Payment,
    PaymentTransaction,
    TransactionKind,
    TransactionState,
)
from core.kernel.adapters import orm
from core.kernel.adapters.bulk import any_of
from core.kernel.domain.model import Order, OrderState
from core.kernel.errors import BillingError

ZERO = Decimal(0)


class BillingRepository(ReturnAndNoticeQueries, PayablesQueries):
    def __init__(self, session: Session) -> None:
        self.session = session
        self._keys: set[str] = set()
        # read ahead for a batch of approvals (`prefetch`); accounts are not written by approvals
        self._accounts: dict[str, CustomerAccount | None] = {}
        self._no_override: set[int] = set()

    # -- customer accounts ---------------------------------------------------------------------
    def prefetch(self, customer_ids: Iterable[str | None], order_ids: Iterable[int]) -> None:
        """Read the accounts of these customers and the credit overrides of these orders in two
        queries, for a batch of approvals that would otherwise ask once per order."""
        wanted = sorted({c for c in customer_ids if c} - set(self._accounts))
        ids = sorted(set(order_ids))
        with self.session.no_autoflush:
            if wanted:
                stmt = select(CustomerAccount).where(customer_accounts.c.customer_id.in_(wanted))
                found = {a.customer_id: a for a in self.session.scalars(stmt)}
                self._accounts.update({c: found.get(c) for c in wanted})
            if ids:
                # one array parameter on PostgreSQL: an IN list of a batch's 500 ids is parsed anew each time
                stmt2 = select(CreditOverride).where(any_of(self.session, credit_overrides.c.order_id, ids))
                present = {o.order_id for o in self.session.scalars(stmt2)}
                self._no_override |= set(ids) - present

    def account(self, customer_id: str | None, *, lock: bool = False) -> CustomerAccount | None:
        if not customer_id:
            return None
        if not lock and customer_id in self._accounts:
            return self._accounts[customer_id]
        stmt = select(CustomerAccount).where(customer_accounts.c.customer_id == customer_id)
        if lock:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).first()

    def accounts(self) -> Sequence[CustomerAccount]:
        return self.session.scalars(select(CustomerAccount).order_by(customer_accounts.c.customer_id)).all()

    def save_account(self, account: CustomerAccount) -> CustomerAccount:
        self._accounts.pop(account.customer_id, None)
        return self.session.merge(account)

    def credit_override(self, order_id: int) -> CreditOverride | None:
        if order_id in self._no_override:
            return None
        return self.session.get(CreditOverride, order_id)

    def add_override(self, override: CreditOverride) -> None:
        self._no_override.discard(override.order_id)
        self.session.add(override)

    def approval(self, approval_id: int, *, lock: bool = False) -> MoneyApproval | None:
        stmt = select(MoneyApproval).where(money_approvals.c.id == approval_id)
        if lock:
            stmt = stmt.with_for_update(of=money_approvals)
        return self.session.scalars(stmt).first()

    def approvals(self, *, pending_only: bool = False, limit: int = 100) -> Sequence[MoneyApproval]:
        """Money steps asked for, newest first (only those still waiting, if asked)."""
        stmt = select(MoneyApproval).order_by(money_approvals.c.id.desc()).limit(limit)
        if pending_only:
            stmt = stmt.where(money_approvals.c.state == ApprovalState.PENDING)
        return self.session.scalars(stmt).all()

    def open_orders_of(self, customer_id: str, states: Iterable[OrderState], *, exclude: int) -> list[Order]:
        """The customer's orders in these states (approved and not finished), but `exclude`."""
        stmt = select(Order).where(
            orm.orders.c.customer_id == customer_id,
            orm.orders.c.state.in_(list(states)),
            orm.orders.c.id != exclude,
        )
        return list(self.session.scalars(stmt))

    def invoiced_by_order(self, order_ids: Iterable[int]) -> dict[int, Decimal]:
        """Gross invoiced so far per order (invoices only, credit notes aside)."""
        ids = sorted(set(order_ids))
        if not ids:
            return {}
        stmt = (
            select(invoices.c.order_id, func.sum(invoices.c.total))
            .where(invoices.c.order_id.in_(ids), invoices.c.kind == DocumentKind.INVOICE)
            .group_by(invoices.c.order_id)
        )
        return {oid: Decimal(total) for oid, total in self.session.execute(stmt)}

    # -- payments and processor calls ----------------------------------------------------------
    def payment_for_order(self, order_id: int, *, lock: bool = False) -> Payment | None:
        stmt = select(Payment).where(payments.c.order_id == order_id)
        if lock:
            stmt = stmt.with_for_update(of=payments)
        return self.session.scalars(stmt).first()

    def payment(self, payment_id: int, *, lock: bool = False) -> Payment | None:
        stmt = select(Payment).where(payments.c.id == payment_id)
        if lock:
            stmt = stmt.with_for_update(of=payments)
        return self.session.scalars(stmt).first()

    def add(self, item: object) -> None:
        self.session.add(item)

    def transaction(self, txn_id: int, *, lock: bool = False) -> PaymentTransaction | None:
        stmt = select(PaymentTransaction).where(payment_transactions.c.id == txn_id)
        if lock:
            stmt = stmt.with_for_update(of=payment_transactions)
        return self.session.scalars(stmt).first()

    def transaction_for(self, kind: TransactionKind, invoice_id: int) -> PaymentTransaction | None:
        stmt = select(PaymentTransaction).where(
            payment_transactions.c.kind == kind, payment_transactions.c.invoice_id == invoice_id
        )
        return self.session.scalars(stmt).first()

    def transaction_by_key(self, key: str) -> PaymentTransaction | None:
        stmt = select(PaymentTransaction).where(payment_transactions.c.idempotency_key == key)
        return self.session.scalars(stmt).first()

    def transactions(
        self,
        *,
        payment_id: int | None = None,
        customer_id: str | None = None,
        state: TransactionState | None = None,
        limit: int = 200,
    ) -> Sequence[PaymentTransaction]:
        stmt = select(PaymentTransaction).order_by(payment_transactions.c.id.desc()).limit(limit)
        if payment_id is not None:
            stmt = stmt.where(payment_transactions.c.payment_id == payment_id)
        if customer_id is not None:
            stmt = stmt.where(payment_transactions.c.customer_id == customer_id)
        if state is not None:
            stmt = stmt.where(payment_transactions.c.state == state)
        return self.session.scalars(stmt).all()

    def pending_transactions(self, created_before: datetime | None = None) -> list[int]:
        stmt = select(payment_transactions.c.id).where(
            payment_transactions.c.state == TransactionState.PENDING
        )
        if created_before is not None:
            stmt = stmt.where(payment_transactions.c.created_at < created_before)
        return list(self.session.scalars(stmt.order_by(payment_transactions.c.id)))

    # -- invoices ------------------------------------------------------------------------------
    def take_number(self, series: str, year: int) -> int:
        """The next number of a series and year, taken in the caller's transaction.

        The series row is updated in place, which locks it until commit: concurrent invoicing
        queues here, and a rollback gives the number back, so numbers neither repeat nor skip.
        """
        stmt = (
            update(invoice_series)
            .where(invoice_series.c.series == series, invoice_series.c.year == year)
            .values(next_number=invoice_series.c.next_number + 1)
            .returning(invoice_series.c.next_number - 1)
        )
        taken = self.session.execute(stmt).scalar()
        if taken is None:
            try:
                with self.session.begin_nested():
                    self.session.execute(
                        insert(invoice_series).values(series=series, year=year, next_number=1)
                    )
            except IntegrityError:
                pass  # another transaction opened the year first: its row is used below
            taken = self.session.execute(stmt).scalar()
        if taken is None:  # pragma: no cover - the row exists by now
            raise BillingError(f"invoice series {series}{year} could not be opened")
        return int(taken)

    def invoice(self, invoice_id: int, *, lock: bool = False) -> Invoice | None:
        stmt = select(Invoice).where(invoices.c.id == invoice_id)
        if lock:
            stmt = stmt.with_for_update(of=invoices)
        return self.session.scalars(stmt).first()

    def invoice_by_code(self, series: str, year: int, number: int) -> Invoice | None:
        stmt = select(Invoice).where(
            invoices.c.series == series, invoices.c.year == year, invoices.c.number == number
        )
        return self.session.scalars(stmt).first()

    def invoice_for_shipment(self, shipment_id: int) -> Invoice | None:
        return self.session.scalars(select(Invoice).where(invoices.c.shipment_id == shipment_id)).first()

    def invoices(
        self,
        *,
        order_id: int | None = None,
        customer_id: str | None = None,
        kind: DocumentKind | None = None,
        state: InvoiceState | None = None,
        lock: bool = False,
        limit: int | None = 500,
        owing: bool = False,
    ) -> list[Invoice]:
        """Newest first, at most `limit` (None: all); `owing`: only those with something still open."""
        stmt = select(Invoice).order_by(invoices.c.id.desc()).limit(limit)
        if owing:
            stmt = stmt.where(invoices.c.paid < invoices.c.total)
        if order_id is not None:
            stmt = stmt.where(invoices.c.order_id == order_id)
        if customer_id is not None:
            stmt = stmt.where(invoices.c.customer_id == customer_id)
        if kind is not None:
            stmt = stmt.where(invoices.c.kind == kind)
        if state is not None:
            stmt = stmt.where(invoices.c.state == state)
        if lock:
            stmt = stmt.with_for_update(of=invoices)
        return list(self.session.scalars(stmt))

    def settlements(self, invoice_id: int) -> Sequence[Settlement]:
        stmt = select(Settlement).where(
            (settlements.c.invoice_id == invoice_id) | (settlements.c.credit_note_id == invoice_id)
        )
        return self.session.scalars(stmt.order_by(settlements.c.id)).all()

    def invoiced_shipments(self, shipment_ids: Iterable[int]) -> set[int]:
        """Those of the shipments that have an invoice (or any document naming them)."""
        ids = list(shipment_ids)
        if not ids:
            return set()
        stmt = select(invoices.c.shipment_id).where(invoices.c.shipment_id.in_(ids))
        return {i for i in self.session.scalars(stmt) if i is not None}
