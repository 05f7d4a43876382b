"""Quarantine stock (levels held out of allocation) and landed cost on purchase order lines.

Revision ID: 0020
Revises: 0018
Create Date: 2026-12-03 20:40:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import ExactDecimal


revision = "0020"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("held", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("landed", ExactDecimal(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.drop_column("landed")
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.drop_column("held")
