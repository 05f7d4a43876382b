"""Comanda's own SMTP receiver (aiosmtpd): every accepted message is stored before the 250 goes out.

Messages over the size limit are refused with 552 (at MAIL FROM when the client declares SIZE, else
after DATA); when the store is unavailable the receiver answers 451, so the sending server keeps the
message and tries again: an e-mail is never acknowledged and then lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiosmtpd.controller import Controller

from core.capture.domain.documents import InboundDocument
from ingest.mail import mail_envelope

log = logging.getLogger(__name__)


class _Handler:
    def __init__(self, submit: Callable[[InboundDocument], int], clock: Callable[[], datetime]) -> None:
        self.submit = submit
        self.clock = clock

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        doc = mail_envelope(raw, self.clock(), envelope_sender=envelope.mail_from or "")
        try:
            doc_id = await asyncio.get_running_loop().run_in_executor(None, self.submit, doc)
        except Exception:
            log.exception("could not store a message from %s; asking the sender to retry", envelope.mail_from)
            return "451 4.3.0 Could not store the message now; please try again later"
        log.info("stored e-mail from %s as document %s", envelope.mail_from, doc_id)
        return f"250 2.0.0 Stored as document {doc_id}"


class SmtpReceiver:
    """Listens on host:port and hands each message to `submit` (start/stop from any thread)."""

    def __init__(
        self,
        host: str,
        port: int,
        submit: Callable[[InboundDocument], int],
        clock: Callable[[], datetime],
        max_bytes: int,
        hostname: str = "comanda",
    ) -> None:
        self.controller = Controller(
            _Handler(submit, clock),
            hostname=host,
            port=port,
            server_hostname=hostname,
            data_size_limit=max_bytes,
            enable_SMTPUTF8=True,
            decode_data=False,
            timeout=120,
        )

    @property
    def port(self) -> int:
        return int(self.controller.port)

    def start(self) -> None:
        self.controller.start()
        log.info("SMTP receiver on %s:%s", self.controller.hostname, self.controller.port)

    def stop(self) -> None:
        self.controller.stop()
