"""Trading partners carry their agreement: the syntax identifiers they may use, the buyers they may order
for, and the channel and address our answers go to.  Rows stored before this revision were made from
whatever UNB sender arrived; they keep their control-reference sequence but no address, so they are no
partner until `oms import partners` configures them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 15:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COLUMNS = (("syntax_ids", 64), ("buyers", 2000), ("channel", 16), ("address", 64))


def upgrade() -> None:
    with op.batch_alter_table("partners", schema=None) as batch_op:
        for name, length in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("partners", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
