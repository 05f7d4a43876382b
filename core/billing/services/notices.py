"""Telling the customer about invoices, payments and returns: notices queued with the change they
report, rendered into the outbox once each by a job through one notifier per channel.

The channel is chosen as for the lifecycle's notices: the customer's preferred one, else the one the
order came on, else whatever contact master data has.  EDIFACT carries invoices and credit notes
(INVOIC); for the other notices an EDIFACT customer is written to by e-mail (or fax) instead.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from core.billing.domain.events import BillingNoticesQueued
from core.billing.domain.notices import (
    DOCUMENT_KINDS,
    BillingMessage,
    BillingNotice,
    BillingNoticeKind,
    billing_key,
)
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.fulfilment.domain.contact import choose_channel, is_structured
from core.kernel.domain.model import Order, OutboundMessage
from core.kernel.domain.notices import NotificationState
from core.kernel.services.outbox import (
    RenderReport,
    hold_row,
    partner_hold,
    partner_to_write,
    render_order_rows,
    render_row,
)

log = logging.getLogger(__name__)


class BillingNotifier(Protocol):
    """Renders billing notices for one channel; returns None when it has nothing to send."""

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None: ...


def tell(
    uow: BillingUnitOfWork,
    order: Order,
    kind: BillingNoticeKind,
    now: datetime,
    *,
    ref: str | int,
    detail: Mapping[str, object] | None = None,
    invoice_id: int | None = None,
    return_id: int | None = None,
) -> BillingNotice | None:
    """Queue a notice for the customer, once (its key is order + kind + ref); None when queued before."""
    assert order.id is not None
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    # a structured channel (EDIFACT) has a message for documents only (INVOIC); the rest is written
    preferred = uow.stock.preferences(order.customer_id).notify_channel
    structured = kind in DOCUMENT_KINDS
    channel, recipient = choose_channel(order, customer, preferred, uow.channels, structured=structured)
    notice = BillingNotice(
        order_id=order.id,
        kind=kind,
        key=billing_key(order.id, kind, ref),
        channel=channel,
        created_at=now,
        recipient=recipient,
        language=(customer.language if customer and customer.language else "es")[:8],
        detail=dict(detail or {}),
        invoice_id=invoice_id,
        return_id=return_id,
    )
    if recipient is None:
        notice.state = NotificationState.SKIPPED
        notice.error = f"no {channel} address for the customer in master data"
    if not uow.billing.add_notice(notice):
        return None
    if notice.state is NotificationState.PENDING:
        uow.emit(BillingNoticesQueued(order.id))
    return notice


def render_pending(
    uow: BillingUnitOfWork, order_id: int, notifiers: Mapping[str, BillingNotifier], now: datetime
) -> RenderReport:
    """Render every pending billing notice of an order into the outbox (rows locked while doing it)."""
    return render_order_rows(
        uow,
        order_id,
        uow.fulfilment.order(order_id),
        lambda: uow.billing.pending_notices(order_id),
        lambda order, notice, report: _render_one(uow, order, notice, notifiers, now, report),
    )


def _render_one(
    uow: BillingUnitOfWork,
    order: Order,
    notice: BillingNotice,
    notifiers: Mapping[str, BillingNotifier],
    now: datetime,
    report: RenderReport,
) -> None:
    notifier = notifiers.get(notice.channel)
    if notifier is None or not notice.recipient:
        notice.error = (
            f"no billing notifier for channel {notice.channel!r}" if notifier is None else "no recipient"
        )
        report.waiting += 1
        return
    held = partner_hold(uow, order, is_structured(uow.channels, notice.channel))
    if held:
        hold_row(notice, held, report)
        return
    render_row(
        uow,
        order,
        notice,
        lambda: notifier.compose(build_message(uow, order, notice), now),
        lambda: "nothing to send on this channel",
        now,
        report,
        what="billing notice",
    )


def build_message(uow: BillingUnitOfWork, order: Order, notice: BillingNotice) -> BillingMessage:
    """Everything a notifier needs; for EDIFACT also the partner and a fresh control reference."""
    document = uow.billing.invoice(notice.invoice_id) if notice.invoice_id else None
    original = uow.billing.invoice(document.corrects_id) if document and document.corrects_id else None
    partner, control_ref = partner_to_write(uow, order, is_structured(uow.channels, notice.channel))
    assert notice.id is not None
    return BillingMessage(
        notice=notice,
        order=order,
        customer=uow.master.customer(order.customer_id) if order.customer_id else None,
        reference=f"B{notice.id}",
        document=document,
        original=original,
        rma=uow.billing.return_request(notice.return_id) if notice.return_id else None,
        account=uow.billing.account(order.customer_id),
        partner=partner,
        control_ref=control_ref,
    )
