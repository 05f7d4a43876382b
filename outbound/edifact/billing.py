"""The EDIFACT channel's billing notifier: an INVOIC for an invoice (BGM 380) or a credit note (BGM 381),
to the partner the order came from; other billing notices have no EDIFACT message."""

from __future__ import annotations

from datetime import datetime

from core.billing.domain.notices import DOCUMENT_KINDS, BillingMessage
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.edifact.answers import envelope_for
from outbound.edifact.invoic import Seller, invoic_message
from outbound.edifact.naming import outbound_filename
from outbound.edifact.syntax import write_interchange


class EdifactBilling:
    """INVOIC for invoices (BGM 380) and credit notes (BGM 381), to the partner the order came from."""

    def __init__(self, channel: str = "edi", seller: Seller | None = None) -> None:
        self.channel = channel  # the EDIFACT channel this answers on (the folder, AS2)
        self.seller = seller

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None:
        partner, ref, document = message.partner, message.control_ref, message.document
        if message.kind not in DOCUMENT_KINDS:
            return None
        if partner is None or ref is None or document is None:
            raise ValueError(f"{message.notice.key}: an INVOIC needs the partner and the document")
        seller = self.seller or Seller(party_id=partner.our_id or "UNKNOWN")
        body = invoic_message(document, message.order, seller, message_ref="1", original=message.original)
        return OutboundMessage(
            channel=self.channel,
            kind=OutboundKind.INVOIC,
            recipient=partner.address,  # the configured outbox folder or AS2 id, never UNB text
            filename=outbound_filename(OutboundKind.INVOIC.value, partner.partner_id, ref),
            content=write_interchange(envelope_for(partner, ref, now), [body]),
            created_at=now,
            control_ref=ref,
        )
