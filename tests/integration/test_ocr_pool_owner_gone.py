"""An OCR pool's workers end when the process that owns the pool is killed.

A `oms run` killed with SIGKILL (an operator's `kill -9`, the out-of-memory killer) cannot shut its pool
down. Its workers, each with Tesseract loaded, and the forkserver they keep alive must not idle on for
ever: they notice their owner is gone and end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads process states from /proc")

ROOT = Path(__file__).resolve().parents[2]
OWNER = textwrap.dedent(
    """
    import sys
    from PIL import Image, ImageDraw
    from oms.ocr import PooledTesseract
    from parsers.ocr.engine import OcrOptions
    from parsers.ocr.images import PageImage

    image = Image.new("L", (600, 120), 255)
    ImageDraw.Draw(image).text((20, 50), "PEDIDO 4711", fill=0)
    engine = PooledTesseract(2)
    engine.read_pages([PageImage.from_image(1, image, 200.0)], OcrOptions())
    print(" ".join(str(pid) for pid in engine._pool._processes), flush=True)
    sys.stdin.read()  # holds the pool until it is killed
    """
)
PATIENCE = 60.0  # seconds: how long the workers may take to notice (they look every few seconds)


def _state(pid: int) -> str | None:
    """The process's state letter, or None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _running(pids: set[int]) -> set[int]:
    return {pid for pid in pids if _state(pid) not in (None, "Z")}  # a zombie has ended, unreaped


def test_the_pools_workers_and_forkserver_end_when_their_owner_is_killed() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_THREAD_LIMIT": "1"}
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert owner.stdout is not None
        workers = {int(pid) for pid in owner.stdout.readline().split()}
        assert workers  # the pool starts a worker for the page it was given
        servers = {_parent(pid) for pid in workers} - {owner.pid}  # the forkserver that forked them
        assert _running(workers | servers) == workers | servers
    finally:
        owner.kill()
        owner.wait()
        for pipe in (owner.stdin, owner.stdout):
            if pipe is not None:
                pipe.close()
    deadline = time.monotonic() + PATIENCE
    while _running(workers | servers) and time.monotonic() < deadline:
        time.sleep(0.5)
    left = _running(workers | servers)
    for pid in left:  # not to leave them behind on the machine when the test fails
        os.kill(pid, 9)
    assert not left, f"still running {PATIENCE:.0f} s after their owner was killed: {sorted(left)}"
