"""Rendering notice rows into the outbox, the same way for fulfilment's notifications and billing's
notices: composed once, in a savepoint, marked queued or skipped; a failure leaves the row pending."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from core.kernel.domain.events import AnswersQueued
from core.kernel.domain.model import Order, OutboundKind, OutboundMessage, Partner
from core.kernel.domain.notices import NotificationState
from core.kernel.errors import NotFound
from core.kernel.services.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
HELD = "held:"  # how the reason of a row `partner_hold` held begins


@dataclass
class RenderReport:
    queued: int = 0
    skipped: int = 0
    waiting: int = 0  # still pending: no notifier for the channel yet, or rendering failed
    failed: int = 0
    held: int = 0  # still pending, on purpose: the order's EDIFACT partner is not configured (yet)


class PendingRow(Protocol):
    """A notice row waiting to be rendered: a customer notification or a billing notice."""

    key: str
    state: NotificationState
    attempts: int
    error: str | None
    outbound_id: int | None
    queued_at: datetime | None


R = TypeVar("R", bound=PendingRow)


def render_order_rows(
    uow: UnitOfWork,
    order_id: int,
    order: Order | None,
    rows: Callable[[], Iterable[R]],
    render_one: Callable[[Order, R, RenderReport], None],
) -> RenderReport:
    """Render every pending row of one order (`rows()` locks them) and, when anything reached the
    outbox, say so with `AnswersQueued` so the senders deliver it after commit."""
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    report = RenderReport()
    for row in rows():
        render_one(order, row, report)
    if report.queued:
        uow.emit(AnswersQueued(order.document_id))
    return report


def partner_hold(uow: UnitOfWork, order: Order, structured: bool) -> str | None:
    """Why a row for this order may not be rendered on a structured (EDIFACT) channel yet: its trading
    partner is unknown or not configured, so there is no agreed address to write to. None when it may.
    Not a failure: the row stays pending, no attempt is counted, and the sweep renders it once
    `oms import partners` has configured the partner."""
    if not structured or not order.partner_id:
        return None
    partner = uow.partners.get(order.partner_id)
    if partner is not None and partner.configured:
        return None
    return (
        f"{HELD} EDIFACT partner {order.partner_id} is not configured (oms import partners); sent once it is"
    )[:2000]


def partner_to_write(uow: UnitOfWork, order: Order, structured: bool) -> tuple[Partner | None, str | None]:
    """The order's trading partner a row on a structured (EDIFACT) channel is written to, locked, and the
    control reference the message takes from it; (None, None) for another channel, an order without a
    partner, or one not configured."""
    if not order.partner_id or not structured:
        return None, None
    partner = uow.partners.get(order.partner_id, lock=True)
    if partner is None or not partner.configured:
        return None, None
    return partner, partner.take_control_ref()


def told_by_decision(uow: UnitOfWork, order: Order, structured: bool) -> bool:
    """Whether the answer queued when the order was decided told the customer it is accepted. An e-mail or
    fax reply always did; on a structured (EDIFACT) channel only an ORDRSP in the outbox for the order's
    document did (for this order, or for several of its orders at once): none is written while the
    partner is not configured, and configuring it later does not write that one."""
    if not structured:
        return True
    return any(
        m.kind is OutboundKind.ORDRSP and m.order_id in (order.id, None)
        for m in uow.outbound.for_document(order.document_id)
    )


def was_held(row: PendingRow) -> bool:
    """Whether the row is pending because `partner_hold` held it (at its last rendering or when queued)."""
    return row.state is NotificationState.PENDING and (row.error or "").startswith(HELD)


def hold_row(row: PendingRow, reason: str, report: RenderReport) -> None:
    """Leave a row pending with the reason it is held (see `partner_hold`)."""
    row.error = reason
    report.held += 1


def render_row(
    uow: UnitOfWork,
    order: Order,
    row: PendingRow,
    compose: Callable[[], OutboundMessage | None],
    skipped: Callable[[], str],
    now: datetime,
    report: RenderReport,
    *,
    what: str,
) -> None:
    """Compose one pending row's message into the outbox and mark the row queued; mark it skipped
    (with `skipped()` as the reason) when the channel has nothing to say; on a failure leave it
    pending, counting the attempt, so that a notifier bug loses nothing."""
    try:
        with uow.savepoint():  # a failure gives back the control reference it took
            message = compose()
            if message is not None:
                message.order_id, message.document_id = order.id, order.document_id
                uow.outbound.add(message)
                uow.flush()
    except Exception as exc:  # a notifier bug must not lose the notice: it stays pending
        log.exception("rendering %s %s failed", what, row.key)
        row.attempts += 1
        row.error = f"rendering failed: {exc!r}"[:2000]
        report.failed += 1
        return
    if message is None:
        row.state = NotificationState.SKIPPED
        row.error = skipped()
        report.skipped += 1
        return
    row.state = NotificationState.QUEUED
    row.outbound_id = message.id
    row.queued_at = now
    row.error = None
    report.queued += 1
