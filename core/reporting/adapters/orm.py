"""Reporting's tables: the daily summary, what each order last added to it, and the order search index.

`report_daily` keeps, per day, dimension ("customer", "product", "carrier", …) and key, the sum of every
measure in `core.reporting.domain.facts.MEASURES`, as integers of ten-thousandths (exact sums on
SQLite and PostgreSQL alike).  `report_order_search` holds one text-search vector per order on
PostgreSQL, kept by triggers the migration installs; SQLite searches the order tables directly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Date, Dialect, Index, Integer, String, Table, Text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.types import TypeDecorator

from core.kernel.adapters.orm import metadata
from core.kernel.adapters.types import UTCDateTime
from core.reporting.domain.facts import MEASURES

SCALE = 10_000


class Fixed4(TypeDecorator[Decimal]):
    """A Decimal kept to four places as a BIGINT count of ten-thousandths."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        return None if value is None else int(Decimal(value) * SCALE)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value).scaleb(-4)


report_daily = Table(
    "report_daily",
    metadata,
    Column("day", Date, primary_key=True),
    Column("dim", String(24), primary_key=True),
    Column("key", String(160), primary_key=True),
    *(Column(m, Fixed4(), nullable=False, default=0, server_default="0") for m in MEASURES),
    Index("ix_report_daily_dim_day", "dim", "day"),
)

# the same sums by calendar month (`month` is its first day): a long period reads whole months here
report_monthly = Table(
    "report_monthly",
    metadata,
    Column("month", Date, primary_key=True),
    Column("dim", String(24), primary_key=True),
    Column("key", String(160), primary_key=True),
    *(Column(m, Fixed4(), nullable=False, default=0, server_default="0") for m in MEASURES),
    Index("ix_report_monthly_dim_month", "dim", "month"),
)

report_order_facts = Table(
    "report_order_facts",
    metadata,
    Column("order_id", Integer, primary_key=True, autoincrement=False),
    Column("contribution", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

report_order_search = Table(
    "report_order_search",
    metadata,
    Column("order_id", Integer, primary_key=True, autoincrement=False),
    Column("document", TSVECTOR().with_variant(Text(), "sqlite")),
    Index("ix_report_order_search_document", "document", postgresql_using="gin"),
)


def start_mappers() -> None:
    """Nothing to map: reporting reads and writes its tables with Core statements."""
