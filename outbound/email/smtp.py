"""Sending e-mail through a smarthost, each message once.

A message's Message-ID is fixed when it is rendered (see `compose`); the journal remembers every id
the smarthost accepted, so delivering the same outbox row again (a retry after a crash between the
SMTP transaction and the commit) sends nothing.
"""

from __future__ import annotations

import email.utils
import hashlib
import smtplib
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from core.kernel.domain.model import OutboundMessage
from core.kernel.errors import ConfigError
from outbound.email.compose import message_id_of
from outbound.spool import write_atomically


@dataclass(frozen=True)
class Smarthost:
    """Where to hand outgoing mail: host, port, TLS mode and optional login."""

    host: str
    port: int = 25
    security: str = "none"  # none | starttls | tls
    username: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, text: str) -> Smarthost:
        """`host:port`, or `smtp://[user:pass@]host[:port]`, `smtp+starttls://…`, `smtps://…`."""
        if "://" not in text:
            host, _, port = text.rpartition(":") if ":" in text else (text, "", "25")
            if not host or not port.isdigit():
                raise ConfigError(f"OMS_SMTP_SMARTHOST {text!r}: use host:port or smtp://host:port")
            return cls(host=host, port=int(port))
        url = urlsplit(text)
        modes = {"smtp": ("none", 25), "smtp+starttls": ("starttls", 587), "smtps": ("tls", 465)}
        if url.scheme not in modes or not url.hostname:
            raise ConfigError(f"OMS_SMTP_SMARTHOST {text!r}: the scheme must be smtp, smtp+starttls or smtps")
        security, default_port = modes[url.scheme]
        return cls(
            host=url.hostname,
            port=url.port or default_port,
            security=security,
            username=unquote(url.username) if url.username else None,
            password=unquote(url.password) if url.password else None,
        )


class SentJournal:
    """Marker files, one per Message-ID the smarthost accepted (kept with the outbox, shared by workers)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, message_id: str) -> Path:
        return self.folder / hashlib.sha256(message_id.encode("utf-8")).hexdigest()

    def sent(self, message_id: str) -> bool:
        return self._path(message_id).exists()

    def record(self, message_id: str) -> None:
        write_atomically(self._path(message_id), message_id.encode("utf-8") + b"\n")


class SmtpSender:
    """A `Sender` (core.kernel.services.delivery) for the e-mail channel: the rendered message, as it is."""

    def __init__(
        self, smarthost: Smarthost, envelope_from: str, journal: SentJournal, timeout: float = 30
    ) -> None:
        self.smarthost = smarthost
        self.envelope_from = envelope_from
        self.journal = journal
        self.timeout = timeout

    def send(self, message: OutboundMessage) -> None:
        message_id = message_id_of(message.content) or f"<outbox-{message.id}-{message.filename}>"
        if self.journal.sent(message_id):
            return
        options = [] if message.recipient.isascii() else ["SMTPUTF8"]
        content = self._complete(message.content)
        smtp = self._connect()
        try:
            smtp.sendmail(self.envelope_from, [message.recipient], content, mail_options=options)
            self.journal.record(message_id)  # before QUIT: a failing goodbye must not cause a resend
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()

    def _complete(self, content: bytes) -> bytes:
        """Add the From and Date a message must carry when its renderer left them out."""
        head = content.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].lower()
        missing = b""
        if not head.startswith(b"from:") and b"\nfrom:" not in head:
            missing += b"From: " + self.envelope_from.encode("utf-8") + b"\r\n"
        if not head.startswith(b"date:") and b"\ndate:" not in head:
            missing += b"Date: " + email.utils.formatdate(usegmt=True).encode("ascii") + b"\r\n"
        return missing + content

    def _connect(self) -> smtplib.SMTP:
        host = self.smarthost
        smtp: smtplib.SMTP
        if host.security == "tls":
            smtp = smtplib.SMTP_SSL(
                host.host, host.port, timeout=self.timeout, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(host.host, host.port, timeout=self.timeout)
        try:
            if host.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if host.username:
                smtp.login(host.username, host.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp
