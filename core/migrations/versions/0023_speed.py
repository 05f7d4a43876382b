"""A drafted answer remembers when its render job was last queued, so the periodic sweep queues it
again only once that job has had a lease's time and is presumed lost (not merely waiting its turn).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04 00:00:00
"""

import sqlalchemy as sa
from alembic import op

from core.kernel.adapters.types import UTCDateTime

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("queued_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.drop_column("queued_at")
