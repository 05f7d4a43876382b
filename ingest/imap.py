"""An IMAP poller for a provider mailbox: new messages are fetched, stored, then marked (and moved).

Messages are fetched with BODY.PEEK (reading does not mark them seen) and only after they are stored
get the keyword `$ComandaStored` and \\Seen, and, when a done folder is configured, are moved there.
Where the server does not take keywords, \\Seen alone marks them.  Between polls the poller waits in
IDLE where the server offers it (new mail arrives within a second), otherwise it polls.
"""

from __future__ import annotations

import logging
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from imapclient import IMAPClient

from core.capture.domain.documents import InboundDocument
from core.kernel.errors import ConfigError
from ingest.mail import mail_envelope

log = logging.getLogger(__name__)
KEYWORD = "$ComandaStored"
SEEN = b"\\Seen"


@dataclass(frozen=True)
class ImapAccount:
    """`imaps://user:pass@host[:port]/Folder`, `imap://…` (plain) or `imap+starttls://…`."""

    host: str
    port: int
    username: str
    password: str
    folder: str = "INBOX"
    security: str = "tls"  # tls | starttls | none

    @classmethod
    def parse(cls, url: str) -> ImapAccount:
        parts = urlsplit(url)
        modes = {"imaps": ("tls", 993), "imap+starttls": ("starttls", 143), "imap": ("none", 143)}
        if parts.scheme not in modes or not parts.hostname or not parts.username:
            raise ConfigError("OMS_IMAP_URL must look like imaps://user:password@host[:port]/INBOX")
        security, port = modes[parts.scheme]
        return cls(
            host=parts.hostname,
            port=parts.port or port,
            username=unquote(parts.username),
            password=unquote(parts.password or ""),
            folder=unquote(parts.path.lstrip("/")) or "INBOX",
            security=security,
        )


class ImapPoller:
    """Runs in its own thread; reconnects with backoff when the server goes away."""

    def __init__(
        self,
        account: ImapAccount,
        submit: Callable[[InboundDocument], int],
        clock: Callable[[], datetime],
        *,
        done_folder: str | None = None,
        poll: float = 60.0,
        idle: bool = True,
        idle_seconds: float = 300.0,  # re-issue IDLE well within the 29 minutes servers allow
        timeout: float = 60.0,
    ) -> None:
        self.account = account
        self.submit = submit
        self.clock = clock
        self.done_folder = done_folder
        self.poll = poll
        self.idle = idle
        self.idle_seconds = idle_seconds
        self.timeout = timeout
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="oms-imap", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=15)

    def connect(self) -> IMAPClient:
        acc = self.account
        context = ssl.create_default_context()
        client = IMAPClient(
            acc.host, port=acc.port, ssl=acc.security == "tls", ssl_context=context, timeout=self.timeout
        )
        try:
            if acc.security == "starttls":
                client.starttls(context)
            client.login(acc.username, acc.password)
        except BaseException:
            client.shutdown()
            raise
        return client

    def _loop(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            try:
                client = self.connect()
            except Exception as exc:
                log.warning(
                    "IMAP %s: cannot connect (%s); retrying in %.0f s", self.account.host, exc, backoff
                )
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 300.0)
                continue
            backoff = 1.0
            try:
                self._session(client)
            except Exception:
                log.exception("IMAP %s: session failed; reconnecting", self.account.host)
                self._stop.wait(1.0)
            finally:
                try:
                    client.logout()
                except Exception:
                    client.shutdown()

    def _session(self, client: IMAPClient) -> None:
        idle = self.idle and client.has_capability("IDLE")
        while not self._stop.is_set():
            if self.fetch_new(client):
                # a message that arrived while these were stored and moved was announced during those
                # commands, and IDLE would not announce it again: look once more before waiting
                continue
            if idle:
                self._wait_idle(client)
            else:
                self._stop.wait(self.poll)

    def fetch_new(self, client: IMAPClient) -> list[int]:
        """Store every message not stored yet; returns the document ids."""
        selected = client.select_folder(self.account.folder)
        keyword = b"\\*" in selected.get(b"PERMANENTFLAGS", ())
        criteria = ["UNDELETED", "UNKEYWORD", KEYWORD] if keyword else ["UNDELETED", "UNSEEN"]
        stored = []
        for uid in client.search(criteria):
            if self._stop.is_set():
                break
            data: dict[bytes, Any] = client.fetch([uid], ["BODY.PEEK[]"]).get(uid, {})
            raw = data.get(b"BODY[]")
            if not isinstance(raw, bytes):
                continue  # expunged meanwhile
            doc_id = self.submit(mail_envelope(raw, self.clock()))  # raises: left unmarked, fetched again
            client.add_flags([uid], [KEYWORD, SEEN] if keyword else [SEEN], silent=True)
            if self.done_folder:
                self._move(client, uid)
            log.info("IMAP %s: stored message %s as document %s", self.account.host, uid, doc_id)
            stored.append(doc_id)
        return stored

    def _move(self, client: IMAPClient, uid: int) -> None:
        assert self.done_folder is not None
        folder = self._folder_name(client, self.done_folder)
        if not client.folder_exists(folder):
            client.create_folder(folder)
        if client.has_capability("MOVE"):
            client.move([uid], folder)
            return
        client.copy([uid], folder)
        client.delete_messages([uid], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge([uid])
        else:
            client.expunge()

    @staticmethod
    def _folder_name(client: IMAPClient, name: str) -> str:
        """`Comanda/Pedidos` in the server's own notation (`Comanda.Pedidos` where '.' separates)."""
        listed = client.list_folders("", "")  # LIST "" "" answers with the hierarchy delimiter
        delimiter = listed[0][1] if listed and listed[0][1] else b"/"
        sep = delimiter.decode() if isinstance(delimiter, bytes) else str(delimiter)
        return sep.join(part for part in name.split("/") if part)

    def _wait_idle(self, client: IMAPClient) -> None:
        client.idle()
        try:
            deadline = time.monotonic() + self.idle_seconds
            while not self._stop.is_set() and time.monotonic() < deadline:
                responses = client.idle_check(timeout=1)
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                    return
        finally:
            client.idle_done()
