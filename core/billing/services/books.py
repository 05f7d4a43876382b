"""The books beyond invoicing: transfers received from customers, bad debts written off, supplier
invoices and their payment (accounts payable), and what is read from the journal: the trial
balance, receivables and payables by age, a customer's statement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.exc import IntegrityError

from core.billing.domain.invoicing import DocumentKind, Invoice, InvoiceState, parse_code
from core.billing.domain.ledger import (
    BAD_DEBTS,
    BANK,
    GRNI,
    INPUT_VAT,
    PAYABLE,
    RECEIVABLE,
    TrialBalance,
    cr,
    dr,
    entry,
    transaction_entry,
    trial_balance,
)
from core.billing.domain.payments import PaymentTransaction, TransactionKind, TransactionState
from core.billing.domain.receivables import Ageing, OpenItem, Statement, StatementLine, age, running
from core.billing.services.settlement import apply_money, close_if_settled, open_invoices, settle
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.kernel.domain.money import is_rounded
from core.kernel.errors import BillingError, NotFound

ZERO = Decimal(0)


def _amount(value: Decimal, currency: str) -> None:
    if value <= 0 or not is_rounded(value, currency):
        raise BillingError(f"{value} {currency} is not a positive amount in whole cents")


def _named(value: str, what: str) -> str:
    """A reference money is booked against: never empty (an empty one posts to no one)."""
    value = value.strip()
    if not value:
        raise BillingError(f"a {what} is needed")
    return value


def _known_customer(uow: BillingUnitOfWork, customer_id: str) -> str:
    customer_id = _named(customer_id, "customer id")
    if uow.master.customer(customer_id) is None:
        raise BillingError(f"there is no customer {customer_id}")
    return customer_id


def _known_supplier(uow: BillingUnitOfWork, supplier_id: str) -> str:
    """A supplier we owe or owed: one whose invoice is recorded (a payment to anyone else is refused)."""
    supplier_id = _named(supplier_id, "supplier id")
    if not uow.billing.supplier_invoices(supplier_id):
        raise BillingError(f"no invoice of supplier {supplier_id} is recorded; record it before paying")
    return supplier_id


def find_invoice(uow: BillingUnitOfWork, code: str) -> Invoice:
    try:
        series, year, number = parse_code(code)
    except ValueError as exc:
        raise NotFound(str(exc)) from exc
    found = uow.billing.invoice_by_code(series, year, number)
    if found is None:
        raise NotFound(f"there is no document {code}")
    return found


def receive_payment(
    uow: BillingUnitOfWork,
    customer_id: str,
    amount: Decimal,
    currency: str,
    reference: str,
    actor: str,
    now: datetime,
    invoice_codes: Sequence[str] = (),
) -> PaymentTransaction:
    """A transfer from a customer, applied to the invoices named (else the oldest due first); what
    is left over waits on the customer's account.  The same bank reference twice is one receipt."""
    _amount(amount, currency)
    customer_id = _known_customer(uow, customer_id)
    reference = _named(reference, "bank reference")
    key = f"receipt:{customer_id}:{reference.strip()}"[:96]
    found = uow.billing.transaction_by_key(key)
    if found is not None:
        return found
    txn = PaymentTransaction(
        TransactionKind.RECEIPT, customer_id, amount, currency, key, now, actor[:64],
        state=TransactionState.SUCCEEDED, reference=reference[:96], done_at=now,
    )  # fmt: skip
    uow.billing.add(txn)
    uow.flush()
    posting = transaction_entry(txn, now)
    assert posting is not None
    uow.ledger.post(posting)
    if invoice_codes:
        targets = [uow.billing.invoice(find_invoice(uow, c).id or 0, lock=True) for c in invoice_codes]
        invoices = [i for i in targets if i is not None and i.customer_id == customer_id]
    else:
        invoices = open_invoices(uow, customer_id)
    apply_money(uow, invoices, amount, now, "receipt", txn.id)
    for order_id in sorted({i.order_id for i in invoices if i.state is InvoiceState.SETTLED}):
        order = uow.fulfilment.order(order_id, lock=True)
        if order is not None:
            close_if_settled(uow, order, now)
    return txn


def write_off(
    uow: BillingUnitOfWork, code: str, reason: str, actor: str, now: datetime, note: str = ""
) -> Invoice:
    """Give up on what is left of an invoice: a bad debt, and the invoice counts as settled.  `note`
    says who asked and who approved."""
    invoice = uow.billing.invoice(find_invoice(uow, code).id or 0, lock=True)
    assert invoice is not None
    if invoice.kind is not DocumentKind.INVOICE or invoice.open_amount <= 0:
        raise BillingError(f"{code} has nothing open to write off")
    left = invoice.open_amount
    posting = entry(
        now,
        "write_off",
        (f"Insolvencia {code}" + (f" ({note})" if note else "") + f": {reason}")[:512],
        invoice.currency,
        [dr(BAD_DEBTS, left), cr(RECEIVABLE, left, invoice.customer_id)],
        key=f"write_off:{invoice.id}",
        actor=actor,
    )
    uow.ledger.post(posting)
    settle(uow, invoice, left, now, "write_off")
    order = uow.fulfilment.order(invoice.order_id, lock=True)
    if order is not None:
        close_if_settled(uow, order, now)
    return invoice


