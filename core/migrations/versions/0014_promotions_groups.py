"""Commercial terms, part two: customer groups, product categories and promotions; the promotion code an
order quoted, the discount a promotion takes off an order line and an invoice line, and the sales
discounts account (706) promotions are booked on.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 17:00:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import ExactDecimal


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


SALES_DISCOUNTS = {
    "code": "706",
    "name_es": "Descuentos sobre ventas (promociones)",
    "name_en": "Sales discounts",
    "type": "income",
}


def upgrade() -> None:
    accounts = sa.table(
        "ledger_accounts",
        sa.column("code", sa.String),
        sa.column("name_es", sa.String),
        sa.column("name_en", sa.String),
        sa.column("type", sa.String),
    )
    op.bulk_insert(accounts, [SALES_DISCOUNTS])
    op.create_table(
        "customer_groups",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("group_code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.customer_id"], name=op.f("fk_customer_groups_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_groups")),
    )
    op.create_index(op.f("ix_customer_groups_group_code"), "customer_groups", ["group_code"], unique=False)
    op.create_table(
        "product_categories",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_product_categories_sku_products")),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_product_categories")),
    )
    op.create_index(op.f("ix_product_categories_category"), "product_categories", ["category"], unique=False)
    op.create_table(
        "promotions",
        sa.Column("promotion_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("value", ExactDecimal(), nullable=True),
        sa.Column("buy", sa.Integer(), nullable=True),
        sa.Column("get", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("description", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("promotion_id", name=op.f("pk_promotions")),
    )
    op.create_index(op.f("ix_promotions_code"), "promotions", ["code"], unique=False)
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("promo_code", sa.String(length=32), nullable=True))
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("discount", ExactDecimal(), nullable=True))
        batch_op.add_column(sa.Column("promotion", sa.String(length=256), nullable=True))
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("discount", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("promotion", sa.String(length=256), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM ledger_accounts WHERE code = '706'")
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_column("promotion")
        batch_op.drop_column("discount")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("promotion")
        batch_op.drop_column("discount")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("promo_code")
    op.drop_index(op.f("ix_promotions_code"), table_name="promotions")
    op.drop_table("promotions")
    op.drop_index(op.f("ix_product_categories_category"), table_name="product_categories")
    op.drop_table("product_categories")
    op.drop_index(op.f("ix_customer_groups_group_code"), table_name="customer_groups")
    op.drop_table("customer_groups")
