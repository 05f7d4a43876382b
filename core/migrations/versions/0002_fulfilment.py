"""Order lifecycle: warehouses, stock levels and their append-only ledger, allocations, order events,
pick lists, shipments and parcels, shipping attributes, carrier rate tables, customer preferences and
notifications.

Stock quantities are BIGINT thousandths of a unit (see core.kernel.adapters.types.Quantity).  The
database refuses overselling (CHECK allocated <= on_hand) and any UPDATE or DELETE of the ledger.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 19:58:20.560566
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import ExactDecimal, UTCDateTime


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY_PG = """
CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movements is an append-only ledger: % refused', TG_OP;
END $$;
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only();
"""
APPEND_ONLY_SQLITE = (
    "CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements"
    " BEGIN SELECT RAISE(ABORT, 'stock_movements is an append-only ledger: UPDATE refused'); END",
    "CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements"
    " BEGIN SELECT RAISE(ABORT, 'stock_movements is an append-only ledger: DELETE refused'); END",
)


def upgrade() -> None:
    op.create_table("carrier_rates",
    sa.Column("carrier", sa.String(length=32), nullable=False),
    sa.Column("service", sa.String(length=32), nullable=False),
    sa.Column("zone", sa.String(length=16), nullable=False),
    sa.Column("up_to_kg", ExactDecimal(), nullable=False),
    sa.Column("price", ExactDecimal(), nullable=False),
    sa.PrimaryKeyConstraint("carrier", "service", "zone", "up_to_kg", name=op.f("pk_carrier_rates"))
    )
    op.create_table("carrier_services",
    sa.Column("carrier", sa.String(length=32), nullable=False),
    sa.Column("service", sa.String(length=32), nullable=False),
    sa.Column("name", sa.String(length=128), nullable=False),
    sa.Column("transit_days", sa.Integer(), nullable=False),
    sa.Column("classes", sa.String(length=128), nullable=False),
    sa.Column("fragile_ok", sa.Boolean(), nullable=False),
    sa.Column("max_parcel_kg", ExactDecimal(), nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.PrimaryKeyConstraint("carrier", "service", name=op.f("pk_carrier_services"))
    )
    op.create_table("carrier_surcharges",
    sa.Column("carrier", sa.String(length=32), nullable=False),
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("per_parcel", ExactDecimal(), nullable=False),
    sa.Column("percent", ExactDecimal(), nullable=False),
    sa.Column("threshold", ExactDecimal(), nullable=False),
    sa.PrimaryKeyConstraint("carrier", "kind", name=op.f("pk_carrier_surcharges"))
    )
    op.create_table("warehouses",
    sa.Column("code", sa.String(length=16), nullable=False),
    sa.Column("name", sa.String(length=128), nullable=False),
    sa.Column("priority", sa.Integer(), nullable=False),
    sa.Column("country", sa.String(length=2), nullable=False),
    sa.Column("postal_code", sa.String(length=16), nullable=True),
    sa.Column("city", sa.String(length=128), nullable=True),
    sa.Column("active", sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint("code", name=op.f("pk_warehouses"))
    )
    op.create_table("customer_preferences",
    sa.Column("customer_id", sa.String(length=64), nullable=False),
    sa.Column("notify_channel", sa.String(length=16), nullable=True),
    sa.Column("split_warehouses", sa.Boolean(), nullable=False),
    sa.Column("partial_shipments", sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(["customer_id"], ["customers.customer_id"], name=op.f("fk_customer_preferences_customer_id_customers")),
    sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_preferences"))
    )
    op.create_table("pick_lists",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("warehouse", sa.String(length=16), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=64), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("confirmed_at", UTCDateTime(), nullable=True),
    sa.Column("confirmed_by", sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(["warehouse"], ["warehouses.code"], name=op.f("fk_pick_lists_warehouse_warehouses")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_lists"))
    )
    with op.batch_alter_table("pick_lists", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pick_lists_state"), ["state"], unique=False)

    op.create_table("product_shipping",
    sa.Column("sku", sa.String(length=64), nullable=False),
    sa.Column("weight_kg", ExactDecimal(), nullable=False),
    sa.Column("length_cm", ExactDecimal(), nullable=False),
    sa.Column("width_cm", ExactDecimal(), nullable=False),
    sa.Column("height_cm", ExactDecimal(), nullable=False),
    sa.Column("goods_class", sa.String(length=24), nullable=False),
    sa.Column("fragile", sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_product_shipping_sku_products")),
    sa.PrimaryKeyConstraint("sku", name=op.f("pk_product_shipping"))
    )
    op.create_table("stock_levels",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("warehouse", sa.String(length=16), nullable=False),
    sa.Column("location", sa.String(length=32), nullable=False),
    sa.Column("sku", sa.String(length=64), nullable=False),
    sa.Column("on_hand", sa.BigInteger(), nullable=False),
    sa.Column("allocated", sa.BigInteger(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    sa.CheckConstraint("allocated <= on_hand", name=op.f("ck_stock_levels_not_oversold")),
    sa.CheckConstraint("allocated >= 0", name=op.f("ck_stock_levels_allocated_not_negative")),
    sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_stock_levels_sku_products")),
    sa.ForeignKeyConstraint(["warehouse"], ["warehouses.code"], name=op.f("fk_stock_levels_warehouse_warehouses")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_levels")),
    sa.UniqueConstraint("warehouse", "location", "sku", name="uq_stock_levels_place_sku")
    )
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_levels_sku"), ["sku"], unique=False)

    op.create_table("order_events",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("actor", sa.String(length=64), nullable=False),
    sa.Column("step", sa.String(length=24), nullable=False),
    sa.Column("from_state", sa.String(length=24), nullable=False),
    sa.Column("to_state", sa.String(length=24), nullable=False),
    sa.Column("detail", sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_events_order_id_orders")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_order_events"))
    )
    with op.batch_alter_table("order_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_events_order_id"), ["order_id"], unique=False)

    op.create_table("shipments",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("warehouse", sa.String(length=16), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("carrier", sa.String(length=32), nullable=True),
    sa.Column("service", sa.String(length=32), nullable=True),
    sa.Column("zone", sa.String(length=16), nullable=True),
    sa.Column("tracking_number", sa.String(length=64), nullable=True),
    sa.Column("charge", ExactDecimal(), nullable=True),
    sa.Column("currency", sa.String(length=3), nullable=True),
    sa.Column("charge_detail", sa.JSON(), nullable=False),
    sa.Column("promised_date", sa.Date(), nullable=True),
    sa.Column("label_pdf", sa.LargeBinary(), nullable=True),
    sa.Column("shipped_at", UTCDateTime(), nullable=True),
    sa.Column("delivered_at", UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_shipments_order_id_orders")),
    sa.ForeignKeyConstraint(["warehouse"], ["warehouses.code"], name=op.f("fk_shipments_warehouse_warehouses")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments"))
    )
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipments_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_shipments_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_shipments_tracking_number"), ["tracking_number"], unique=False)

    op.create_table("stock_movements",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("stock_id", sa.Integer(), nullable=False),
    sa.Column("warehouse", sa.String(length=16), nullable=False),
    sa.Column("location", sa.String(length=32), nullable=False),
    sa.Column("sku", sa.String(length=64), nullable=False),
    sa.Column("kind", sa.String(length=24), nullable=False),
    sa.Column("on_hand_delta", sa.BigInteger(), nullable=False),
    sa.Column("allocated_delta", sa.BigInteger(), nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=True),
    sa.Column("reference", sa.String(length=64), nullable=True),
    sa.Column("actor", sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_stock_movements_order_id_orders")),
    sa.ForeignKeyConstraint(["stock_id"], ["stock_levels.id"], name=op.f("fk_stock_movements_stock_id_stock_levels")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements"))
    )
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_movements_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_movements_sku"), ["sku"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_movements_stock_id"), ["stock_id"], unique=False)

    op.create_table("allocations",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("line_id", sa.Integer(), nullable=False),
    sa.Column("sku", sa.String(length=64), nullable=False),
    sa.Column("stock_id", sa.Integer(), nullable=False),
    sa.Column("warehouse", sa.String(length=16), nullable=False),
    sa.Column("location", sa.String(length=32), nullable=False),
    sa.Column("quantity", sa.BigInteger(), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("pick_list_id", sa.Integer(), nullable=True),
    sa.Column("shipment_id", sa.Integer(), nullable=True),
    sa.CheckConstraint("quantity >= 0", name=op.f("ck_allocations_quantity_not_negative")),
    sa.ForeignKeyConstraint(["line_id"], ["order_lines.id"], name=op.f("fk_allocations_line_id_order_lines")),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_allocations_order_id_orders")),
    sa.ForeignKeyConstraint(["pick_list_id"], ["pick_lists.id"], name=op.f("fk_allocations_pick_list_id_pick_lists")),
    sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], name=op.f("fk_allocations_shipment_id_shipments")),
    sa.ForeignKeyConstraint(["stock_id"], ["stock_levels.id"], name=op.f("fk_allocations_stock_id_stock_levels")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations"))
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_allocations_line_id"), ["line_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_allocations_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_allocations_state"), ["state"], unique=False)

    op.create_table("notifications",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(length=24), nullable=False),
    sa.Column("key", sa.String(length=128), nullable=False),
    sa.Column("channel", sa.String(length=16), nullable=False),
    sa.Column("recipient", sa.String(length=320), nullable=True),
    sa.Column("language", sa.String(length=8), nullable=False),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.Column("detail", sa.JSON(), nullable=False),
    sa.Column("shipment_id", sa.Integer(), nullable=True),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("error", sa.Text(), nullable=True),
    sa.Column("outbound_id", sa.Integer(), nullable=True),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("queued_at", UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_notifications_order_id_orders")),
    sa.ForeignKeyConstraint(["outbound_id"], ["outbound_messages.id"], name=op.f("fk_notifications_outbound_id_outbound_messages")),
    sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], name=op.f("fk_notifications_shipment_id_shipments")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    sa.UniqueConstraint("key", name=op.f("uq_notifications_key"))
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notifications_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notifications_state"), ["state"], unique=False)

    op.create_table("parcels",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("shipment_id", sa.Integer(), nullable=False),
    sa.Column("number", sa.Integer(), nullable=False),
    sa.Column("weight_kg", ExactDecimal(), nullable=False),
    sa.Column("length_cm", ExactDecimal(), nullable=False),
    sa.Column("width_cm", ExactDecimal(), nullable=False),
    sa.Column("height_cm", ExactDecimal(), nullable=False),
    sa.Column("box", sa.String(length=16), nullable=False),
    sa.Column("sscc", sa.String(length=18), nullable=True),
    sa.Column("contents", sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], name=op.f("fk_parcels_shipment_id_shipments"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_parcels")),
    sa.UniqueConstraint("sscc", name=op.f("uq_parcels_sscc"))
    )
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parcels_shipment_id"), ["shipment_id"], unique=False)

    op.create_table("pick_lines",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("pick_list_id", sa.Integer(), nullable=False),
    sa.Column("allocation_id", sa.Integer(), nullable=False),
    sa.Column("order_id", sa.Integer(), nullable=False),
    sa.Column("line_id", sa.Integer(), nullable=False),
    sa.Column("sku", sa.String(length=64), nullable=False),
    sa.Column("location", sa.String(length=32), nullable=False),
    sa.Column("quantity", sa.BigInteger(), nullable=False),
    sa.Column("description", sa.String(length=512), nullable=True),
    sa.Column("po_number", sa.String(length=64), nullable=True),
    sa.Column("picked", sa.BigInteger(), nullable=True),
    sa.Column("state", sa.String(length=24), nullable=False),
    sa.ForeignKeyConstraint(["allocation_id"], ["allocations.id"], name=op.f("fk_pick_lines_allocation_id_allocations")),
    sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_pick_lines_order_id_orders")),
    sa.ForeignKeyConstraint(["pick_list_id"], ["pick_lists.id"], name=op.f("fk_pick_lines_pick_list_id_pick_lists")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_lines"))
    )
    with op.batch_alter_table("pick_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pick_lines_pick_list_id"), ["pick_list_id"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(APPEND_ONLY_PG)
    elif dialect == "sqlite":
        for statement in APPEND_ONLY_SQLITE:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS stock_movements_append_only ON stock_movements")
        op.execute("DROP FUNCTION IF EXISTS stock_movements_append_only()")
    elif dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS stock_movements_no_update")
        op.execute("DROP TRIGGER IF EXISTS stock_movements_no_delete")
    with op.batch_alter_table("pick_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pick_lines_pick_list_id"))

    op.drop_table("pick_lines")
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parcels_shipment_id"))

    op.drop_table("parcels")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notifications_state"))
        batch_op.drop_index(batch_op.f("ix_notifications_order_id"))

    op.drop_table("notifications")
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_allocations_state"))
        batch_op.drop_index(batch_op.f("ix_allocations_order_id"))
        batch_op.drop_index(batch_op.f("ix_allocations_line_id"))

    op.drop_table("allocations")
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_movements_stock_id"))
        batch_op.drop_index(batch_op.f("ix_stock_movements_sku"))
        batch_op.drop_index(batch_op.f("ix_stock_movements_order_id"))

    op.drop_table("stock_movements")
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipments_tracking_number"))
        batch_op.drop_index(batch_op.f("ix_shipments_state"))
        batch_op.drop_index(batch_op.f("ix_shipments_order_id"))

    op.drop_table("shipments")
    with op.batch_alter_table("order_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_events_order_id"))

    op.drop_table("order_events")
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_levels_sku"))

    op.drop_table("stock_levels")
    op.drop_table("product_shipping")
    with op.batch_alter_table("pick_lists", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pick_lists_state"))

    op.drop_table("pick_lists")
    op.drop_table("customer_preferences")
    op.drop_table("warehouses")
    op.drop_table("carrier_surcharges")
    op.drop_table("carrier_services")
    op.drop_table("carrier_rates")
