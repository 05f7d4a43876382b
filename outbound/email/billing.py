"""The e-mail channel's billing notifier: a message in the customer's language, with the invoice or
credit note attached as PDF."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP

from core.billing.domain.notices import BillingMessage
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.billing_notices import document_pdf, notice_text
from outbound.confirmation import Letterhead
from outbound.email.reply import CHANNEL


class MailBilling:
    """An e-mail in the customer's language, with the invoice or credit note attached as PDF."""

    def __init__(self, letterhead: Letterhead | None = None) -> None:
        self.letterhead = letterhead

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None:
        recipient = message.notice.recipient
        if not recipient:
            raise ValueError(f"no e-mail address for {message.notice.key}")
        subject, body = notice_text(message)
        mail = EmailMessage(policy=SMTP)
        mail["To"] = recipient
        mail["Subject"] = subject
        mail["Message-ID"] = f"<{message.notice.key.replace(':', '.')}@comanda>"
        mail.set_content(body)
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
