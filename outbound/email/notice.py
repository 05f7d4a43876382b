"""The e-mail channel's notifier: a lifecycle notice as an RFC 5322 message in the customer's language,
without From (the sender sets it)."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP

from core.fulfilment.domain.notifications import CustomerNotice
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.email.reply import CHANNEL
from outbound.notices import notice_text


def notice_mail(recipient: str, key: str, subject: str, body: str) -> EmailMessage:
    """A notice as a plain-text message to `recipient`, its Message-ID from the notice's unique key."""
    if not recipient:
        raise ValueError(f"no e-mail address for {key}")
    mail = EmailMessage(policy=SMTP)
    mail["To"] = recipient
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{key.replace(':', '.')}@comanda>"
    mail.set_content(body)
    return mail


class MailNotifier:
    """Plain-text notices by e-mail, one message per notice, its Message-ID from the notice's key."""

    def compose(self, notice: CustomerNotice, now: datetime) -> OutboundMessage | None:
        recipient = notice.notification.recipient or ""
        mail = notice_mail(recipient, notice.notification.key, *notice_text(notice))
        return OutboundMessage(
            channel=CHANNEL,
            kind=OutboundKind.NOTICE,
            recipient=recipient,
            filename=f"NOTICE_{notice.reference}.eml",
            content=mail.as_bytes(),
            created_at=now,
        )
