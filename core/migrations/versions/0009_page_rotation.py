"""Document pages keep the turn the reader gave the page image (a page scanned on its side or askew), so
the review screen shows the page upright under its word boxes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 14:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_pages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rotation", sa.Float(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("document_pages", schema=None) as batch_op:
        batch_op.drop_column("rotation")
