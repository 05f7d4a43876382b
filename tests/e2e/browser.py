"""A running `oms run` and Debian's Chromium driven by Playwright, for the review-screen tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.waiting import wait_until

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct horse battery"


@dataclass
class Server:
    base: str
    var: Path
    env: dict[str, str]

    def oms(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "oms.cli", *args],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


@contextmanager
def running_oms(tmp_path: Path) -> Iterator[Server]:
    env = {**os.environ, "OMS_DATA_DIR": str(tmp_path / "var"), "OMP_THREAD_LIMIT": "1"}
    env.pop("OMS_DATABASE_URL", None)
    env.pop("OMS_BROKER_URL", None)
    port = _free_port()
    server = Server(f"http://127.0.0.1:{port}", tmp_path / "var", env)
    assert server.oms("db", "upgrade").returncode == 0
    for kind in ("customers", "products", "customer-items", "partners"):
        done = server.oms("import", kind, str(ROOT / "samples" / "masterdata" / f"{kind}.csv"))
        assert done.returncode == 0, done.stderr
    made = server.oms("user", "create", "ana", "--role", "clerk", "--password-stdin", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    with (tmp_path / "run.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "oms.cli", "run", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        try:
            wait_until(lambda: _up(f"{server.base}/health"), "`oms run` to answer /health", 60)
        except AssertionError as exc:
            raise AssertionError((tmp_path / "run.log").read_text()) from exc
        yield server
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@contextmanager
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; make install installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