def record_supplier_invoice(
    uow: BillingUnitOfWork,
    supplier_id: str,
    number: str,
    issue_date: date,
    due_date: date,
    net: Decimal,
    tax: Decimal,
    currency: str,
    actor: str,
    now: datetime,
) -> int:
    """A supplier's invoice for goods received: it clears goods-received-not-invoiced, input VAT is
    reclaimable, and the supplier is owed the gross."""
    supplier_id, number = _supplier_document(supplier_id, number, "invoice number", net, tax, currency)
    try:
        with uow.savepoint():
            row_id = uow.billing.add_supplier_invoice(
                {
                    "supplier_id": supplier_id,
                    "number": number,
                    "issue_date": issue_date,
                    "due_date": due_date,
                    "currency": currency,
                    "net": net,
                    "tax": tax,
                    "total": net + tax,
                    "paid": ZERO,
                    "created_at": now,
                }
            )
    except IntegrityError as exc:
        raise BillingError(f"invoice {number} of {supplier_id} is recorded already") from exc
    lines = [dr(GRNI, net), dr(INPUT_VAT, tax), cr(PAYABLE, net + tax, supplier_id)]
    description = f"Factura proveedor {supplier_id} {number}"
    uow.ledger.post(
        entry(
            now,
            "supplier_invoice",
            description,
            currency,
            lines,
            key=f"supplier_invoice:{row_id}",
            actor=actor,
        )
    )
    return row_id


def _supplier_document(
    supplier_id: str, number: str, what: str, net: Decimal, tax: Decimal, currency: str
) -> tuple[str, str]:
    """The supplier and number of a supplier's invoice or credit note whose net and VAT are amounts in
    whole cents (VAT not negative); BillingError otherwise."""
    _amount(net, currency)
    supplier_id, number = _named(supplier_id, "supplier id"), _named(number, what)
    if tax < 0 or not is_rounded(tax, currency):
        raise BillingError(f"VAT {tax} {currency} is not an amount in whole cents")
    return supplier_id, number


def record_supplier_credit(
    uow: BillingUnitOfWork,
    supplier_id: str,
    number: str,
    corrects: str | None,
    issue_date: date,
    net: Decimal,
    tax: Decimal,
    currency: str,
    actor: str,
    now: datetime,
) -> int:
    """A supplier's credit note: the reverse of their invoice in the books (the supplier is owed the
    gross less, goods-received-not-invoiced and input VAT take back what the invoice put there), and
    applied to the invoice it corrects, whose open amount drops; what the invoice no longer has open
    (it was paid) waits on the supplier's account as money they owe us."""
    supplier_id, number = _supplier_document(supplier_id, number, "credit note number", net, tax, currency)
    corrects = corrects.strip() if corrects else None
    if corrects and uow.billing.supplier_invoice(supplier_id, corrects) is None:
        raise BillingError(
            f"invoice {corrects} of {supplier_id} is not recorded; a credit note corrects one that is"
        )
    try:
        with uow.savepoint():  # a credit note recorded already takes nothing off its invoices again
            applied = uow.billing.credit_supplier_invoices(supplier_id, net + tax, corrects)
            row_id = uow.billing.add_supplier_credit_note(
                {
                    "supplier_id": supplier_id,
                    "number": number,
                    "corrects": corrects,
                    "issue_date": issue_date,
                    "currency": currency,
                    "net": net,
                    "tax": tax,
                    "total": net + tax,
                    "applied": applied,
                    "created_at": now,
                }
            )
    except IntegrityError as exc:
        raise BillingError(f"credit note {number} of {supplier_id} is recorded already") from exc
    lines = [dr(PAYABLE, net + tax, supplier_id), cr(GRNI, net), cr(INPUT_VAT, tax)]
    against = f" ({corrects})" if corrects else ""
    uow.ledger.post(
        entry(
            now,
            "supplier_credit",
            f"Abono proveedor {supplier_id} {number}{against}",
            currency,
            lines,
            key=f"supplier_credit:{row_id}",
            actor=actor,
        )
    )
    return row_id


def check_supplier_payment(
    uow: BillingUnitOfWork, supplier_id: str, amount: Decimal, currency: str, reference: str
) -> tuple[str, str]:
    """The supplier and bank reference of a payment that may be made; BillingError otherwise."""
    _amount(amount, currency)
    return _known_supplier(uow, supplier_id), _named(reference, "bank reference")


