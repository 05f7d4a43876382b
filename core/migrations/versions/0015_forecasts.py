"""Report schedules: which report goes by e-mail to which users, as PDF or XLSX, daily or weekly.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 17:20:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import UTCDateTime


revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_schedules",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report", sa.String(length=32), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("format", sa.String(length=24), nullable=False),
        sa.Column("every", sa.String(length=24), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_slot", UTCDateTime(), nullable=True),
        sa.Column("last_sent_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("report_schedules")
