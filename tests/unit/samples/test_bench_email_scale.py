"""The e-mail throughput bench's `--workers` option: plumbing only (no timing, no services).

- `--workers 1,2` (or `--workers=2`) picks the scale-out run with those counts of worker processes;
  without it the single-process run is kept;
- a process's CPU read from /proc is what the kernel's own `times()` says for this process (both count
  clock ticks), and a process that is gone counts nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import bench.email_throughput as throughput
from bench.workers import cpu_seconds, parse_workers


def test_the_worker_counts_come_from_the_command_line() -> None:
    assert parse_workers(["--workers", "1,2"]) == [1, 2]
    assert parse_workers(["--settle", "--workers=2"]) == [2]
    assert parse_workers(["--settle"]) == []


def test_workers_picks_the_scale_out_run(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[int]] = []
    monkeypatch.setattr(throughput, "scale_out", asked.append)
    monkeypatch.setattr(sys, "argv", ["bench.email_throughput", "--workers", "1,2"])
    throughput.main()
    assert asked == [[1, 2]]


def test_cpu_of_a_process_is_its_user_and_system_time() -> None:
    sum(i * i for i in range(200_000))  # some CPU of our own
    before = os.times()
    mine = cpu_seconds(os.getpid())
    after = os.times()
    assert before.user + before.system - 0.011 <= mine <= after.user + after.system + 0.011


def test_a_process_that_is_gone_counts_nothing() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert cpu_seconds(child.pid) == 0.0
