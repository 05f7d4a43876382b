"""What releasing onto pick lists writes, cheaper to keep: the allocations' `state` loses its index, which
no query reads by (each names the allocations' ids or orders first), so that the release's
`UPDATE allocations SET state, pick_list_id` touches no indexed column and PostgreSQL can make it a HOT
update, with room left on the page for it (fillfactor 50: a batch's allocations are written together
and released together, so each page needs room for a second version of every row on it); and a pick
line's order and allocation are checked by one composite foreign key against a unique
`(order_id, id)` index on allocations, which takes the place of the plain `order_id` index, instead of
two foreign keys (one check per row written instead of two). The order is still guaranteed to exist:
the allocation row refers to it, and now the pick line's order must be its allocation's.

The fillfactor is PostgreSQL's and applies to pages written from now on; SQLite keeps its pages full.
On SQLite `pick_lines` is rebuilt (`batch_alter_table`) to change its foreign keys; nothing refers to
it and it has no triggers.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05 01:20:00
"""

from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_allocations_state", table_name="allocations")
    op.create_index("ix_allocations_order_id_id", "allocations", ["order_id", "id"], unique=True)
    op.drop_index("ix_allocations_order_id", table_name="allocations")
    with op.batch_alter_table("pick_lines", schema=None) as batch_op:
        batch_op.drop_constraint("fk_pick_lines_allocation_id_allocations", type_="foreignkey")
        batch_op.drop_constraint("fk_pick_lines_order_id_orders", type_="foreignkey")
        batch_op.create_foreign_key(
            "fk_pick_lines_order_id_allocations",
            "allocations",
            ["order_id", "allocation_id"],
            ["order_id", "id"],
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE allocations SET (fillfactor = 50)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE allocations RESET (fillfactor)")
    with op.batch_alter_table("pick_lines", schema=None) as batch_op:
        batch_op.drop_constraint("fk_pick_lines_order_id_allocations", type_="foreignkey")
        batch_op.create_foreign_key("fk_pick_lines_order_id_orders", "orders", ["order_id"], ["id"])
        batch_op.create_foreign_key(
            "fk_pick_lines_allocation_id_allocations", "allocations", ["allocation_id"], ["id"]
        )
    op.create_index("ix_allocations_order_id", "allocations", ["order_id"], unique=False)
    op.drop_index("ix_allocations_order_id_id", table_name="allocations")
    op.create_index("ix_allocations_state", "allocations", ["state"], unique=False)
