"""The fax channel's purchase-order writer: the order's PDF, in the supplier's language, through the
fax spool."""

from __future__ import annotations

from datetime import datetime

from core.kernel.domain.model import OutboundKind, OutboundMessage
from core.purchasing.domain.outgoing import PoDocument
from outbound.confirmation import Letterhead
from outbound.fax.gateway import CHANNEL
from outbound.purchase import po_pdf


class FaxPurchase:
    def __init__(self, letterhead: Letterhead | None = None) -> None:
        self.letterhead = letterhead

    def compose(self, document: PoDocument, now: datetime) -> OutboundMessage:
        if not document.recipient:
            raise ValueError(f"no fax number for supplier {document.supplier.supplier_id}")
        return OutboundMessage(
            channel=CHANNEL,
            kind=OutboundKind.PURCHASE,
            recipient=document.recipient,
            filename=f"purchase-{document.po.number}.pdf",
            content=po_pdf(document, self.letterhead),
            created_at=now,
        )
