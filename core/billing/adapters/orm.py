"""Tables of payments, invoices, returns and the books, and the mapping of their domain classes.

Money in these tables is stored as whole cents in BIGINT columns (`Cents`), so that the databases
add it up exactly (SQLite's NUMERIC is a float); a finer amount is refused, never rounded.  Journal
entries and lines are written with Core statements by `repository_ledger`, not mapped: their lines
must reach the database before their header (see `core.billing.domain.ledger`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import relationship
from sqlalchemy.types import TypeDecorator

from core.billing.domain.approvals import ApprovalState, MoneyApproval, MoneyStep
from core.billing.domain.invoicing import (
    DocumentKind,
    Invoice,
    InvoiceLine,
    InvoiceState,
    LineKind,
    Settlement,
)
from core.billing.domain.notices import BillingNotice, BillingNoticeKind
from core.billing.domain.payments import (
    CreditOverride,
    CustomerAccount,
    Payment,
    PaymentMethod,
    PaymentState,
    PaymentTransaction,
    TransactionKind,
    TransactionState,
)
from core.billing.domain.returns import Resolution, ReturnLine, ReturnRequest, ReturnState
from core.kernel.adapters.orm import mapper_registry, metadata, notice_table
from core.kernel.adapters.types import ExactDecimal, Quantity, UTCDateTime, stored_enum
from core.kernel.domain.money import from_minor, to_minor


class Cents(TypeDecorator[Decimal]):
    """A Decimal amount stored as a whole number of cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        return None if value is None else to_minor(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_minor(int(value))


customer_accounts = Table(
    "customer_accounts",
    metadata,
    Column("customer_id", String(64), ForeignKey("customers.customer_id"), primary_key=True),
    Column("method", stored_enum(PaymentMethod), nullable=False),
    Column("terms_days", Integer, nullable=False),
    Column("credit_limit", Cents()),
    Column("currency", String(3), nullable=False),
    Column("vat_number", String(32)),
    Column("card_token", String(64)),
    Column("card_brand", String(16)),
    Column("card_last4", String(4)),
)

invoice_series = Table(
    "invoice_series",
    metadata,
    Column("series", String(4), nullable=False),
    Column("year", Integer, nullable=False),
    Column("next_number", Integer, nullable=False),
    PrimaryKeyConstraint("series", "year", name="pk_invoice_series"),
    CheckConstraint("next_number >= 1", name="next_number_positive"),
)

invoices = Table(
    "invoices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", stored_enum(DocumentKind), nullable=False),
    Column("series", String(4), nullable=False),
    Column("year", Integer, nullable=False),
    Column("number", Integer, nullable=False),
    Column("issued_at", UTCDateTime, nullable=False),
    Column("issue_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
    Column("currency", String(3), nullable=False),
    Column("regime", String(16), nullable=False),
    Column("language", String(8), nullable=False),
    Column("net_total", Cents(), nullable=False),
    Column("tax_total", Cents(), nullable=False),
    Column("total", Cents(), nullable=False),
    Column("paid", Cents(), nullable=False),
    Column("state", stored_enum(InvoiceState), nullable=False, index=True),
    Column("bill_to", JSON, nullable=False, default=dict),
    Column("taxes", JSON, nullable=False, default=list),
    Column("notes", JSON, nullable=False, default=list),
    Column("shipment_id", Integer, ForeignKey("shipments.id"), unique=True),
    Column("return_id", Integer, ForeignKey("returns.id"), unique=True),
    Column("corrects_id", Integer, ForeignKey("invoices.id")),
    Column("reason", Text),
    UniqueConstraint("series", "year", "number", name="uq_invoices_series_year_number"),
    CheckConstraint("paid >= 0 AND paid <= total", name="paid_within_total"),
)

invoice_lines = Table(
    "invoice_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("kind", stored_enum(LineKind), nullable=False),
    Column("description", String(512), nullable=False),
    Column("quantity", Quantity(), nullable=False),
    Column("unit_price", ExactDecimal(), nullable=False),
    Column("net", Cents(), nullable=False),
    Column("vat_rate", ExactDecimal(), nullable=False),
    Column("vat_category", String(3), nullable=False),
    Column("sku", String(64)),
    Column("gtin", String(14)),
    Column("unit", String(16)),
    Column("order_line_id", Integer, ForeignKey("order_lines.id")),
    Column("line_no", String(16)),
    Column("buyer_item_code", String(64)),
    Column("discount", Cents()),  # what a promotion took off quantity × unit price; `net` is after it
    Column("promotion", String(256)),
)

settlements = Table(
    "settlements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=False, index=True),
    Column("amount", Cents(), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("source", String(16), nullable=False),
    Column("transaction_id", Integer, ForeignKey("payment_transactions.id")),
    Column("credit_note_id", Integer, ForeignKey("invoices.id")),
    CheckConstraint("amount > 0", name="amount_positive"),
)

payments = Table(
    "payments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, unique=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("currency", String(3), nullable=False),
    Column("amount", Cents(), nullable=False),
    Column("state", stored_enum(PaymentState), nullable=False, index=True),
    Column("authorised", Cents(), nullable=False),
    Column("captured", Cents(), nullable=False),
    Column("refunded", Cents(), nullable=False),
    Column("token", String(64)),
    Column("card_last4", String(4)),
    Column("reference", String(64)),
    Column("attempt", Integer, nullable=False),
    Column("decline_code", String(32)),
    Column("message", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime),
    CheckConstraint("captured <= authorised AND refunded <= captured", name="amounts_in_order"),
)

payment_transactions = Table(
    "payment_transactions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", stored_enum(TransactionKind), nullable=False),
    Column("state", stored_enum(TransactionState), nullable=False, index=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("amount", Cents(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("idempotency_key", String(96), nullable=False, unique=True),
    Column("payment_id", Integer, ForeignKey("payments.id"), index=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id")),
    Column("final", Boolean, nullable=False, default=False),
    Column("reference", String(96)),
    Column("decline_code", String(32)),
    Column("message", Text),
    Column("attempts", Integer, nullable=False, default=0),
    Column("actor", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("done_at", UTCDateTime),
    # one capture per invoice, one refund or payout per credit note
    UniqueConstraint("kind", "invoice_id", name="uq_payment_transactions_kind_invoice"),
    CheckConstraint("amount >= 0", name="amount_not_negative"),
)

credit_overrides = Table(
    "credit_overrides",
    metadata,
    Column("order_id", Integer, ForeignKey("orders.id"), primary_key=True),
    Column("by", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("exposure", Cents(), nullable=False),
    Column("limit", Cents(), nullable=False),
    Column("note", Text, nullable=False, default=""),
)

money_approvals = Table(
    "money_approvals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("step", stored_enum(MoneyStep), nullable=False),
    Column("subject", String(96), nullable=False),
    Column("amount", Cents(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("requested_by", String(64), nullable=False),
    Column("requested_at", UTCDateTime, nullable=False),
    Column("detail", JSON, nullable=False, default=dict),
    Column("state", stored_enum(ApprovalState), nullable=False, index=True),
    Column("approved_by", String(64)),
    Column("approved_at", UTCDateTime),
)

returns = Table(
    "returns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("state", stored_enum(ReturnState), nullable=False, index=True),
    Column("resolution", stored_enum(Resolution), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("received_at", UTCDateTime),
    Column("settled_at", UTCDateTime),
    Column("credit_note_id", Integer),  # invoices.id; no foreign key: invoices refer to returns already
)

return_lines = Table(
    "return_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("return_id", Integer, ForeignKey("returns.id"), nullable=False, index=True),
    Column("order_line_id", Integer, ForeignKey("order_lines.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("sku", String(64), nullable=False),
    Column("description", String(512)),
    Column("quantity", Quantity(), nullable=False),
    Column("received", Quantity(), nullable=False),
    Column("restocked", Quantity(), nullable=False),
    Column("scrapped", Quantity(), nullable=False),
    CheckConstraint("received <= quantity AND restocked + scrapped = received", name="received_adds_up"),
)

ledger_accounts = Table(
    "ledger_accounts",
    metadata,
    Column("code", String(8), primary_key=True),
    Column("name_es", String(128), nullable=False),
    Column("name_en", String(128), nullable=False),
    Column("type", String(16), nullable=False),
)

journal_entries = Table(
    "journal_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("day", Date, nullable=False, index=True),
    Column("source", String(24), nullable=False),
    Column("key", String(96), unique=True),
    Column("description", String(512), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("actor", String(64), nullable=False),
)

journal_lines = Table(
    "journal_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "entry_id",
        Integer,
        ForeignKey("journal_entries.id", deferrable=True, initially="DEFERRED"),
        nullable=False,
        index=True,
    ),
    Column("account", String(8), ForeignKey("ledger_accounts.code"), nullable=False, index=True),
    Column("party", String(64), index=True),
    Column("debit", Cents(), nullable=False),
    Column("credit", Cents(), nullable=False),
    CheckConstraint("(debit > 0 AND credit = 0) OR (credit > 0 AND debit = 0)", name="one_side_positive"),
)

supplier_invoices = Table(
    "supplier_invoices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("supplier_id", String(64), nullable=False, index=True),
    Column("number", String(64), nullable=False),
    Column("issue_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("net", Cents(), nullable=False),
    Column("tax", Cents(), nullable=False),
    Column("total", Cents(), nullable=False),
    Column("paid", Cents(), nullable=False),
    # taken back by the supplier's credit notes (what is open: total - paid - credited)
    Column("credited", Cents(), nullable=False, default=0, server_default="0"),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("supplier_id", "number", name="uq_supplier_invoices_supplier_number"),
    CheckConstraint("paid >= 0 AND paid <= total", name="paid_within_total"),
)

# a supplier's credit note: what it takes back (net, VAT), the invoice it corrects, and how much of it
# was applied to that invoice (or, naming none, to the supplier's open invoices oldest due first);
# what is left over waits on the supplier's account, owed to us
supplier_credit_notes = Table(
    "supplier_credit_notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("supplier_id", String(64), nullable=False, index=True),
    Column("number", String(64), nullable=False),
    Column("corrects", String(64)),
    Column("issue_date", Date, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("net", Cents(), nullable=False),
    Column("tax", Cents(), nullable=False),
    Column("total", Cents(), nullable=False),
    Column("applied", Cents(), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("supplier_id", "number", name="uq_supplier_credit_notes_supplier_number"),
    CheckConstraint("applied >= 0 AND applied <= total", name="applied_within_total"),
)

billing_notices = notice_table(
    "billing_notices",
    BillingNoticeKind,
    Column("invoice_id", Integer, ForeignKey("invoices.id")),
    Column("return_id", Integer, ForeignKey("returns.id")),
)


def start_mappers() -> None:
    """Map the billing domain classes; called once by `core.orm.start_mappers`."""
    mapper_registry.map_imperatively(CustomerAccount, customer_accounts)
    mapper_registry.map_imperatively(InvoiceLine, invoice_lines)
    mapper_registry.map_imperatively(
        Invoice,
        invoices,
        properties={
            "lines": relationship(
                InvoiceLine, order_by=invoice_lines.c.position, cascade="all, delete-orphan", lazy="selectin"
            )
        },
    )
    mapper_registry.map_imperatively(Settlement, settlements)
    mapper_registry.map_imperatively(Payment, payments)
    mapper_registry.map_imperatively(PaymentTransaction, payment_transactions)
    mapper_registry.map_imperatively(CreditOverride, credit_overrides)
    mapper_registry.map_imperatively(MoneyApproval, money_approvals)
    mapper_registry.map_imperatively(ReturnLine, return_lines)
    mapper_registry.map_imperatively(
        ReturnRequest,
        returns,
        properties={
            "lines": relationship(
                ReturnLine, order_by=return_lines.c.position, cascade="all, delete-orphan", lazy="selectin"
            )
        },
    )
    mapper_registry.map_imperatively(BillingNotice, billing_notices)
