"""The e-mail channel's receivers (SMTP, Maildir, IMAP), built from the settings and run together; what
the channel answers with is `outbound.email.channel`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from core.capture.domain.documents import InboundDocument
from oms.settings import Settings

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
