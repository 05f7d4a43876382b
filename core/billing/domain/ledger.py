"""The books: a chart of accounts, balanced journal entries, and the entry each business event posts.

Every journal entry balances: `JournalEntry` refuses to exist otherwise (`UnbalancedEntry`), and the
database refuses to commit one that does not (a deferred constraint trigger on PostgreSQL; on
SQLite the lines go in first and the entry's header last, checked as it goes in).  Entries are never
changed or deleted; a mistake is put right by another entry.

Accounts follow the Spanish chart (Plan General de Contabilidad) where one fits.  Receivables (430) and
payables (400) carry the customer or supplier as `party`, so the same lines are the customer and
supplier sub-ledgers.  Stock is valued at the product's standard cost.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from core.billing.domain.invoicing import DocumentKind, Invoice, LineKind
from core.billing.domain.payments import PaymentTransaction, TransactionKind
from core.fulfilment.domain.stock import MovementKind, StockMovement
from core.kernel.domain.money import ZERO, is_rounded, round_money
from core.kernel.errors import UnbalancedEntry


class AccountType(enum.StrEnum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"


@dataclass(frozen=True)
class Account:
    code: str
    name_es: str
    name_en: str
    type: AccountType


INVENTORY, GRNI, PAYABLE, RECEIVABLE = "300", "4009", "400", "430"
INPUT_VAT, OUTPUT_VAT, BANK, CARD_CLEARING = "472", "477", "572", "5729"
COGS, BAD_DEBTS, STOCK_DIFFERENCES, WRITE_OFFS = "610", "650", "659", "678"
SALES, SHIPPING_INCOME, SALES_RETURNS = "700", "705", "708"
SALES_DISCOUNTS = "706"  # promotions' allowances on invoices (core.catalog.domain.promotions)

A = AccountType
CHART: dict[str, Account] = {
    a.code: a
    for a in (
        Account(INVENTORY, "Mercaderías", "Inventory", A.ASSET),
        Account(PAYABLE, "Proveedores", "Accounts payable", A.LIABILITY),
        Account(
            GRNI, "Proveedores, facturas pendientes de recibir", "Goods received not invoiced", A.LIABILITY
        ),
        Account(RECEIVABLE, "Clientes", "Accounts receivable", A.ASSET),
        Account(INPUT_VAT, "H.P. IVA soportado", "Input VAT", A.ASSET),
        Account(OUTPUT_VAT, "H.P. IVA repercutido", "Output VAT", A.LIABILITY),
        Account(BANK, "Bancos", "Bank", A.ASSET),
        Account(CARD_CLEARING, "Pasarela de pago (tarjetas)", "Card processor clearing", A.ASSET),
        Account(COGS, "Coste de las mercaderías vendidas", "Cost of goods sold", A.EXPENSE),
        Account(BAD_DEBTS, "Pérdidas de créditos comerciales", "Bad debts written off", A.EXPENSE),
        Account(STOCK_DIFFERENCES, "Diferencias de inventario", "Stock count differences", A.EXPENSE),
        Account(WRITE_OFFS, "Mercaderías dadas de baja", "Goods scrapped", A.EXPENSE),
        Account(SALES, "Ventas de mercaderías", "Sales of goods", A.INCOME),
        Account(SHIPPING_INCOME, "Prestaciones de servicios (portes)", "Carriage charged", A.INCOME),
        Account(SALES_RETURNS, "Devoluciones de ventas", "Sales returns", A.INCOME),
        Account(SALES_DISCOUNTS, "Descuentos sobre ventas (promociones)", "Sales discounts", A.INCOME),
    )
}


@dataclass(frozen=True)
class JournalLine:
    account: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    party: str | None = None  # the customer (430) or supplier (400)


def dr(account: str, amount: Decimal, party: str | None = None) -> JournalLine:
    return JournalLine(account, debit=amount, party=party)


def cr(account: str, amount: Decimal, party: str | None = None) -> JournalLine:
    return JournalLine(account, credit=amount, party=party)


@dataclass(frozen=True)
class JournalEntry:
    """One balanced posting: when, why (`source`, `key`), in which currency, and its lines."""

    at: datetime
    source: str  # invoice | credit_note | capture | refund | receipt | payout | stock | supplier_invoice | …
    description: str
    currency: str
    lines: tuple[JournalLine, ...]
    key: str | None = None  # unique per business event, so the same event never posts twice
    actor: str = "system"
    id: int | None = None

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("journal entries are dated in aware UTC")
        if len(self.lines) < 2:
            raise UnbalancedEntry(f"{self.description}: an entry needs at least two lines")
        for line in self.lines:
            if line.account not in CHART:
                raise UnbalancedEntry(f"{self.description}: no account {line.account} in the chart")
            if line.debit < 0 or line.credit < 0 or (line.debit == 0) == (line.credit == 0):
                raise UnbalancedEntry(f"{self.description}: each line is a positive debit or a credit")
            if not (is_rounded(line.debit, self.currency) and is_rounded(line.credit, self.currency)):
                raise UnbalancedEntry(f"{self.description}: amounts are posted in whole cents")
        if self.debit != self.credit:
            raise UnbalancedEntry(f"{self.description}: debit {self.debit} ≠ credit {self.credit}")

    @property
    def debit(self) -> Decimal:
        return sum((line.debit for line in self.lines), ZERO)

    @property
    def credit(self) -> Decimal:
        return sum((line.credit for line in self.lines), ZERO)

    @property
    def day(self) -> date:
        return self.at.date()


def entry(
    at: datetime,
    source: str,
    description: str,
    currency: str,
    lines: Iterable[JournalLine],
    *,
    key: str | None = None,
    actor: str = "system",
) -> JournalEntry:
    """An entry of the lines with an amount (zero lines, such as no carriage charged, are left out)."""
    kept = tuple(line for line in lines if line.debit or line.credit)
    return JournalEntry(at, source, description, currency, kept, key=key, actor=actor)


def document_entry(document: Invoice, actor: str = "system") -> JournalEntry:
    """An invoice: the customer owes the gross; sales (before promotions), carriage and output VAT are
    credited, and what promotions took off is debited to sales discounts. A credit note: the same,
    reversed onto sales returns."""
    party, discounts, carriage = (
        document.customer_id,
        document.discount_total,
        document.net_of(LineKind.SHIPPING),
    )
    goods = document.net_of(LineKind.GOODS) + discounts
    if document.kind is DocumentKind.INVOICE:
        lines = [
            dr(RECEIVABLE, document.total, party),
            dr(SALES_DISCOUNTS, discounts),
            cr(SALES, goods),
            cr(SHIPPING_INCOME, carriage),
            cr(OUTPUT_VAT, document.tax_total),
        ]
        source, what = "invoice", "Factura"
    else:
        lines = [
            dr(SALES_RETURNS, goods),
            cr(SALES_DISCOUNTS, discounts),
            dr(SHIPPING_INCOME, carriage),
            dr(OUTPUT_VAT, document.tax_total),
            cr(RECEIVABLE, document.total, party),
        ]
        source, what = "credit_note", "Factura rectificativa"
    return entry(
        document.issued_at,
        source,
        f"{what} {document.code} · {party} · pedido {document.order_id}",
        document.currency,
        lines,
        key=f"{source}:{document.id}",
        actor=actor,
    )


_MONEY_ACCOUNTS = {
    TransactionKind.CAPTURE: (CARD_CLEARING, RECEIVABLE, "Cobro con tarjeta"),
    TransactionKind.RECEIPT: (BANK, RECEIVABLE, "Cobro por transferencia"),
    TransactionKind.REFUND: (RECEIVABLE, CARD_CLEARING, "Devolución a tarjeta"),
    TransactionKind.PAYOUT: (RECEIVABLE, BANK, "Devolución por transferencia"),
}


def transaction_entry(txn: PaymentTransaction, at: datetime) -> JournalEntry | None:
    """Money that moved: a capture or a transfer in settles receivables, a refund or payout reopens
    them.  An authorisation or a void moves no money and posts nothing."""
    if txn.kind not in _MONEY_ACCOUNTS or txn.amount == 0:
        return None
    debit, credit, what = _MONEY_ACCOUNTS[txn.kind]
    party = txn.customer_id
    lines = [dr(debit, txn.amount, party if debit == RECEIVABLE else None)]
    lines.append(cr(credit, txn.amount, party if credit == RECEIVABLE else None))
    ref = f" ({txn.reference})" if txn.reference else ""
    return entry(
        at, str(txn.kind), f"{what} · {party}{ref}", txn.currency, lines, key=f"txn:{txn.id}", actor=txn.actor
    )


# (kind, goods coming in) -> (debit, credit)
_STOCK_ACCOUNTS: Mapping[tuple[MovementKind, bool], tuple[str, str]] = {
    (MovementKind.RECEIPT, True): (INVENTORY, GRNI),
    (MovementKind.SHIP, False): (COGS, INVENTORY),
    (MovementKind.RETURN, True): (INVENTORY, COGS),
    (MovementKind.SCRAP, False): (WRITE_OFFS, INVENTORY),
}


def stock_entry(movement: StockMovement, unit_cost: Decimal | None, currency: str) -> JournalEntry | None:
    """The value of a movement of goods at standard cost (rounded here), or None when it moves no
    value: a reservation changes nothing on hand, and a product without a cost has no value."""
    if movement.on_hand_delta == 0 or not unit_cost or movement.kind is MovementKind.TRANSFER:
        return None  # a transfer between places keeps its value in inventory
    value = round_money(abs(movement.on_hand_delta) * unit_cost, currency)
    if value == 0:
        return None
    inward = movement.on_hand_delta > 0
    fallback = (INVENTORY, STOCK_DIFFERENCES) if inward else (STOCK_DIFFERENCES, INVENTORY)
    debit, credit = _STOCK_ACCOUNTS.get((movement.kind, inward), fallback)
    where = f"{movement.warehouse}/{movement.location}"
    about = f" · {movement.reference}" if movement.reference else ""
    return entry(
        movement.at,
        "stock",
        f"{movement.kind} {movement.on_hand_delta:+} {movement.sku} @ {unit_cost} · {where}{about}",
        currency,
        [dr(debit, value), cr(credit, value)],
        actor=movement.actor,
    )


@dataclass(frozen=True)
class TrialBalanceRow:
    account: Account
    debit: Decimal
    credit: Decimal

    @property
    def balance(self) -> Decimal:
        return self.debit - self.credit


@dataclass(frozen=True)
class TrialBalance:
    currency: str
    rows: tuple[TrialBalanceRow, ...]

    @property
    def debit(self) -> Decimal:
        return sum((r.debit for r in self.rows), ZERO)

    @property
    def credit(self) -> Decimal:
        return sum((r.credit for r in self.rows), ZERO)

    @property
    def difference(self) -> Decimal:
        """Zero when the books balance: the sum of every account's balance."""
        return self.debit - self.credit


def trial_balance(currency: str, sums: Mapping[str, tuple[Decimal, Decimal]]) -> TrialBalance:
    rows = tuple(
        TrialBalanceRow(CHART[code], debit, credit) for code, (debit, credit) in sorted(sums.items())
    )
    return TrialBalance(currency, rows)
