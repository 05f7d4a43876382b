"""Watched inbox folders: a file is taken once it has stopped changing, stored, then removed.

watchdog reports changes; a stability tracker polls each candidate until its size and mtime have
stayed the same for a settle time (a gateway may still be writing it).  Temp and dot files are
ignored; files already there at start-up are taken; a periodic rescan catches missed events.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from core.capture.domain.documents import Channel, InboundDocument

log = logging.getLogger(__name__)

TEMP_SUFFIXES = (".tmp", ".part", ".partial", ".filepart", ".crdownload", ".swp", ".lock", "~")


def ignored(path: Path, root: Path) -> bool:
    """Dot files, files in dot folders and the temp names transfer tools write while copying."""
    rel = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    if any(part.startswith(".") for part in rel.parts):
        return True
    name = path.name.lower()
    return name.endswith(TEMP_SUFFIXES) or name.startswith("~$")


class Sidecars(Protocol):
    """Companion files a channel's gateway writes beside a document (a fax server's metadata)."""

    def is_sidecar(self, path: Path) -> bool: ...

    def attach(self, path: Path, doc: InboundDocument) -> tuple[InboundDocument, list[Path]]:
        """The arrival completed from the document's sidecars, and the sidecars to remove with it."""
        ...


@dataclass
class _Candidate:
    signature: tuple[int, int]
    stable_since: float


class StabilityTracker:
    """Remembers candidate files and says which have been unchanged for `settle` seconds."""

    def __init__(self, settle: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.settle = settle
        self.clock = clock  # seconds, monotonic (a test steps its own)
        self._seen: dict[Path, _Candidate] = {}
        self._lock = threading.Lock()

    def touch(self, path: Path) -> None:
        with self._lock:
            self._seen.setdefault(path, _Candidate((-1, -1), self.clock()))

    def ready(self) -> list[Path]:
        now = self.clock()
        done: list[Path] = []
        with self._lock:
            for path, cand in list(self._seen.items()):
                try:
                    st = path.stat()
                except FileNotFoundError:
                    del self._seen[path]
                    continue
                signature = (st.st_size, st.st_mtime_ns)
                if signature != cand.signature:
                    self._seen[path] = _Candidate(signature, now)
                elif now - cand.stable_since >= self.settle:
                    done.append(path)
                    del self._seen[path]
        return done


class _Events(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.watcher.consider(Path(str(raw)))


class FolderWatcher:
    """Watches inbox folders, one channel each, and hands every complete file to `submit`."""

    def __init__(
        self,
        folders: dict[Path, Channel],
        submit: Callable[[InboundDocument], int],
        clock: Callable[[], datetime],
        settle: float = 0.2,
        poll: float = 0.05,
        rescan: float = 5.0,
        sidecars: Mapping[Channel, Sidecars] | None = None,
    ) -> None:
        self.folders = {p.resolve(): c for p, c in folders.items()}
        self.sidecars = dict(sidecars or {})
        self.submit = submit
        self.clock = clock
        self.tracker = StabilityTracker(settle)
        self.poll = poll
        self.rescan = rescan
        self._stop = threading.Event()
        self._observer = Observer()
        self._thread = threading.Thread(target=self._loop, name="oms-inbox", daemon=True)

    def _root_of(self, path: Path) -> Path | None:
        for root in self.folders:
            if path.is_relative_to(root):
                return root
        return None

    def consider(self, path: Path) -> None:
        root = self._root_of(path)
        if root is None or ignored(path, root):
            return
        companion = self.sidecars.get(self.folders[root])
        if companion is not None and companion.is_sidecar(path):
            return  # taken together with its document
        if path.is_file():
            self.tracker.touch(path)

    def scan(self) -> None:
        for root in self.folders:
            for path in root.rglob("*"):
                self.consider(path)

    def start(self) -> None:
        for root in self.folders:
            root.mkdir(parents=True, exist_ok=True)
            self._observer.schedule(_Events(self), str(root), recursive=True)
        self._observer.start()
        self.scan()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._observer.stop()
        self._observer.join(timeout=5)
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        last_scan = time.monotonic()
        while not self._stop.wait(self.poll):
            for path in self.tracker.ready():
                self.take(path)
            if time.monotonic() - last_scan >= self.rescan:
                self.scan()
                last_scan = time.monotonic()

    def take(self, path: Path) -> int | None:
        """Store the file as an arrival on its folder's channel, then remove it from the inbox."""
        root = self._root_of(path)
        if root is None:
            return None
        try:
            content = path.read_bytes()
        except OSError as exc:
            log.warning("cannot read %s yet: %s", path, exc)
            return None
        doc = InboundDocument(
            channel=self.folders[root],
            content=content,
            received_at=self.clock(),
            original_name=str(path.relative_to(root)),
        )
        companions: list[Path] = []
        sidecars = self.sidecars.get(self.folders[root])
        if sidecars is not None:
            doc, companions = sidecars.attach(path, doc)
        try:
            doc_id = self.submit(doc)
        except Exception:  # the database may be away; the file stays and is taken on the next scan
            log.exception("could not store %s; will try again", path)
            return None
        path.unlink(missing_ok=True)
        for companion in companions:
            companion.unlink(missing_ok=True)
        log.info("took %s as document %s", path, doc_id)
        return doc_id
