"""Reporting at scale: the backordered orders' arrival in a partial index of their own, so that the
service report ages the backorders waiting now with an index-only count instead of visiting each of
those orders' rows (tens of thousands of them scattered over a million orders).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04 00:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

WHERE = sa.text("state = 'backordered'")


def upgrade() -> None:
    op.create_index(
        "ix_orders_backordered",
        "orders",
        ["created_at", "id"],
        postgresql_where=WHERE,
        sqlite_where=WHERE,
    )


def downgrade() -> None:
    op.drop_index("ix_orders_backordered", table_name="orders")
