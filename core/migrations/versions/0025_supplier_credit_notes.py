"""Supplier credit notes: what a supplier takes back of its invoices. Each is kept once (supplier and
its number), with the invoice it corrects and what was applied to it; an invoice's open amount is its
total less what was paid and what was credited; a purchase order line counts the units credited.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

from core.kernel.adapters.types import Quantity, UTCDateTime

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supplier_credit_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("supplier_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("corrects", sa.String(length=64), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("applied", sa.BigInteger(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "applied >= 0 AND applied <= total", name=op.f("ck_supplier_credit_notes_applied_within_total")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_credit_notes")),
        sa.UniqueConstraint("supplier_id", "number", name="uq_supplier_credit_notes_supplier_number"),
    )
    op.create_index(
        op.f("ix_supplier_credit_notes_supplier_id"), "supplier_credit_notes", ["supplier_id"], unique=False
    )
    with op.batch_alter_table("supplier_invoices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credited", sa.BigInteger(), nullable=False, server_default="0"))
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credited", Quantity(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("purchase_order_lines", schema=None) as batch_op:
        batch_op.drop_column("credited")
    with op.batch_alter_table("supplier_invoices", schema=None) as batch_op:
        batch_op.drop_column("credited")
    op.drop_index(op.f("ix_supplier_credit_notes_supplier_id"), table_name="supplier_credit_notes")
    op.drop_table("supplier_credit_notes")
