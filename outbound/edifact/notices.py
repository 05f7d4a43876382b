"""The EDIFACT channel's notifier: lifecycle notices as ORDRSP (changed, backordered, cancelled,
accepted) and DESADV (shipped) interchanges for the partner the order came from."""

from __future__ import annotations

from datetime import datetime

from core.fulfilment.domain.notifications import CustomerNotice, NoticeKind
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.edifact.answers import envelope_for
from outbound.edifact.desadv import desadv_message
from outbound.edifact.naming import outbound_filename
from outbound.edifact.ordrsp import OrderResponse, ordrsp_message
from outbound.edifact.syntax import write_interchange

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


class EdifactNotifier:
    """Renders notices for EDIFACT partners; a delivery needs no message (their RECADV says so)."""

    def compose(self, notice: CustomerNotice, now: datetime) -> OutboundMessage | None:
        partner, ref = notice.partner, notice.control_ref
        if partner is None or ref is None:
            raise ValueError(f"order {notice.order.id} has no EDIFACT partner to notify")
        kind = notice.kind
        if kind is NoticeKind.DELIVERED:
            return None
        if kind is NoticeKind.SHIPPED:
            if notice.shipment is None:
                raise ValueError("a shipped notice needs its shipment")
            message = desadv_message(
                notice.order,
                notice.shipment,
                message_ref="1",
                issued_at=now,
                number=f"{ref}-{notice.reference}",
            )
            out_kind = OutboundKind.DESADV
        else:
            response, lines, note = self._response(notice)
            message = ordrsp_message(
                notice.order,
                message_ref="1",
                response=response,
                issued_at=now,
                response_number=f"{ref}-{notice.reference}",
                note=note,
                line_responses=lines,
            )
            out_kind = OutboundKind.ORDRSP
        content = write_interchange(envelope_for(partner, ref, now), [message])
        return OutboundMessage(
            channel="edi",
            kind=out_kind,
            recipient=partner.partner_id,
            filename=outbound_filename(out_kind.value, partner.partner_id, ref),
            content=content,
            created_at=now,
            control_ref=ref,
        )

    def skip_reason(self, notice: CustomerNotice) -> str:
        return "EDIFACT partners confirm receipt with their own RECADV; nothing is sent for a delivery"

    @staticmethod
    def _response(notice: CustomerNotice) -> tuple[OrderResponse, dict[int, OrderResponse], str | None]:
        words = _NOTES.get(notice.language[:2], _NOTES["en"])
        kind = notice.kind
        if kind is NoticeKind.CANCELLED:
            return OrderResponse.REJECTED, {}, words["cancelled"]
        if kind is NoticeKind.BACKORDERED:
            waiting = [ln for ln in notice.lines if ln.waiting > 0]
            text = ", ".join(
                words["line"].format(pos=ln.line_no or ln.position, qty=ln.waiting) for ln in waiting
            )
            return (
                OrderResponse.CHANGED,
                {ln.position: OrderResponse.CHANGED for ln in waiting},
                words["backordered"].format(lines=text),
            )
        if kind is NoticeKind.CHANGED:
            changed = notice.notification.detail.get("lines")
            positions = changed if isinstance(changed, dict) else {}
            lines = {int(p): OrderResponse.CHANGED for p in positions if str(p).isdigit()}
            note = notice.notification.detail.get("note")
            return OrderResponse.CHANGED, lines, str(note) if note else words["changed"]
        return OrderResponse.ACCEPTED, {}, None
