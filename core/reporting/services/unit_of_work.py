"""Reporting's unit of work: the summary's repository and the order search over the one session."""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.kernel.services.unit_of_work import UnitOfWork
from core.reporting.adapters.repository import ReportingRepository
from core.reporting.adapters.search import OrderSearch


class ReportingUnitOfWork(UnitOfWork):
    reporting: ReportingRepository
    search: OrderSearch

    def open(self, session: Session) -> None:
        super().open(session)
        self.reporting = ReportingRepository(session)
        self.search = OrderSearch(session)
