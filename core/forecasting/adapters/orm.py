"""Forecasting's one table: the report schedules (on the kernel's metadata, mapped imperatively)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Column, Integer, String, Table
from sqlalchemy.types import TypeDecorator

from core.forecasting.domain.schedule import Every, Recipient, ReportFormat, ReportSchedule
from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import UTCDateTime, stored_enum


class Recipients(TypeDecorator[list[Recipient]]):
    """A schedule's recipients as a JSON list of {"user", "email"}."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: list[Recipient] | None, dialect: Any) -> Any:
        return [{"user": r.user, "email": r.email} for r in value or []]

    def process_result_value(self, value: Any, dialect: Any) -> list[Recipient]:
        return [Recipient(str(r["user"]), str(r["email"])) for r in value or []]


report_schedules = Table(
    "report_schedules",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report", String(32), nullable=False),
    Column("recipients", Recipients(), nullable=False),
    Column("format", stored_enum(ReportFormat), nullable=False),
    Column("every", stored_enum(Every), nullable=False),
    Column("weekday", Integer, nullable=False, default=0),
    Column("hour", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_slot", UTCDateTime),
    Column("last_sent_at", UTCDateTime),
)


def start_mappers() -> None:
    mapper_registry.map_imperatively(ReportSchedule, report_schedules)
