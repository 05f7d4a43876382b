"""Scheduled reports: which report goes to whom, in which format, how often, and when one is due.

A schedule runs daily at an hour (UTC) or weekly on a weekday at that hour; it is due when its latest
slot has passed since it was made or last sent. Missed slots are not made up one by one: a run after
a week down sends the latest report once."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta

REPORTS = {
    "forecasts": "Forecast summary: orders and shipments ahead, with their back-tests",
    "order-volume": "Order volume: orders per week and per channel, the last weeks",
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ReportFormat(enum.StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"


class Every(enum.StrEnum):
    DAY = "daily"
    WEEK = "weekly"


@dataclass(frozen=True)
class Recipient:
    """A user the report goes to, at the address given for them."""

    user: str
    email: str


@dataclass(eq=False)
class ReportSchedule:
    report: str
    recipients: list[Recipient]
    format: ReportFormat
    every: Every
    hour: int
    created_at: datetime
    weekday: int = 0  # weekly: Monday 0 .. Sunday 6
    last_sent_at: datetime | None = None
    last_slot: datetime | None = None
    id: int | None = field(default=None)

    def latest_slot(self, now: datetime) -> datetime:
        """The last moment at or before `now` this schedule was meant to run."""
        slot = now.replace(hour=self.hour, minute=0, second=0, microsecond=0)
        if slot > now:
            slot -= timedelta(days=1)
        if self.every is Every.WEEK:
            slot -= timedelta(days=(slot.weekday() - self.weekday) % 7)
        return slot

    def due(self, now: datetime) -> bool:
        slot = self.latest_slot(now)
        if self.last_slot is not None:
            return self.last_slot < slot
        return self.created_at <= slot

    def sent(self, slot: datetime, at: datetime) -> None:
        self.last_slot = slot
        self.last_sent_at = at

    def describe(self) -> str:
        when = (
            f"daily at {self.hour:02d}:00"
            if self.every is Every.DAY
            else (f"weekly on {WEEKDAYS[self.weekday]} at {self.hour:02d}:00")
        )
        to = ", ".join(r.user for r in self.recipients)
        return f"{self.report} as {self.format} {when} UTC to {to}"
