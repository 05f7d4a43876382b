"""Quarantine stock (levels held out of allocation), landed cost on purchase order lines, and the
nights the automatic purchasing plan ran.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 20:40:00
"""

import sqlalchemy as sa
from alembic import op

from core.kernel.adapters.types import ExactDecimal, UTCDateTime

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("held", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("landed", ExactDecimal(), nullable=False, server_default="0"))
    op.create_table(
        "purchasing_runs",
        sa.Column("slot", sa.Date(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("proposed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("slot"),
    )


def downgrade() -> None:
    op.drop_table("purchasing_runs")
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.drop_column("landed")
    with op.batch_alter_table("stock_levels", schema=None) as batch_op:
        batch_op.drop_column("held")
