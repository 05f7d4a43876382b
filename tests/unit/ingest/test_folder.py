"""The inbox watcher: temp and dot files are left alone, a file is taken once it stops changing."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.capture.domain.documents import Channel, InboundDocument
from ingest.folder import FolderWatcher, StabilityTracker, ignored
from tests.waiting import wait_until


@pytest.mark.parametrize(
    ("name", "skip"),
    [
        ("orders.edi", False),
        ("sub/orders.edi", False),
        (".orders.edi", True),
        (".hidden/orders.edi", True),
        ("orders.edi.part", True),
        ("orders.edi.tmp", True),
        ("orders.edi.filepart", True),
        ("orders.edi~", True),
        ("~$orders.edi", True),
        ("ORDERS.EDI.PARTIAL", True),
    ],
)
def test_temp_and_dot_files_are_ignored(tmp_path: Path, name: str, skip: bool) -> None:
    assert ignored(tmp_path / name, tmp_path) is skip


class SteppedClock:
    """A monotonic clock the test moves by hand: no race with a loaded machine's scheduler."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_file_is_ready_only_after_it_stopped_changing(tmp_path: Path) -> None:
    path = tmp_path / "growing.edi"
    path.write_bytes(b"UNA")
    clock = SteppedClock()
    tracker = StabilityTracker(settle=3.0, clock=clock)
    tracker.touch(path)
    assert tracker.ready() == []  # first look: its size and time noted, the settle time starts
    clock.now += 2
    with path.open("ab") as fh:
        fh.write(b":+.? '")
    assert tracker.ready() == []  # it changed: the clock starts again
    clock.now += 2.5
    assert tracker.ready() == []  # unchanged, but not for long enough (2.5 s of 3)
    clock.now += 0.5
    assert tracker.ready() == [path]  # 3 s unchanged
    assert tracker.ready() == []  # handed out once


def test_a_vanished_candidate_is_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "gone.edi"
    path.write_bytes(b"x")
    tracker = StabilityTracker(settle=0.0)
    tracker.touch(path)
    path.unlink()
    assert tracker.ready() == []


class Collector:
    def __init__(self, fail: int = 0) -> None:
        self.docs: list[InboundDocument] = []
        self.fail = fail
        self.event = threading.Event()

    def __call__(self, doc: InboundDocument) -> int:
        if self.fail:
            self.fail -= 1
            raise ConnectionError("database away")
        self.docs.append(doc)
        self.event.set()
        return len(self.docs)


def wait_for(collect: Collector, count: int, timeout: float = 10.0) -> None:
    """Until the watcher has handed `count` documents over: woken by each hand-over, no fixed sleep."""
    wait_until(
        lambda: len(collect.docs) == count, f"{count} documents handed over", timeout, event=collect.event
    )


def test_files_already_there_and_new_ones_are_taken_and_removed(tmp_path: Path) -> None:
    inbox = tmp_path / "edi"
    inbox.mkdir()
    (inbox / "before.edi").write_bytes(b"one")
    (inbox / ".dot.edi").write_bytes(b"hidden")
    collect = Collector()
    watcher = FolderWatcher({inbox: Channel.EDI}, collect, lambda: datetime.now(UTC), settle=0.1)
    watcher.start()
    try:
        wait_for(collect, 1)
        (inbox / "partner").mkdir()
        (inbox / "partner" / "after.edi").write_bytes(b"two")
        wait_for(collect, 2)
    finally:
        watcher.stop()
    assert [(d.original_name, d.content, d.channel) for d in collect.docs] == [
        ("before.edi", b"one", Channel.EDI),
        ("partner/after.edi", b"two", Channel.EDI),
    ]
    assert all(d.received_at.tzinfo is not None for d in collect.docs)
    assert sorted(p.name for p in inbox.rglob("*") if p.is_file()) == [".dot.edi"]


def test_a_file_that_cannot_be_stored_stays_and_is_taken_later(tmp_path: Path) -> None:
    inbox = tmp_path / "edi"
    inbox.mkdir()
    (inbox / "later.edi").write_bytes(b"data")
    collect = Collector(fail=1)
    watcher = FolderWatcher({inbox: Channel.EDI}, collect, lambda: datetime.now(UTC), settle=0.05, rescan=0.2)
    watcher.start()
    try:
        wait_for(collect, 1)
    finally:
        watcher.stop()
    assert collect.docs[0].content == b"data"
    assert not (inbox / "later.edi").exists()
