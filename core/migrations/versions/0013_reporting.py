"""Reporting: the daily and monthly summary, each order's last contribution to it, the order search index
(PostgreSQL: a tsvector per order kept by triggers, accents folded by unaccent where the server has
it), and indexes the order search filters on (a line's SKU, an order's arrival time and total).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 17:00:00
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import TSVECTOR

from core.kernel.adapters.types import UTCDateTime
from core.reporting.domain.facts import MEASURES as ALL_MEASURES

# the measures as this revision made them; later ones add their own (0021 the pickups and corrections)
MEASURES = ALL_MEASURES[: ALL_MEASURES.index("review_seconds") + 1]


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

NORMALISE_UNACCENT = """
CREATE OR REPLACE FUNCTION comanda_search_text(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))) $$
"""
NORMALISE_PLAIN = """
CREATE OR REPLACE FUNCTION comanda_search_text(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(coalesce(t, '')) $$
"""
# one order's searchable text: its header and every line's codes and description
REINDEX = """
CREATE OR REPLACE FUNCTION comanda_reindex_order(oid integer) RETURNS void LANGUAGE sql AS $$
INSERT INTO report_order_search (order_id, document)
SELECT o.id, to_tsvector('simple', comanda_search_text(concat_ws(' ',
       o.po_number, o.customer_id, o.buyer_name, o.ship_to_name, o.ship_to_city, o.channel,
       (SELECT string_agg(concat_ws(' ', l.sku, l.item_code, l.buyer_item_code, l.gtin, l.description), ' ')
          FROM order_lines l WHERE l.order_id = o.id))))
  FROM orders o WHERE o.id = oid
ON CONFLICT (order_id) DO UPDATE SET document = excluded.document
$$
"""
TRIGGERS = """
CREATE OR REPLACE FUNCTION comanda_order_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'orders' THEN
    IF TG_OP = 'DELETE' THEN
      DELETE FROM report_order_search WHERE order_id = OLD.id;
    ELSE
      PERFORM comanda_reindex_order(NEW.id);
    END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM comanda_reindex_order(OLD.order_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM comanda_reindex_order(NEW.order_id); END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comanda_orders_search AFTER INSERT OR DELETE
  OR UPDATE OF po_number, customer_id, buyer_name, ship_to_name, ship_to_city
  ON orders FOR EACH ROW EXECUTE FUNCTION comanda_order_search_trigger();
CREATE TRIGGER comanda_order_lines_search AFTER INSERT OR DELETE
  OR UPDATE OF sku, item_code, buyer_item_code, gtin, description
  ON order_lines FOR EACH ROW EXECUTE FUNCTION comanda_order_search_trigger();
"""


def upgrade() -> None:
    op.create_table(
        "report_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dim", sa.String(length=24), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        *(sa.Column(m, sa.BigInteger(), nullable=False, server_default="0") for m in MEASURES),
        sa.PrimaryKeyConstraint("day", "dim", "key", name="pk_report_daily"),
    )
    op.create_index("ix_report_daily_dim_day", "report_daily", ["dim", "day"])
    op.create_table(
        "report_monthly",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("dim", sa.String(length=24), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        *(sa.Column(m, sa.BigInteger(), nullable=False, server_default="0") for m in MEASURES),
        sa.PrimaryKeyConstraint("month", "dim", "key", name="pk_report_monthly"),
    )
    op.create_index("ix_report_monthly_dim_month", "report_monthly", ["dim", "month"])
    op.create_table(
        "report_order_facts",
        sa.Column("order_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("contribution", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("order_id", name="pk_report_order_facts"),
    )
    op.create_table(
        "report_order_search",
        sa.Column("order_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document", TSVECTOR().with_variant(sa.Text(), "sqlite"), nullable=True),
        sa.PrimaryKeyConstraint("order_id", name="pk_report_order_search"),
    )
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_lines_sku"), ["sku"], unique=False)
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_orders_total"), ["total"], unique=False)
    op.create_index(
        "ix_report_order_search_document", "report_order_search", ["document"], postgresql_using="gin"
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_search()


def _postgresql_search() -> None:
    # unaccent is a contrib extension: used where the server has it and we may create it
    op.execute(
        "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS unaccent; "
        "EXCEPTION WHEN others THEN RAISE NOTICE 'unaccent not available'; END $$"
    )
    has_unaccent = op.get_bind().execute(
        sa.text("SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'")
    ).scalar()
    op.execute(NORMALISE_UNACCENT if has_unaccent else NORMALISE_PLAIN)
    op.execute(REINDEX)
    op.execute(TRIGGERS)
    op.execute("SELECT comanda_reindex_order(id) FROM orders")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS comanda_order_lines_search ON order_lines")
        op.execute("DROP TRIGGER IF EXISTS comanda_orders_search ON orders")
        op.execute("DROP FUNCTION IF EXISTS comanda_order_search_trigger()")
        op.execute("DROP FUNCTION IF EXISTS comanda_reindex_order(integer)")
        op.execute("DROP FUNCTION IF EXISTS comanda_search_text(text)")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_total"))
        batch_op.drop_index(batch_op.f("ix_orders_created_at"))
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_lines_sku"))
    op.drop_table("report_order_search")
    op.drop_table("report_order_facts")
    op.drop_index("ix_report_monthly_dim_month", table_name="report_monthly")
    op.drop_table("report_monthly")
    op.drop_index("ix_report_daily_dim_day", table_name="report_daily")
    op.drop_table("report_daily")
