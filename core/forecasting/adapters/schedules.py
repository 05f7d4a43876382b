"""The report schedules as stored: add, list, remove, and take the due ones for sending."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.forecasting.adapters.orm import report_schedules
from core.forecasting.domain.schedule import ReportSchedule


class ScheduleStore:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory

    def add(self, schedule: ReportSchedule) -> int:
        with self.session_factory() as session, session.begin():
            session.add(schedule)
            session.flush()
            assert schedule.id is not None
            return schedule.id

    def all(self) -> Sequence[ReportSchedule]:
        with self.session_factory() as session:
            return session.scalars(select(ReportSchedule).order_by(report_schedules.c.id)).all()

    def remove(self, schedule_id: int) -> bool:
        with self.session_factory() as session, session.begin():
            found = session.get(ReportSchedule, schedule_id)
            if found is None:
                return False
            session.delete(found)
            return True

    def due(self, now: datetime) -> list[ReportSchedule]:
        return [s for s in self.all() if s.due(now)]

    def mark_sent(self, schedule_id: int, slot: datetime, at: datetime) -> None:
        with self.session_factory() as session, session.begin():
            found = session.get(ReportSchedule, schedule_id, with_for_update=True)
            if found is not None:
                found.sent(slot, at)
