"""The outcomes of decided orders, from the orders and the review queue's audit trail, calibrated."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core.capture.domain.calibration import ChannelCalibration, Outcome, calibrate, misread
from core.capture.domain.review import AuditEvent
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Decision, OrderState

# States an order reaches only after a clerk approved it (or, touchless, after capture accepted it).
UNDECIDED = frozenset({OrderState.IN_REVIEW, OrderState.REJECTED})


def outcomes(uow: CaptureUnitOfWork, *, since: datetime | None = None) -> list[Outcome]:
    """Every decided order's outcome; orders waiting in review or rejected are left out."""
    found = []
    with uow:
        for order in uow.orders.list(limit=1_000_000):
            if order.state in UNDECIDED or order.id is None:
                continue
            if since is not None and order.created_at < since:
                continue
            if order.decision == Decision.ACCEPT:
                found.append(Outcome(order.channel, order.confidence, checked=False, right=True))
                continue
            audit = uow.review.audit(order.id)
            if not any(event.action == "approve" for event in audit):
                continue  # decided some other way (cancelled, a change applied): no clerk's verdict
            edited = [e.field for e in audit if e.action == "edit" and e.field]
            given = _as_captured(order.confidence, audit)
            found.append(Outcome(order.channel, given, checked=True, right=not misread(edited)))
    return found


def _as_captured(confidence: float, audit: Sequence[AuditEvent]) -> float:
    """The confidence capture gave, before a clerk's corrections re-scored the order."""
    for event in sorted(audit, key=lambda e: (e.at, e.id or 0)):
        if event.action == "rescore" and isinstance(event.before, int | float):
            return float(event.before)
    return confidence


def calibration(uow: CaptureUnitOfWork, *, since: datetime | None = None) -> list[ChannelCalibration]:
    return calibrate(outcomes(uow, since=since))
