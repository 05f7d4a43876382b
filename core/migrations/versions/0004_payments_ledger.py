"""Payments, invoices, returns and the books: customer accounts (payment terms), card payments and their
processor calls, credit overrides, invoice series and invoices with their lines and settlements,
returns, the chart of accounts and the journal, supplier invoices, billing notices; products gain an
optional standard cost and VAT class.

Money is BIGINT cents (core.billing.adapters.orm.Cents).  The database refuses an unbalanced journal
entry: on PostgreSQL a deferred constraint trigger checks every entry at commit; on SQLite an entry's
lines go in before its header, the header is checked as it goes in, and no line can be added after
it (the lines' foreign key to the header is deferred, so a line without a header fails the commit).
On both, entries and lines can be neither updated nor deleted.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 10:00:00.000000
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import ExactDecimal, UTCDateTime


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ACCOUNTS = [
    ("300", "Mercaderías", "Inventory", "asset"),
    ("400", "Proveedores", "Accounts payable", "liability"),
    ("4009", "Proveedores, facturas pendientes de recibir", "Goods received not invoiced", "liability"),
    ("430", "Clientes", "Accounts receivable", "asset"),
    ("472", "H.P. IVA soportado", "Input VAT", "asset"),
    ("477", "H.P. IVA repercutido", "Output VAT", "liability"),
    ("572", "Bancos", "Bank", "asset"),
    ("5729", "Pasarela de pago (tarjetas)", "Card processor clearing", "asset"),
    ("610", "Coste de las mercaderías vendidas", "Cost of goods sold", "expense"),
    ("650", "Pérdidas de créditos comerciales", "Bad debts written off", "expense"),
    ("659", "Diferencias de inventario", "Stock count differences", "expense"),
    ("678", "Mercaderías dadas de baja", "Goods scrapped", "expense"),
    ("700", "Ventas de mercaderías", "Sales of goods", "income"),
    ("705", "Prestaciones de servicios (portes)", "Carriage charged", "income"),
    ("708", "Devoluciones de ventas", "Sales returns", "income"),
]

BALANCED_PG = """
CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entry integer;
    debits bigint;
    credits bigint;
    lines integer;
BEGIN
    IF TG_TABLE_NAME = 'journal_entries' THEN entry := NEW.id; ELSE entry := NEW.entry_id; END IF;
    SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*)
      INTO debits, credits, lines FROM journal_lines WHERE entry_id = entry;
    IF lines < 2 OR debits <> credits OR debits = 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance: debit %, credit % (cents), % line(s)',
            entry, debits, credits, lines USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();
CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER journal_lines_append_only BEFORE UPDATE OR DELETE ON journal_lines
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
"""
BALANCED_SQLITE = (
    """CREATE TRIGGER journal_entries_balanced BEFORE INSERT ON journal_entries
    WHEN (SELECT count(*) FROM journal_lines WHERE entry_id = NEW.id) < 2
      OR (SELECT sum(debit) FROM journal_lines WHERE entry_id = NEW.id)
         <> (SELECT sum(credit) FROM journal_lines WHERE entry_id = NEW.id)
      OR (SELECT sum(debit) FROM journal_lines WHERE entry_id = NEW.id) = 0
    BEGIN SELECT RAISE(ABORT, 'journal entry does not balance'); END""",
    """CREATE TRIGGER journal_lines_closed BEFORE INSERT ON journal_lines
    WHEN EXISTS (SELECT 1 FROM journal_entries WHERE id = NEW.entry_id)
    BEGIN SELECT RAISE(ABORT, 'journal entry is posted: no line can be added to it'); END""",
    "CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries"
    " BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE refused'); END",
    "CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries"
    " BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE refused'); END",
    "CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines"
    " BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE refused'); END",
    "CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines"
    " BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE refused'); END",
)


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cost_price", ExactDecimal(), nullable=True))
        batch_op.add_column(sa.Column("vat_class", sa.String(length=16), nullable=True))

    op.create_table("customer_accounts",
    sa.Column("customer_id", sa.String(length=64), nullable=False),
    sa.Column("method", sa.String(length=24), nullable=False),
    sa.Column("terms_days", sa.Integer(), nullable=False),
    sa.Column("credit_limit", sa.BigInteger(), nullable=True),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("vat_number", sa.String(length=32), nullable=True),
    sa.Column("card_token", sa.String(length=64), nullable=True),
    sa.Column("card_brand", sa.String(length=16), nullable=True),
    sa.Column("card_last4", sa.String(length=4), nullable=True),
    sa.ForeignKeyConstraint(["customer_id"], ["customers.customer_id"], name=op.f("fk_customer_accounts_customer_id_customers")),
    sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_accounts"))
    )
    op.create_table("invoice_series",
    sa.Column("series", sa.String(length=4), nullable=False),
    sa.Column("year", sa.Integer(), nullable=False),
    sa.Column("next_number", sa.Integer(), nullable=False),
    sa.CheckConstraint("next_number >= 1", name=op.f("ck_invoice_series_next_number_positive")),
    sa.PrimaryKeyConstraint("series", "year", name="pk_invoice_series")
    )
    op.create_table("returns",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("customer_id", sa.String(length=64), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("resolution", sa.String(length=24), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=64), nullable=False),
    sa.Column("received_at", UTCDateTime(), nullable=True),
    sa.Column("settled_at", UTCDateTime(), nullable=True),
    sa.Column("credit_note_id", sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_returns_order_id_orders")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_returns"))
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_state"), ["state"], unique=False)

    op.create_table("return_lines",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("return_id", sa.Integer(), nullable=False),
    sa.Column("order_line_id", sa.Integer(), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("sku", sa.String(length=64), nullable=False),
    sa.Column("description", sa.String(length=512), nullable=True),
    sa.Column("quantity", sa.BigInteger(), nullable=False),
    sa.Column("received", sa.BigInteger(), nullable=False),
    sa.Column("restocked", sa.BigInteger(), nullable=False),
    sa.Column("scrapped", sa.BigInteger(), nullable=False),
    sa.CheckConstraint("received <= quantity AND restocked + scrapped = received", name=op.f("ck_return_lines_received_adds_up")),
    sa.ForeignKeyConstraint(["order_line_id"], ["order_lines.id"], name=op.f("fk_return_lines_order_line_id_order_lines")),
    sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_return_lines_return_id_returns")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines"))
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_lines_return_id"), ["return_id"], unique=False)

    op.create_table("invoices",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("kind", sa.String(length=24), nullable=False),
    sa.Column("series", sa.String(length=4), nullable=False),
    sa.Column("year", sa.Integer(), nullable=False),
    sa.Column("number", sa.Integer(), nullable=False),
    sa.Column("issued_at", UTCDateTime(), nullable=False),
    sa.Column("issue_date", sa.Date(), nullable=False),
    sa.Column("due_date", sa.Date(), nullable=False),
    sa.Column("customer_id", sa.String(length=64), nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("regime", sa.String(length=16), nullable=False),
    sa.Column("language", sa.String(length=8), nullable=False),
    sa.Column("net_total", sa.BigInteger(), nullable=False),
    sa.Column("tax_total", sa.BigInteger(), nullable=False),
    sa.Column("total", sa.BigInteger(), nullable=False),
    sa.Column("paid", sa.BigInteger(), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("bill_to", sa.JSON(), nullable=False),
    sa.Column("taxes", sa.JSON(), nullable=False),
    sa.Column("notes", sa.JSON(), nullable=False),
    sa.Column("shipment_id", sa.Integer(), nullable=True),
    sa.Column("return_id", sa.Integer(), nullable=True),
    sa.Column("corrects_id", sa.Integer(), nullable=True),
    sa.Column("reason", sa.Text(), nullable=True),
    sa.CheckConstraint("paid >= 0 AND paid <= total", name=op.f("ck_invoices_paid_within_total")),
    sa.ForeignKeyConstraint(["corrects_id"], ["invoices.id"], name=op.f("fk_invoices_corrects_id_invoices")),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_invoices_order_id_orders")),
    sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_invoices_return_id_returns")),
    sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], name=op.f("fk_invoices_shipment_id_shipments")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
    sa.UniqueConstraint("series", "year", "number", name="uq_invoices_series_year_number"),
    sa.UniqueConstraint("shipment_id", name=op.f("uq_invoices_shipment_id")),
    sa.UniqueConstraint("return_id", name=op.f("uq_invoices_return_id"))
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoices_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_state"), ["state"], unique=False)

    op.create_table("invoice_lines",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("invoice_id", sa.Integer(), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(length=24), nullable=False),
    sa.Column("description", sa.String(length=512), nullable=False),
    sa.Column("quantity", sa.BigInteger(), nullable=False),
    sa.Column("unit_price", ExactDecimal(), nullable=False),
    sa.Column("net", sa.BigInteger(), nullable=False),
    sa.Column("vat_rate", ExactDecimal(), nullable=False),
    sa.Column("vat_category", sa.String(length=3), nullable=False),
    sa.Column("sku", sa.String(length=64), nullable=True),
    sa.Column("gtin", sa.String(length=14), nullable=True),
    sa.Column("unit", sa.String(length=16), nullable=True),
    sa.Column("order_line_id", sa.Integer(), nullable=True),
    sa.Column("line_no", sa.String(length=16), nullable=True),
    sa.Column("buyer_item_code", sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_lines_invoice_id_invoices")),
    sa.ForeignKeyConstraint(["order_line_id"], ["order_lines.id"], name=op.f("fk_invoice_lines_order_line_id_order_lines")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines"))
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_lines_invoice_id"), ["invoice_id"], unique=False)

    op.create_table("payments",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("customer_id", sa.String(length=64), nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("amount", sa.BigInteger(), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("authorised", sa.BigInteger(), nullable=False),
    sa.Column("captured", sa.BigInteger(), nullable=False),
    sa.Column("refunded", sa.BigInteger(), nullable=False),
    sa.Column("token", sa.String(length=64), nullable=True),
    sa.Column("card_last4", sa.String(length=4), nullable=True),
    sa.Column("reference", sa.String(length=64), nullable=True),
    sa.Column("attempt", sa.Integer(), nullable=False),
    sa.Column("decline_code", sa.String(length=32), nullable=True),
    sa.Column("message", sa.Text(), nullable=True),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=True),
    sa.CheckConstraint("captured <= authorised AND refunded <= captured", name=op.f("ck_payments_amounts_in_order")),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_payments_order_id_orders")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    sa.UniqueConstraint("order_id", name=op.f("uq_payments_order_id"))
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_state"), ["state"], unique=False)

    op.create_table("payment_transactions",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("kind", sa.String(length=24), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("customer_id", sa.String(length=64), nullable=False),
    sa.Column("amount", sa.BigInteger(), nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("idempotency_key", sa.String(length=96), nullable=False),
    sa.Column("payment_id", sa.Integer(), nullable=True),
    sa.Column("invoice_id", sa.Integer(), nullable=True),
    sa.Column("final", sa.Boolean(), nullable=False),
    sa.Column("reference", sa.String(length=96), nullable=True),
    sa.Column("decline_code", sa.String(length=32), nullable=True),
    sa.Column("message", sa.Text(), nullable=True),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("actor", sa.String(length=64), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("done_at", UTCDateTime(), nullable=True),
    sa.CheckConstraint("amount >= 0", name=op.f("ck_payment_transactions_amount_not_negative")),
    sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_payment_transactions_invoice_id_invoices")),
    sa.ForeignKeyConstraint(["payment_id"], ["payments.id"], name=op.f("fk_payment_transactions_payment_id_payments")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_transactions")),
    sa.UniqueConstraint("idempotency_key", name=op.f("uq_payment_transactions_idempotency_key")),
    sa.UniqueConstraint("kind", "invoice_id", name="uq_payment_transactions_kind_invoice")
    )
    with op.batch_alter_table("payment_transactions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_transactions_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_transactions_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_transactions_payment_id"), ["payment_id"], unique=False)

    op.create_table("settlements",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("invoice_id", sa.Integer(), nullable=False),
    sa.Column("amount", sa.BigInteger(), nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("source", sa.String(length=16), nullable=False),
    sa.Column("transaction_id", sa.Integer(), nullable=True),
    sa.Column("credit_note_id", sa.Integer(), nullable=True),
    sa.CheckConstraint("amount > 0", name=op.f("ck_settlements_amount_positive")),
    sa.ForeignKeyConstraint(["credit_note_id"], ["invoices.id"], name=op.f("fk_settlements_credit_note_id_invoices")),
    sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_settlements_invoice_id_invoices")),
    sa.ForeignKeyConstraint(["transaction_id"], ["payment_transactions.id"], name=op.f("fk_settlements_transaction_id_payment_transactions")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_settlements"))
    )
    with op.batch_alter_table("settlements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_settlements_invoice_id"), ["invoice_id"], unique=False)

    op.create_table("credit_overrides",
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("by", sa.String(length=64), nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("exposure", sa.BigInteger(), nullable=False),
    sa.Column("limit", sa.BigInteger(), nullable=False),
    sa.Column("note", sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_credit_overrides_order_id_orders")),
    sa.PrimaryKeyConstraint("order_id", name=op.f("pk_credit_overrides"))
    )
    accounts = op.create_table("ledger_accounts",
    sa.Column("code", sa.String(length=8), nullable=False),
    sa.Column("name_es", sa.String(length=128), nullable=False),
    sa.Column("name_en", sa.String(length=128), nullable=False),
    sa.Column("type", sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint("code", name=op.f("pk_ledger_accounts"))
    )
    op.bulk_insert(accounts, [dict(zip(("code", "name_es", "name_en", "type"), a)) for a in ACCOUNTS])
    op.create_table("journal_entries",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("day", sa.Date(), nullable=False),
    sa.Column("source", sa.String(length=24), nullable=False),
    sa.Column("key", sa.String(length=96), nullable=True),
    sa.Column("description", sa.String(length=512), nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("actor", sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entries")),
    sa.UniqueConstraint("key", name=op.f("uq_journal_entries_key"))
    )
    with op.batch_alter_table("journal_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_entries_day"), ["day"], unique=False)

    op.create_table("journal_lines",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("entry_id", sa.Integer(), nullable=False),
    sa.Column("account", sa.String(length=8), nullable=False),
    sa.Column("party", sa.String(length=64), nullable=True),
    sa.Column("debit", sa.BigInteger(), nullable=False),
    sa.Column("credit", sa.BigInteger(), nullable=False),
    sa.CheckConstraint("(debit > 0 AND credit = 0) OR (credit > 0 AND debit = 0)", name=op.f("ck_journal_lines_one_side_positive")),
    sa.ForeignKeyConstraint(["account"], ["ledger_accounts.code"], name=op.f("fk_journal_lines_account_ledger_accounts")),
    sa.ForeignKeyConstraint(["entry_id"], ["journal_entries.id"], name=op.f("fk_journal_lines_entry_id_journal_entries"), deferrable=True, initially="DEFERRED"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_lines"))
    )
    with op.batch_alter_table("journal_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_lines_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_journal_lines_account"), ["account"], unique=False)
        batch_op.create_index(batch_op.f("ix_journal_lines_party"), ["party"], unique=False)

    op.create_table("supplier_invoices",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("supplier_id", sa.String(length=64), nullable=False),
    sa.Column("number", sa.String(length=64), nullable=False),
    sa.Column("issue_date", sa.Date(), nullable=False),
    sa.Column("due_date", sa.Date(), nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("net", sa.BigInteger(), nullable=False),
    sa.Column("tax", sa.BigInteger(), nullable=False),
    sa.Column("total", sa.BigInteger(), nullable=False),
    sa.Column("paid", sa.BigInteger(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.CheckConstraint("paid >= 0 AND paid <= total", name=op.f("ck_supplier_invoices_paid_within_total")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_invoices")),
    sa.UniqueConstraint("supplier_id", "number", name="uq_supplier_invoices_supplier_number")
    )
    with op.batch_alter_table("supplier_invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supplier_invoices_supplier_id"), ["supplier_id"], unique=False)

    op.create_table("billing_notices",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(length=24), nullable=False),
    sa.Column("key", sa.String(length=128), nullable=False),
    sa.Column("channel", sa.String(length=16), nullable=False),
    sa.Column("recipient", sa.String(length=320), nullable=True),
    sa.Column("language", sa.String(length=8), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("detail", sa.JSON(), nullable=False),
    sa.Column("invoice_id", sa.Integer(), nullable=True),
    sa.Column("return_id", sa.Integer(), nullable=True),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("error", sa.Text(), nullable=True),
    sa.Column("outbound_id", sa.Integer(), nullable=True),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("queued_at", UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"], name=op.f("fk_billing_notices_invoice_id_invoices")),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_billing_notices_order_id_orders")),
    sa.ForeignKeyConstraint(["outbound_id"], ["outbound_messages.id"], name=op.f("fk_billing_notices_outbound_id_outbound_messages")),
    sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_billing_notices_return_id_returns")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_notices")),
    sa.UniqueConstraint("key", name=op.f("uq_billing_notices_key"))
    )
    with op.batch_alter_table("billing_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_billing_notices_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_billing_notices_state"), ["state"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(BALANCED_PG)
    elif dialect == "sqlite":
        for statement in BALANCED_SQLITE:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table, trigger in (
            ("journal_lines", "journal_lines_balanced"),
            ("journal_entries", "journal_entries_balanced"),
            ("journal_entries", "journal_entries_append_only"),
            ("journal_lines", "journal_lines_append_only"),
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS journal_entry_balanced()")
        op.execute("DROP FUNCTION IF EXISTS journal_append_only()")
    elif dialect == "sqlite":
        for trigger in (
            "journal_entries_balanced",
            "journal_lines_closed",
            "journal_entries_no_update",
            "journal_entries_no_delete",
            "journal_lines_no_update",
            "journal_lines_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in (
        "billing_notices",
        "supplier_invoices",
        "journal_lines",
        "journal_entries",
        "ledger_accounts",
        "credit_overrides",
        "settlements",
        "payment_transactions",
        "payments",
        "invoice_lines",
        "invoices",
        "return_lines",
        "returns",
        "invoice_series",
        "customer_accounts",
    ):
        op.drop_table(table)
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("vat_class")
        batch_op.drop_column("cost_price")
