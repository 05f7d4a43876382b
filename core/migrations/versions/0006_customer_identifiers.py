"""Customers known by strong identifiers: VAT id and phone columns, identifiers clerks confirmed (and
the review queue's record of them), and the identifiers each order's document printed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 10:00:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import UTCDateTime


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vat_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("phone", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_customers_vat_id"), ["vat_id"], unique=False)
    op.create_table(
        "customer_identifiers",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.customer_id"],
            name=op.f("fk_customer_identifiers_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("customer_id", "kind", "value", name=op.f("pk_customer_identifiers")),
    )
    op.create_table(
        "learned_identifiers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("learned_at", UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("undone_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_learned_identifiers_order_id_orders")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_learned_identifiers_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learned_identifiers")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("identifiers", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("identifiers")
    op.drop_table("learned_identifiers")
    op.drop_table("customer_identifiers")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_vat_id"))
        batch_op.drop_column("phone")
        batch_op.drop_column("vat_id")
