"""The master-data stamp: one row whose counter every write to master data moves on, in the writer's
own transaction, so that a process may remember master data across transactions and ask one cheap
question (has the counter moved?) before using what it holds.

Triggers keep it, so no writer can forget: an import, the web UI, the CLI, a clerk's learned code, SQL
typed by hand. On PostgreSQL one trigger per table and statement, before the statement: the counter's
row is locked before any master-data row, so two writers of master data queue on it and never deadlock
each other over it. SQLite has only row triggers (one `UPDATE` of the counter per row written; writers
are serialised there anyway). A later migration that rebuilds one of these tables on SQLite
(`batch_alter_table` copies it into a new table) drops its triggers with it and must create them again.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-04 19:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

# what validation, the decision policies and the supplier check read as master data
TABLES = (
    "customers",
    "customer_identifiers",
    "customer_items",
    "customer_groups",
    "products",
    "product_units",
    "product_categories",
    "prices",
    "promotions",
    "decision_policies",
    "suppliers",
)
BUMP = "UPDATE master_data_stamp SET version = version + 1 WHERE id = 1"
BUMP_PG = f"""
CREATE FUNCTION comanda_bump_master_data_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {BUMP};
  RETURN NULL;
END $$
"""
SQLITE_EVENTS = {"ins": "INSERT", "upd": "UPDATE", "del": "DELETE"}


def upgrade() -> None:
    op.create_table(
        "master_data_stamp",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_master_data_stamp")),
    )
    op.execute("INSERT INTO master_data_stamp (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(BUMP_PG)
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER comanda_master_stamp_{table} BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE"
                f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION comanda_bump_master_data_stamp()"
            )
        return
    for table in TABLES:
        for short, event in SQLITE_EVENTS.items():
            op.execute(
                f"CREATE TRIGGER master_stamp_{table}_{short} AFTER {event} ON {table}"
                f" BEGIN {BUMP}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS comanda_master_stamp_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS comanda_bump_master_data_stamp()")
    else:
        for table in TABLES:
            for short in SQLITE_EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS master_stamp_{table}_{short}")
    op.drop_table("master_data_stamp")
