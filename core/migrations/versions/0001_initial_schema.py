"""Initial schema: documents and their bytes, interchanges, partners, master data, orders, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 19:08:51.342935
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import ExactDecimal, UTCDateTime


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "customers",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("fax", sa.String(length=64), nullable=True),
        sa.Column("gln", sa.String(length=35), nullable=True),
        sa.Column("street", sa.String(length=256), nullable=True),
        sa.Column("postal_code", sa.String(length=32), nullable=True),
        sa.Column("city", sa.String(length=128), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customers")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_fax"), ["fax"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_gln"), ["gln"], unique=False)

    op.create_table(
        "partners",
        sa.Column("partner_id", sa.String(length=64), nullable=False),
        sa.Column("qualifier", sa.String(length=8), nullable=False),
        sa.Column("our_id", sa.String(length=64), nullable=False),
        sa.Column("our_qualifier", sa.String(length=8), nullable=False),
        sa.Column("syntax_id", sa.String(length=8), nullable=False),
        sa.Column("syntax_version", sa.String(length=4), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("next_control_ref", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("partner_id", name=op.f("pk_partners")),
    )
    op.create_table(
        "products",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("description_en", sa.String(length=512), nullable=True),
        sa.Column("gtin", sa.String(length=14), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=True),
        sa.Column("price", ExactDecimal(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_products")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_gtin"), ["gtin"], unique=False)

    op.create_table(
        "customer_items",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("customer_item_code", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.customer_id"], name=op.f("fk_customer_items_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_customer_items_sku_products")),
        sa.PrimaryKeyConstraint("customer_id", "customer_item_code", name=op.f("pk_customer_items")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(length=24), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("original_name", sa.String(length=512), nullable=True),
        sa.Column("sender", sa.String(length=320), nullable=True),
        sa.Column("external_id", sa.String(length=512), nullable=True),
        sa.Column("media_type", sa.String(length=128), nullable=True),
        sa.Column("format", sa.String(length=32), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["duplicate_of"], ["documents.id"], name=op.f("fk_documents_duplicate_of_documents")
        ),
        sa.ForeignKeyConstraint(["sha256"], ["blobs.sha256"], name=op.f("fk_documents_sha256_blobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_external_id"), ["external_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_state"), ["state"], unique=False)

    op.create_table(
        "interchanges",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sender_id", sa.String(length=64), nullable=False),
        sa.Column("control_ref", sa.String(length=32), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_interchanges_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interchanges")),
        sa.UniqueConstraint("sender_id", "control_ref", name="uq_interchanges_sender_ref"),
    )
    with op.batch_alter_table("interchanges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interchanges_document_id"), ["document_id"], unique=False)

    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("message_index", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("decision", sa.String(length=24), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("po_number", sa.String(length=64), nullable=True),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("requested_delivery_date", sa.Date(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("buyer_party_id", sa.String(length=64), nullable=True),
        sa.Column("buyer_name", sa.String(length=256), nullable=True),
        sa.Column("supplier_party_id", sa.String(length=64), nullable=True),
        sa.Column("supplier_name", sa.String(length=256), nullable=True),
        sa.Column("ship_to_party_id", sa.String(length=64), nullable=True),
        sa.Column("ship_to_name", sa.String(length=256), nullable=True),
        sa.Column("ship_to_street", sa.String(length=256), nullable=True),
        sa.Column("ship_to_postal_code", sa.String(length=32), nullable=True),
        sa.Column("ship_to_city", sa.String(length=128), nullable=True),
        sa.Column("ship_to_country", sa.String(length=3), nullable=True),
        sa.Column("total", ExactDecimal(), nullable=True),
        sa.Column("partner_id", sa.String(length=64), nullable=True),
        sa.Column("message_ref", sa.String(length=32), nullable=True),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_orders_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("document_id", "message_index", name="uq_orders_document_message"),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_orders_po_number"), ["po_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_orders_state"), ["state"], unique=False)

    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.String(length=16), nullable=True),
        sa.Column("item_code", sa.String(length=64), nullable=True),
        sa.Column("gtin", sa.String(length=14), nullable=True),
        sa.Column("buyer_item_code", sa.String(length=64), nullable=True),
        sa.Column("supplier_item_code", sa.String(length=64), nullable=True),
        sa.Column("sku", sa.String(length=64), nullable=True),
        sa.Column("description", sa.String(length=512), nullable=True),
        sa.Column("quantity", ExactDecimal(), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=True),
        sa.Column("unit_price", ExactDecimal(), nullable=True),
        sa.Column("amount", ExactDecimal(), nullable=True),
        sa.Column("requested_delivery_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_lines_order_id_orders"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
    )
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.create_index("ix_order_lines_order_position", ["order_id", "position"], unique=True)

    op.create_table(
        "outbound_messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("control_ref", sa.String(length=32), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_outbound_messages_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_outbound_messages_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_messages")),
        sa.UniqueConstraint("channel", "recipient", "filename", name="uq_outbound_channel_recipient_file"),
    )
    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbound_messages_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbound_messages_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbound_messages_state"))
        batch_op.drop_index(batch_op.f("ix_outbound_messages_document_id"))

    op.drop_table("outbound_messages")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_order_lines_order_position")

    op.drop_table("order_lines")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_state"))
        batch_op.drop_index(batch_op.f("ix_orders_po_number"))
        batch_op.drop_index(batch_op.f("ix_orders_customer_id"))

    op.drop_table("orders")
    with op.batch_alter_table("interchanges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interchanges_document_id"))

    op.drop_table("interchanges")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_state"))
        batch_op.drop_index(batch_op.f("ix_documents_sha256"))
        batch_op.drop_index(batch_op.f("ix_documents_external_id"))

    op.drop_table("documents")
    op.drop_table("customer_items")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_gtin"))

    op.drop_table("products")
    op.drop_table("partners")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_gln"))
        batch_op.drop_index(batch_op.f("ix_customers_fax"))
        batch_op.drop_index(batch_op.f("ix_customers_email"))

    op.drop_table("customers")
    op.drop_table("blobs")
