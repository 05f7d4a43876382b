"""Decision policies per channel and customer; an order's link to the earlier order it repeats.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 21:40:00
"""

from alembic import op
import sqlalchemy as sa

from core.kernel.adapters.types import UTCDateTime


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decision_policies",
        sa.Column("scope", sa.String(length=96), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_decision_policies")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duplicate_of", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_orders_duplicate_of_orders"), "orders", ["duplicate_of"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_orders_duplicate_of_orders"), type_="foreignkey")
        batch_op.drop_column("duplicate_of")
    op.drop_table("decision_policies")
