"""Start-up sweeps the half-written files a worker killed between write and rename left in the outboxes."""

from __future__ import annotations

import os
import time
from pathlib import Path

from oms.bootstrap import App
from outbound.spool import sweep_leftovers, write_atomically

HEX = "0123456789abcdef" * 2


def _aged(path: Path, content: bytes, seconds_ago: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    then = time.time() - seconds_ago
    os.utime(path, (then, then))
    return path


def test_only_our_old_leftovers_go(tmp_path: Path) -> None:
    box = tmp_path / "outbox" / "edi" / "8437000100010"
    write_atomically(box / "ORDRSP-1.edi", b"UNA")
    stale = _aged(box / f".ORDRSP-2.edi.{HEX}.tmp", b"UN", 3600)
    fresh = _aged(box / f".ORDRSP-3.edi.{HEX}.tmp", b"UN", 5)  # another worker may be writing it now
    theirs = _aged(box / "notes.tmp", b"a gateway's own file", 3600)
    gone = sweep_leftovers(tmp_path / "outbox", time.time())
    assert gone == [stale]
    assert not stale.exists() and fresh.exists() and theirs.exists()
    assert (box / "ORDRSP-1.edi").read_bytes() == b"UNA"


def test_a_missing_outbox_is_nothing_to_sweep(tmp_path: Path) -> None:
    assert sweep_leftovers(tmp_path / "nowhere", time.time()) == []


def test_start_up_sweeps_every_outbox(app: App) -> None:
    leftovers = [
        _aged(app.settings.outbox / "fax" / f".fax-7.pdf.{HEX}.tmp", b"%PDF", 900),
        _aged(app.settings.outbox / "email" / "ana_x.es" / f".reply.eml.{HEX}.tmp", b"From:", 900),
    ]
    app.requeue_unfinished(everything=True)  # what `oms run` and `oms worker` do first
    assert not any(p.exists() for p in leftovers)
