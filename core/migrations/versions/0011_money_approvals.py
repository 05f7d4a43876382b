"""Money approvals: refunds, write-offs, supplier payments and credit releases asked for by one
supervisor and waiting for (or given) a second one's approval above the threshold.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 15:00:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import UTCDateTime


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "money_approvals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("step", sa.String(length=24), nullable=False),
        sa.Column("subject", sa.String(length=96), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", UTCDateTime(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("money_approvals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_approvals_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("money_approvals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_approvals_state"))
    op.drop_table("money_approvals")
