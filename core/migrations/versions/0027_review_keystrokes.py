"""Keystrokes in review: each review action (a save, an approval, a rejection) keeps how many keys the
clerk pressed in the order's form since the page opened, and the reports' summary gains the keystrokes
typed on corrected orders and how many corrected orders had their keys counted.  Nullable on the audit
trail: an action recorded before this revision, or by a client that sends no count, counted nothing.
The sums of orders counted before this revision lack the new figures until `oms reports rebuild`.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-04 16:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

TABLES = ("report_daily", "report_monthly")
ADDED = ("keystrokes", "keyed")


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("keystrokes", sa.Integer(), nullable=True))
        batch.create_check_constraint(op.f("ck_audit_events_keystrokes_not_negative"), "keystrokes >= 0")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for name in ADDED:
                batch.add_column(sa.Column(name, sa.BigInteger(), nullable=False, server_default="0"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for name in ADDED:
                batch.drop_column(name)
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_constraint(op.f("ck_audit_events_keystrokes_not_negative"), type_="check")
        batch.drop_column("keystrokes")
