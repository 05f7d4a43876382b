"""Commercial terms: price rows (base list breaks, customer and group lists, agreed prices) and products'
packs; order lines keep the quantity in base units beside the document's and the price rule they met.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 14:00:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import ExactDecimal


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("party", sa.String(length=64), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("unit_price", ExactDecimal(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("min_quantity", ExactDecimal(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_prices_sku_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prices")),
    )
    op.create_index("ix_prices_sku_party", "prices", ["sku", "party"], unique=False)
    op.create_table(
        "product_units",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("factor", ExactDecimal(), nullable=False),
        sa.Column("gtin", sa.String(length=14), nullable=True),
        sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_product_units_sku_products")),
        sa.PrimaryKeyConstraint("sku", "unit", name=op.f("pk_product_units")),
    )
    op.create_index(op.f("ix_product_units_gtin"), "product_units", ["gtin"], unique=False)
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_quantity", ExactDecimal(), nullable=True))
        batch_op.add_column(sa.Column("base_unit", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("price_source", sa.String(length=256), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("price_source")
        batch_op.drop_column("base_unit")
        batch_op.drop_column("base_quantity")
    op.drop_index(op.f("ix_product_units_gtin"), table_name="product_units")
    op.drop_table("product_units")
    op.drop_index("ix_prices_sku_party", table_name="prices")
    op.drop_table("prices")
