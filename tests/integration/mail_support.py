"""A wired app for the e-mail channel and a real SMTP server (aiosmtpd, in-process) that captures mail."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from tests.conftest import fixed_clock, load_demo_master_data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Captured:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class Capture:
    """What the smarthost was handed."""

    messages: list[Captured] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append(
                Captured(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
            )
        return "250 OK"


@contextmanager
def smarthost() -> Iterator[tuple[int, Capture]]:
    capture = Capture()
    port = free_port()
    controller = Controller(capture, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, capture
    finally:
        controller.stop()


def mail_app(tmp_path: Path, smarthost_port: int | None = None, **overrides: Any) -> App:
    settings = Settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'oms.db'}",
        broker_url="memory://",
        settle_seconds=0.1,
        smtp_port=free_port(),
        smtp_smarthost=f"127.0.0.1:{smarthost_port}" if smarthost_port else None,
        **overrides,
    )
    app = bootstrap(settings, clock=fixed_clock)
    app.upgrade_database()
    load_demo_master_data(app)
    return app
