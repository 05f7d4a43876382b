"""The e-mail channel: a threaded reply to an e-mailed order with its confirmation attached, notices
and billing documents by mail, sent through the smarthost (or written as .eml files into
`outbox/email/` when none is configured); its receivers (SMTP, Maildir, IMAP) are in `ingest/`."""

from __future__ import annotations

import email.utils
from pathlib import Path
from typing import Protocol

from core.kernel.domain.model import Customer, Order
from outbound.channel import Channel, Sender
from outbound.confirmation import Letterhead
from outbound.email.billing import MailBilling
from outbound.email.notice import MailNotifier
from outbound.email.purchase import MailPurchase
from outbound.email.reply import CHANNEL, EmailResponder
from outbound.email.smtp import SentJournal, Smarthost, SmtpSender
from outbound.spool import FolderSpool


class MailSettings(Protocol):
    """What the e-mail channel reads of the settings."""

    @property
    def outbox(self) -> Path: ...

    @property
    def durable_writes(self) -> bool: ...

    @property
    def mail_from(self) -> str: ...

    @property
    def smtp_smarthost(self) -> str | None: ...


def mail_sender(settings: MailSettings) -> Sender:
    """SMTP through the smarthost when one is configured; otherwise .eml files in outbox/email/."""
    if not settings.smtp_smarthost:
        return FolderSpool(settings.outbox / "email", durable=settings.durable_writes)
    envelope_from = email.utils.parseaddr(settings.mail_from)[1] or settings.mail_from
    journal = SentJournal(settings.outbox / "email-sent")
    return SmtpSender(Smarthost.parse(settings.smtp_smarthost), envelope_from, journal)


class EmailChannel(Channel):
    """Answers and tells customers by e-mail, at the address master data has for them."""

    name = CHANNEL
    label = "E-mail"
    colour = "#1b7f3b"
    fallback = True
    settings: tuple[str, ...] = ("data_dir", "mail_from", "smtp_smarthost", "durable_writes")

    def __init__(self, sender: Sender | None, mail_from: str, letterhead: Letterhead | None = None) -> None:
        self.responder = EmailResponder(mail_from)
        self.notifier = MailNotifier()
        self.billing = MailBilling(letterhead)
        self.purchase = MailPurchase(letterhead)
        self.sender = sender

    @classmethod
    def from_settings(cls, settings: MailSettings) -> EmailChannel:
        return cls(mail_sender(settings), settings.mail_from)

    def recipient(self, order: Order, customer: Customer | None) -> str | None:
        return customer.email if customer else None
