"""Wires reporting: the summary's upkeep (its job runs after the events `oms.handlers` lists) and the
reports, given the books' receivables ageing from billing."""

from __future__ import annotations

from datetime import date
from typing import Any

from core.billing.services.books import receivables
from core.reporting.services.reports import AgeingLike, Reports
from core.reporting.services.upkeep import Upkeep
from oms.wiring import Wiring


def _ageing(uow: Any, as_of: date) -> list[AgeingLike]:
    return list(receivables(uow, as_of))


class Reporting:
    """The summary's upkeep and the reports as the app wires them."""

    def __init__(self, wiring: Wiring) -> None:
        self.upkeep = Upkeep(wiring.uow, wiring.clock)
        self.reports = Reports(wiring.uow, _ageing, wiring.clock)
