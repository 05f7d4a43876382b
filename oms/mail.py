"""Wiring of the e-mail channel: the receivers (SMTP, Maildir, IMAP), the reply sender and responder."""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from core.capture.domain.documents import InboundDocument
from core.kernel.services.delivery import Sender
from oms.settings import Settings
from outbound.email import EmailResponder, SentJournal, Smarthost, SmtpSender
from outbound.spool import FolderSpool

log = logging.getLogger(__name__)


class _Service(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


class MailReceivers:
    """The SMTP receiver, the Maildir watcher and the IMAP poller, started and stopped together."""

    def __init__(self, services: list[_Service]) -> None:
        self.services = services

    def start(self) -> None:
        """Start each; one that cannot start (a port in use) is logged and the others run on."""
        started = []
        for service in self.services:
            try:
                service.start()
            except Exception:
                log.exception("could not start %s; e-mail will not arrive that way", type(service).__name__)
                continue
            started.append(service)
        self.services = started

    def stop(self) -> None:
        for service in reversed(self.services):
            try:
                service.stop()
            except Exception:
                log.exception("stopping %s failed", service)


def mail_receivers(
    settings: Settings, submit: Callable[[InboundDocument], int], clock: Callable[[], datetime]
) -> MailReceivers:
    from ingest.imap import ImapAccount, ImapPoller
    from ingest.maildir import MaildirWatcher
    from ingest.smtp import SmtpReceiver

    services: list[_Service] = []
    if settings.smtp_port:
        limit = settings.smtp_max_bytes or settings.max_document_bytes
        services.append(SmtpReceiver(settings.smtp_host, settings.smtp_port, submit, clock, limit))
    services.append(MaildirWatcher(settings.maildir or settings.inbox / "maildir", submit, clock))
    if settings.imap_url:
        account = ImapAccount.parse(settings.imap_url)
        poller = ImapPoller(
            account, submit, clock, done_folder=settings.imap_done_folder, poll=settings.imap_poll_seconds
        )
        services.append(poller)
    return MailReceivers(services)


def email_sender(settings: Settings) -> Sender:
    """SMTP through the smarthost when one is configured; otherwise .eml files in outbox/email/."""
    if not settings.smtp_smarthost:
        return FolderSpool(settings.outbox / "email")
    envelope_from = email.utils.parseaddr(settings.mail_from)[1] or settings.mail_from
    journal = SentJournal(settings.outbox / "email-sent")
    return SmtpSender(Smarthost.parse(settings.smtp_smarthost), envelope_from, journal)


def email_responder(settings: Settings) -> EmailResponder:
    return EmailResponder(settings.mail_from)
