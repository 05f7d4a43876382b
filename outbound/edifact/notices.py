"""The EDIFACT channel's notifier: lifecycle notices as ORDRSP (changed, backordered, cancelled,
accepted) and DESADV (shipped) interchanges for the partner the order came from.

Which message a notice becomes is a table, `WRITERS` (notice kind -> writer); a kind without a
writer is skipped with its reason from `SKIPPED` (a delivery: partners send their own RECADV).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from core.fulfilment.domain.notifications import CustomerNotice, NoticeKind
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.edifact.answers import envelope_for
from outbound.edifact.desadv import desadv_message
from outbound.edifact.naming import outbound_filename
from outbound.edifact.ordrsp import OrderResponse, ordrsp_message
from outbound.edifact.syntax import Message, write_interchange

# (notice, the partner's control reference, now) -> the message kind and the message
NoticeWriter = Callable[[CustomerNotice, str, datetime], tuple[OutboundKind, Message]]
Answer = tuple[OrderResponse, dict[int, OrderResponse], str | None]  # header answer, line answers, note

_NOTES = {
    "es": {
        "backordered": "Pendiente de stock: {lines}",
        "changed": "Pedido modificado",
        "cancelled": "Pedido anulado",
        "line": "línea {pos}: {qty}",
    },
    "en": {
        "backordered": "Waiting for stock: {lines}",
        "changed": "Order changed",
        "cancelled": "Order cancelled",
        "line": "line {pos}: {qty}",
    },
}


def _words(notice: CustomerNotice) -> dict[str, str]:
    return _NOTES.get(notice.language[:2], _NOTES["en"])


def _accepted(notice: CustomerNotice) -> Answer:
    return OrderResponse.ACCEPTED, {}, None


def _cancelled(notice: CustomerNotice) -> Answer:
    return OrderResponse.REJECTED, {}, _words(notice)["cancelled"]


def _backordered(notice: CustomerNotice) -> Answer:
    words = _words(notice)
    waiting = [ln for ln in notice.lines if ln.waiting > 0]
    text = ", ".join(words["line"].format(pos=ln.line_no or ln.position, qty=ln.waiting) for ln in waiting)
    lines = {ln.position: OrderResponse.CHANGED for ln in waiting}
    return OrderResponse.CHANGED, lines, words["backordered"].format(lines=text)


def _changed(notice: CustomerNotice) -> Answer:
    changed = notice.notification.detail.get("lines")
    positions = changed if isinstance(changed, dict) else {}
    lines = {int(p): OrderResponse.CHANGED for p in positions if str(p).isdigit()}
    note = notice.notification.detail.get("note")
    return OrderResponse.CHANGED, lines, str(note) if note else _words(notice)["changed"]


def order_response(answer: Callable[[CustomerNotice], Answer]) -> NoticeWriter:
    """A writer of an ORDRSP saying what `answer` makes of the notice."""

    def write(notice: CustomerNotice, ref: str, now: datetime) -> tuple[OutboundKind, Message]:
        response, lines, note = answer(notice)
        message = ordrsp_message(
            notice.order,
            message_ref="1",
            response=response,
            issued_at=now,
            response_number=f"{ref}-{notice.reference}",
            note=note,
            line_responses=lines,
        )
        return OutboundKind.ORDRSP, message

    return write


def despatch_advice(notice: CustomerNotice, ref: str, now: datetime) -> tuple[OutboundKind, Message]:
    """A DESADV for the shipment the notice is about."""
    if notice.shipment is None:
        raise ValueError("a shipped notice needs its shipment")
    number = f"{ref}-{notice.reference}"
    message = desadv_message(notice.order, notice.shipment, message_ref="1", issued_at=now, number=number)
    return OutboundKind.DESADV, message


WRITERS: Mapping[NoticeKind, NoticeWriter] = {
    NoticeKind.ACCEPTED: order_response(_accepted),
    NoticeKind.CHANGED: order_response(_changed),
    NoticeKind.BACKORDERED: order_response(_backordered),
    NoticeKind.CANCELLED: order_response(_cancelled),
    NoticeKind.SHIPPED: despatch_advice,
}
SKIPPED: Mapping[NoticeKind, str] = {
    NoticeKind.DELIVERED: (
        "EDIFACT partners confirm receipt with their own RECADV; nothing is sent for a delivery"
    ),
}


class EdifactNotifier:
    """Renders notices for EDIFACT partners through the writers table, on one EDIFACT channel."""

    def __init__(self, channel: str = "edi", writers: Mapping[NoticeKind, NoticeWriter] = WRITERS) -> None:
        self.channel = channel  # the folder ("edi") or AS2: the same messages, another way out
        self.writers = writers

    def compose(self, notice: CustomerNotice, now: datetime) -> OutboundMessage | None:
        partner, ref = notice.partner, notice.control_ref
        if partner is None or ref is None:
            raise ValueError(f"order {notice.order.id} has no EDIFACT partner to notify")
        writer = self.writers.get(notice.kind)
        if writer is None:
            return None
        kind, message = writer(notice, ref, now)
        return OutboundMessage(
            channel=self.channel,
            kind=kind,
            recipient=partner.address,  # the configured outbox folder or AS2 id, never UNB text
            filename=outbound_filename(kind.value, partner.partner_id, ref),
            content=write_interchange(envelope_for(partner, ref, now), [message]),
            created_at=now,
            control_ref=ref,
        )

    def skip_reason(self, notice: CustomerNotice) -> str:
        return SKIPPED.get(notice.kind, f"no EDIFACT message tells a {notice.kind} notice")