def pay_supplier(
    uow: BillingUnitOfWork,
    supplier_id: str,
    amount: Decimal,
    currency: str,
    reference: str,
    actor: str,
    now: datetime,
    note: str = "",
) -> Decimal:
    """A transfer to a supplier, against its invoices oldest due first; the same reference twice is
    one payment.  Returns what was applied to invoices.  `note` says who asked and who approved."""
    supplier_id, reference = check_supplier_payment(uow, supplier_id, amount, currency, reference)
    key = f"supplier_payment:{supplier_id}:{reference}"[:96]
    if uow.ledger.posted(key) is not None:
        return ZERO
    applied = uow.billing.pay_supplier_invoices(supplier_id, amount)
    lines = [dr(PAYABLE, amount, supplier_id), cr(BANK, amount)]
    description = f"Pago a proveedor {supplier_id} ({reference})" + (f" · {note}" if note else "")
    uow.ledger.post(entry(now, "supplier_payment", description, currency, lines, key=key, actor=actor))
    return applied


# -- reading the books --------------------------------------------------------------------------
def trial_balances(uow: BillingUnitOfWork) -> list[TrialBalance]:
    """One trial balance per currency the journal holds."""
    return [trial_balance(currency, sums) for currency, sums in sorted(uow.ledger.sums().items())]


def receivables(uow: BillingUnitOfWork, as_of: date, customer_id: str | None = None) -> list[Ageing]:
    """Per customer: what it owes by age (open invoices, credits not used), reconciled to the ledger."""
    balances = uow.ledger.party_balances(RECEIVABLE)
    items: dict[str, list[OpenItem]] = defaultdict(list)
    for doc in uow.billing.invoices(customer_id=customer_id, state=InvoiceState.OPEN, limit=100_000):
        sign = 1 if doc.kind is DocumentKind.INVOICE else -1
        items[doc.customer_id].append(
            OpenItem(
                doc.customer_id,
                doc.code,
                str(doc.kind),
                doc.issue_date,
                doc.due_date,
                doc.total,
                sign * doc.open_amount,
            )
        )
    parties = sorted((set(balances) | set(items)) if customer_id is None else {customer_id})
    return [
        age(p, items.get(p, []), balances.get(p, ZERO), as_of)
        for p in parties
        if balances.get(p) or items.get(p)
    ]


def payables(uow: BillingUnitOfWork, as_of: date) -> list[Ageing]:
    """Per supplier: what we owe by age, reconciled to the ledger (payables are credit balances)."""
    balances = {p: -b for p, b in uow.ledger.party_balances(PAYABLE).items()}
    items: dict[str, list[OpenItem]] = defaultdict(list)
    for row in uow.billing.supplier_invoices():
        total, paid = Decimal(str(row["total"])), Decimal(str(row["paid"]))
        left = total - paid - Decimal(str(row.get("credited") or 0))
        if left > 0:
            supplier = str(row["supplier_id"])
            issued, due = row["issue_date"], row["due_date"]
            assert isinstance(issued, date) and isinstance(due, date)
            items[supplier].append(
                OpenItem(supplier, str(row["number"]), "supplier_invoice", issued, due, total, left)
            )
    for row in uow.billing.supplier_credit_notes():  # credit not applied to any invoice: owed to us
        total, applied = Decimal(str(row["total"])), Decimal(str(row["applied"]))
        if total > applied:
            supplier, issued = str(row["supplier_id"]), row["issue_date"]
            assert isinstance(issued, date)
            items[supplier].append(
                OpenItem(
                    supplier, str(row["number"]), "supplier_credit", issued, issued, total, applied - total
                )
            )
    return [
        age(p, items.get(p, []), balances.get(p, ZERO), as_of) for p in sorted(set(balances) | set(items))
    ]


def statement(uow: BillingUnitOfWork, customer_id: str, start: date, end: date) -> Statement:
    """A customer's account between two days: the opening balance, each posting, the closing balance
    and what is owed by age at the end."""
    if uow.master.customer(customer_id) is None and not uow.ledger.party_balances(RECEIVABLE).get(
        customer_id
    ):
        raise NotFound(f"customer {customer_id} has no account with us")
    opening = uow.ledger.balance(RECEIVABLE, customer_id, before=start)
    lines = []
    for row in uow.ledger.party_lines(RECEIVABLE, customer_id, start, end):
        document, kind = _what(uow, str(row["key"] or ""), str(row["source"]))
        day = row["day"]
        assert isinstance(day, date)
        lines.append(
            StatementLine(day, document, kind, Decimal(str(row["debit"])), Decimal(str(row["credit"])))
        )
    account = uow.billing.account(customer_id)
    [ageing] = receivables(uow, end, customer_id) or [age(customer_id, [], ZERO, end)]
    return Statement(
        customer_id,
        account.currency if account else "EUR",
        start,
        end,
        opening,
        running(opening, lines),
        ageing,
    )


def _what(uow: BillingUnitOfWork, key: str, source: str) -> tuple[str, str]:
    """The document number and kind behind a journal entry's key."""
    kind, _, ref = key.partition(":")
    if kind in ("invoice", "credit_note", "write_off") and ref.isdigit():
        doc = uow.billing.invoice(int(ref))
        return (doc.code if doc else ref), kind
    if kind == "txn" and ref.isdigit():
        txn = uow.billing.transaction(int(ref))
        if txn is not None:
            return (txn.reference or f"#{txn.id}"), str(txn.kind)
    return ref, source
