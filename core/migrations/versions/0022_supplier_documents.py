"""Damaged units released from quarantine, per purchase order line: once found fit they are owed to
the supplier again, so the three-way match counts them as received.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 00:15:00
"""

import sqlalchemy as sa
from alembic import op

from core.kernel.adapters.types import Quantity

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("released", Quantity(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.drop_column("released")
