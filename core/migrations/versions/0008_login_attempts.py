"""Sign-in attempts: every failed or refused login and API token, successes and supervisors' unlocks,
from which the throttle decides delays and account locks.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 14:00:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import UTCDateTime


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_attempts")),
    )
    with op.batch_alter_table("sign_in_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_attempts_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sign_in_attempts_username"), ["username"], unique=False)
        batch_op.create_index(batch_op.f("ix_sign_in_attempts_address"), ["address"], unique=False)


def downgrade() -> None:
    op.drop_table("sign_in_attempts")
