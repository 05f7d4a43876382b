"""A new operator's first run: `oms run` in a fresh data folder prints the admin password once, the
login page says where to look, and that password signs in from a real browser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.browser import _free_port, _up, chromium

pytestmark = pytest.mark.e2e


def test_the_password_printed_on_the_first_run_logs_in(tmp_path: Path) -> None:
    env = {**os.environ, "OMS_DATA_DIR": str(tmp_path / "var"), "OMP_THREAD_LIMIT": "1"}
    for name in ("OMS_DATABASE_URL", "OMS_BROKER_URL", "OMS_ADMIN_PASSWORD"):
        env.pop(name, None)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    out = tmp_path / "console.txt"
    with out.open("wb") as console:
        proc = subprocess.Popen(
            [sys.executable, "-m", "oms.cli", "run", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=console,
            stderr=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 60
        while not _up(f"{base}/health"):
            assert time.monotonic() < deadline, out.read_text()
            time.sleep(0.1)
        printed = re.search(r"created user admin, password: (\S+)", out.read_text())
        assert printed is not None, out.read_text()
        with chromium() as browser:
            page = browser.new_page()  # type: ignore[attr-defined]
            page.goto(f"{base}/review")
            assert "/login" in page.url
            assert "printed once on the console" in page.inner_text("#first-run")
            page.fill("input[name=username]", "admin")
            page.fill("input[name=password]", printed[1])
            with page.expect_navigation():
                page.click("button[type=submit]")
            assert page.url.endswith("/review"), page.content()
            page.goto(f"{base}/login")
            assert page.query_selector("#first-run") is None
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert out.read_text().count("password:") == 1
