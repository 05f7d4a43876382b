"""A folder spool: each answer written atomically into `<root>/<recipient>/<file name>`.

Gateways (SFTP, VAN, AS2 clients, fax servers) take files from such folders, so a file must never
be seen half-written: it is written under a dot-name, flushed to disk, then renamed into place
(a spool that is not `durable`, for a bulk load, leaves the flushing to the system: still renamed).
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from core.kernel.domain.model import OutboundMessage

_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]")


def safe_name(text: str) -> str:
    """A single, harmless path component from any text (ids can hold '/', ':' or spaces)."""
    cleaned = _UNSAFE.sub("_", text).lstrip(".") or "_"
    return cleaned[:120]


def write_atomically(path: Path, content: bytes, *, durable: bool = True, sync_folder: bool = True) -> None:
    """`content` at `path`, whole or not at all: written under a temporary name, flushed to disk
    (`durable`), renamed. The rename is on disk once the folder is synced: here, unless the caller
    syncs it later for several files (`sync_folder=False`, then `sync_folders`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with tmp.open("wb") as fh:
        fh.write(content)
        fh.flush()
        if durable:
            os.fsync(fh.fileno())
    tmp.replace(path)
    if durable and sync_folder:
        sync_folders([path.parent])


def sync_folders(folders: Iterable[Path]) -> None:
    """Each folder's entries (the renames into it) flushed to disk, each folder once."""
    for folder in sorted(set(folders)):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# what write_atomically leaves behind when killed between write and rename: `.<name>.<32 hex>.tmp`
_LEFTOVER = re.compile(r"^\..+\.[0-9a-f]{32}\.tmp$")


def sweep_leftovers(root: Path, now: float, grace_seconds: float = 300.0) -> list[Path]:
    """Remove half-written files a killed writer left under `root`; returns what went.

    The message itself is still pending in the database and is written again, so nothing is lost.
    Only files older than `grace_seconds` go: another worker may be writing one right now."""
    gone: list[Path] = []
    if not root.is_dir():
        return gone
    for path in root.rglob("*.tmp"):
        if _LEFTOVER.match(path.name) and path.is_file() and now - path.stat().st_mtime > grace_seconds:
            path.unlink(missing_ok=True)
            gone.append(path)
    return gone


class FolderSpool:
    """Sends by writing into a per-recipient folder; sending the same message twice writes one file."""

    def __init__(self, root: Path, *, durable: bool = True) -> None:
        self.root = root
        self.durable = durable
        # files this spool put in place and then synced their folder: path -> inode then (a file
        # written again is a new inode), the last `_DURABLE_KEPT`
        self._synced: OrderedDict[Path, int] = OrderedDict()
        self._lock = threading.Lock()

    def path_for(self, message: OutboundMessage) -> Path:
        return self.root / safe_name(message.recipient) / safe_name(message.filename)

    def send(self, message: OutboundMessage) -> None:
        path = self.path_for(message)
        if _holds(path, message.content):
            return
        write_atomically(path, message.content, durable=self.durable)

    def stage(self, message: OutboundMessage) -> Path | None:
        """Put the message in place as `send` does, but leave its folder to `make_durable`, which
        syncs each folder once for all the messages staged (one sync a batch of a customer's replies
        instead of one each). Returns the file whose folder to sync (None: nothing to sync: not a
        durable spool, or the file is there as this spool left it after syncing its folder). Until
        it has been synced, a crash of the machine may lose the file, never leave part of it."""
        path = self.path_for(message)
        if not _holds(path, message.content):
            write_atomically(path, message.content, durable=self.durable, sync_folder=False)
        elif self._on_disk(path):
            return None
        return path if self.durable else None

    def make_durable(self, staged: Iterable[object]) -> None:
        """The staged messages' folders synced, each once; OSError: some may not be on disk."""
        files = [path for path in staged if isinstance(path, Path)]
        sync_folders(path.parent for path in files)
        with self._lock:
            for path in files:
                with contextlib.suppress(OSError):  # taken away meanwhile: staged again next time
                    self._synced[path] = path.stat().st_ino
                    self._synced.move_to_end(path)
            while len(self._synced) > _DURABLE_KEPT:
                self._synced.popitem(last=False)

    def _on_disk(self, path: Path) -> bool:
        with self._lock:
            inode = self._synced.get(path)
        try:
            return inode is not None and path.stat().st_ino == inode
        except OSError:
            return False


_DURABLE_KEPT = 4096


def _holds(path: Path, content: bytes) -> bool:
    """The file is there with exactly this content (a message sent again writes nothing)."""
    return path.exists() and path.read_bytes() == content
