"""The order search index kept once per statement on insert. Each inserted line re-read its whole order
and wrote the order's tsvector again (a 10-line order was indexed 11 times, each a new row version and
GIN entry): storing 300 orders of 10 lines took the server about 1.1 s, against 0.1 s without the
triggers. New orders and lines are now indexed by statement-level triggers that see the statement's rows
(a transition table) and index each order touched once, in one set-based statement; a `COPY` fires them
like an `INSERT`. Edits and deletions keep their row triggers, which are rare and touch one order each.
SQLite has no such triggers (its search reads the tables).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-04 17:00:00
"""

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

# the orders named, each indexed once: its header and every line's codes and description in line order
REINDEX_MANY = """
CREATE OR REPLACE FUNCTION comanda_reindex_orders(ids integer[]) RETURNS void LANGUAGE sql AS $$
INSERT INTO report_order_search (order_id, document)
SELECT o.id, to_tsvector('simple', comanda_search_text(concat_ws(' ',
       o.po_number, o.customer_id, o.buyer_name, o.ship_to_name, o.ship_to_city, o.channel,
       (SELECT string_agg(concat_ws(' ', l.sku, l.item_code, l.buyer_item_code, l.gtin, l.description), ' '
                          ORDER BY l.position)
          FROM order_lines l WHERE l.order_id = o.id))))
  FROM orders o WHERE o.id = ANY(ids)
ON CONFLICT (order_id) DO UPDATE SET document = excluded.document
$$
"""
INSERTED = """
CREATE OR REPLACE FUNCTION comanda_order_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'orders' THEN
    PERFORM comanda_reindex_orders(ARRAY(SELECT id FROM inserted_rows));
  ELSE
    PERFORM comanda_reindex_orders(ARRAY(SELECT DISTINCT order_id FROM inserted_rows));
  END IF;
  RETURN NULL;
END $$
"""
ROW_TRIGGERS = """
CREATE TRIGGER comanda_orders_search AFTER {events}
  OR UPDATE OF po_number, customer_id, buyer_name, ship_to_name, ship_to_city
  ON orders FOR EACH ROW EXECUTE FUNCTION comanda_order_search_trigger();
CREATE TRIGGER comanda_order_lines_search AFTER {events}
  OR UPDATE OF sku, item_code, buyer_item_code, gtin, description
  ON order_lines FOR EACH ROW EXECUTE FUNCTION comanda_order_search_trigger();
"""
DROP_ROW_TRIGGERS = """
DROP TRIGGER IF EXISTS comanda_orders_search ON orders;
DROP TRIGGER IF EXISTS comanda_order_lines_search ON order_lines;
"""
STATEMENT_TRIGGERS = """
CREATE TRIGGER comanda_orders_search_inserted AFTER INSERT ON orders
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION comanda_order_search_inserted();
CREATE TRIGGER comanda_order_lines_search_inserted AFTER INSERT ON order_lines
  REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION comanda_order_search_inserted();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(REINDEX_MANY)
    op.execute(INSERTED)
    op.execute(DROP_ROW_TRIGGERS)
    op.execute(ROW_TRIGGERS.format(events="DELETE"))
    op.execute(STATEMENT_TRIGGERS)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS comanda_order_lines_search_inserted ON order_lines")
    op.execute("DROP TRIGGER IF EXISTS comanda_orders_search_inserted ON orders")
    op.execute(DROP_ROW_TRIGGERS)
    op.execute(ROW_TRIGGERS.format(events="INSERT OR DELETE"))
    op.execute("DROP FUNCTION IF EXISTS comanda_order_search_inserted()")
    op.execute("DROP FUNCTION IF EXISTS comanda_reindex_orders(integer[])")
