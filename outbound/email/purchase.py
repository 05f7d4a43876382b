"""The e-mail channel's purchase-order writer: a message in the supplier's language with the order
attached as PDF."""

from __future__ import annotations

from datetime import datetime

from core.kernel.domain.model import OutboundKind, OutboundMessage
from core.purchasing.domain.outgoing import PoDocument
from outbound.confirmation import Letterhead
from outbound.email.notice import notice_mail
from outbound.email.reply import CHANNEL
from outbound.purchase import covering_text, po_pdf


class MailPurchase:
    def __init__(self, letterhead: Letterhead | None = None) -> None:
        self.letterhead = letterhead or Letterhead()

    def compose(self, document: PoDocument, now: datetime) -> OutboundMessage:
        po = document.po
        mail = notice_mail(
            document.recipient, f"purchase-order:{po.number}", *covering_text(document, self.letterhead)
        )
        mail.add_attachment(
            po_pdf(document, self.letterhead),
            maintype="application",
            subtype="pdf",
            filename=f"{po.number}.pdf",
        )
        return OutboundMessage(
            channel=CHANNEL,
            kind=OutboundKind.PURCHASE,
            recipient=document.recipient,
            filename=f"PURCHASE_{po.number}.eml",
            content=mail.as_bytes(),
            created_at=now,
        )
