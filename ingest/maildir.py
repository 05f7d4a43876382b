"""A Maildir a mail server delivers into: each message in new/ is stored, then moved to cur/.

Delivery agents write into tmp/ and rename into new/, so a file in new/ is always complete.  A
message is moved to cur/ (flagged seen) only after it is stored; if the move fails or the process
dies in between, the next scan stores it again and processing recognises the duplicate.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from core.capture.domain.documents import InboundDocument
from ingest.mail import mail_envelope

log = logging.getLogger(__name__)


class MaildirWatcher:
    """Polls `root/new` every `poll` seconds and hands each message to `submit`."""

    def __init__(
        self,
        root: Path,
        submit: Callable[[InboundDocument], int],
        clock: Callable[[], datetime],
        poll: float = 1.0,
    ) -> None:
        self.root = root
        self.submit = submit
        self.clock = clock
        self.poll = poll
        self._stop = threading.Event()
        self._stuck: set[str] = set()  # stored, but could not be moved out of new/
        self._thread = threading.Thread(target=self._loop, name="oms-maildir", daemon=True)

    def start(self) -> None:
        for sub in ("tmp", "new", "cur"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while True:
            try:
                self.scan()
            except Exception:  # a vanished folder, a full disk: log it and look again later
                log.exception("scanning %s failed", self.root)
            if self._stop.wait(self.poll):
                return

    def scan(self) -> list[int]:
        """Take every message now in new/; returns the document ids stored."""
        taken = []
        with os.scandir(self.root / "new") as entries:
            names = sorted(
                e.name
                for e in entries
                if e.is_file() and not e.name.startswith(".") and e.name not in self._stuck
            )
        for name in names:
            if self._stop.is_set():
                break
            doc_id = self.take(name)
            if doc_id is not None:
                taken.append(doc_id)
        return taken

    def take(self, name: str) -> int | None:
        path = self.root / "new" / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None  # another watcher took it
        try:
            doc_id = self.submit(mail_envelope(raw, self.clock(), name=name.split(":", 1)[0]))
        except Exception:  # the database may be away: the message stays in new/ for the next scan
            log.exception("could not store %s; will try again", path)
            return None
        base = name.split(":", 1)[0]
        try:
            path.rename(self.root / "cur" / f"{base}:2,S")
        except FileNotFoundError:
            pass  # another watcher moved it
        except OSError as exc:  # stored, but cannot be moved: do not store it again on every scan
            log.error("stored %s as document %s but cannot move it to cur/: %s", path, doc_id, exc)
            self._stuck.add(name)
        log.info("took %s as document %s", path, doc_id)
        return doc_id
