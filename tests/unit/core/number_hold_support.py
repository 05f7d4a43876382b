"""A faxed order number held on its reading, settled against the customer's earlier accepted numbers
through the duplicate index's port: for the tests of the order-number holds a customer's history lifts
(`slash_or_seven`, `letter_or_figure`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import cast

from bench.order_history import History
from core.capture.domain.order import CapturedOrder, Problem, Severity
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.capture.services.deciding import settle_prefix
from core.capture.services.duplicates import DuplicateIndex
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Decision, EarlierOrder, OrderState

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


def validate(order: CapturedOrder, master: MasterData, today: date) -> ResolvedOrder:
    """Validation's part as the rule needs it: customer C-1001, held while a problem is blocking."""
    blocking = any(p.severity >= Severity.REVIEW for p in order.problems)
    return ResolvedOrder(
        order, "C-1001", (), order.problems, 0.99, Decision.REVIEW if blocking else Decision.ACCEPT
    )


def settle(read: str, earlier: list[str], problems: Sequence[Problem]) -> ResolvedOrder:
    """The order numbered `read`, held by `problems`, decided with the customer's accepted orders
    numbered `earlier` (the n-th of them 5 + n days old)."""
    orders = [
        EarlierOrder(n + 1, "fax", OrderState.ACCEPTED, NOW - timedelta(days=5 + n), po, ())
        for n, po in enumerate(earlier)
    ]
    seen = DuplicateIndex(cast(CaptureUnitOfWork, None), 0, NOW, "fax", History("C-1001", orders))
    captured = CapturedOrder(po_number=read, problems=tuple(problems))
    first = validate(captured, cast(MasterData, None), NOW.date())
    return settle_prefix(first, seen, lambda again: validate(again, cast(MasterData, None), NOW.date()))
