"""Reporting: the summary's measures for on-time pickup per carrier and for clerks' corrections (orders
corrected in review and the fields they changed).  Sales by category needs no column: it is a new key
in the summary.  The sums of orders counted before this revision lack the new figures until
`oms reports rebuild`.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 20:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

TABLES = ("report_daily", "report_monthly")
ADDED = ("pickups_on_time", "pickup_hours", "corrected", "field_edits")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for name in ADDED:
                batch.add_column(sa.Column(name, sa.BigInteger(), nullable=False, server_default="0"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for name in ADDED:
                batch.drop_column(name)
