"""Alembic migrations of the schema; `oms db upgrade` applies them."""
