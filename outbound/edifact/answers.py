"""EDIFACT answers as outbox messages: an ORDRSP per decided order, a CONTRL per interchange owed one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core.capture.domain.interchange import InterchangeReceipt
from core.kernel.domain.model import Order, OrderState, OutboundKind, OutboundMessage, Partner
from outbound.edifact.contrl import build_contrl
from outbound.edifact.naming import outbound_filename
from outbound.edifact.ordrsp import OrderResponse, ordrsp_message
from outbound.edifact.syntax import CODECS, Envelope, write_interchange

FALLBACK_SYNTAX = "UNOC"


def envelope_for(partner: Partner, control_ref: str, now: datetime) -> Envelope:
    """Our UNB to a partner: from the id they address us by, in the syntax they wrote to us in."""
    syntax_id = partner.syntax_id if partner.syntax_id in CODECS else FALLBACK_SYNTAX
    version = partner.syntax_version if partner.syntax_version in ("1", "2", "3", "4") else "3"
    return Envelope(
        sender_id=partner.our_id or "UNKNOWN",
        sender_qualifier=partner.our_qualifier,
        recipient_id=partner.partner_id,
        recipient_qualifier=partner.qualifier,
        control_ref=control_ref,
        syntax_id=syntax_id,
        syntax_version=version,
        prepared_at=now,
    )


class EdifactAnswers:
    """Renders the answers the processing service queues in the outbox, for one EDIFACT channel."""

    def __init__(self, channel: str = "edi") -> None:
        self.channel = channel  # the folder ("edi") or AS2: the same interchange, another way out

    def order_responses(
        self, orders: Sequence[Order], partner: Partner, control_ref: str, now: datetime
    ) -> OutboundMessage:
        """One interchange holding an ORDRSP message per order, all to the same partner.

        Answers to one received interchange travel together, as translators usually send them:
        the partner gets one file instead of one per order.
        """
        messages = [
            ordrsp_message(
                order,
                message_ref=str(n),
                response=OrderResponse.REJECTED
                if order.state == OrderState.REJECTED
                else OrderResponse.ACCEPTED,
                issued_at=now,
                response_number=f"{control_ref}-{n}",
            )
            for n, order in enumerate(orders, start=1)
        ]
        content = write_interchange(envelope_for(partner, control_ref, now), messages)
        return self.message(OutboundKind.ORDRSP, partner, control_ref, content, now)

    def contrl(
        self, receipt: InterchangeReceipt, partner: Partner, control_ref: str, now: datetime
    ) -> OutboundMessage:
        content = build_contrl(receipt, envelope_for(partner, control_ref, now), message_ref="1")
        return self.message(OutboundKind.CONTRL, partner, control_ref, content, now)

    def message(
        self, kind: OutboundKind, partner: Partner, control_ref: str, content: bytes, now: datetime
    ) -> OutboundMessage:
        return OutboundMessage(
            channel=self.channel,
            kind=kind,
            recipient=partner.address,  # the configured outbox folder or AS2 id, never UNB text
            filename=outbound_filename(kind.value, partner.partner_id, control_ref),
            content=content,
            created_at=now,
            control_ref=control_ref,
        )
