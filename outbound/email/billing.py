"""The e-mail channel's billing notifier: a message in the customer's language, with the invoice or
credit note attached as PDF."""

from __future__ import annotations

from datetime import datetime

from core.billing.domain.notices import BillingMessage
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.billing_notices import document_pdf, notice_text
from outbound.confirmation import Letterhead
from outbound.email.notice import notice_mail
from outbound.email.reply import CHANNEL


class MailBilling:
    """An e-mail in the customer's language, with the invoice or credit note attached as PDF."""

    def __init__(self, letterhead: Letterhead | None = None) -> None:
        self.letterhead = letterhead

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None:
        recipient = message.notice.recipient or ""
        mail = notice_mail(recipient, message.notice.key, *notice_text(message))
        pdf = document_pdf(message, self.letterhead)
        if pdf is not None and message.document is not None:
            mail.add_attachment(
                pdf, maintype="application", subtype="pdf", filename=f"{message.document.code}.pdf"
            )
        return OutboundMessage(
            channel=CHANNEL,
            kind=OutboundKind.BILLING,
            recipient=recipient,
            filename=f"BILLING_{message.reference}.eml",
            content=mail.as_bytes(),
            created_at=now,
        )
