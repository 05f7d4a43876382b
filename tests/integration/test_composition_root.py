"""The composition root leaves the broker as it found it: no dramatiq middleware added per worker, so
building the app again and running jobs step after step prints no "same type twice" warning."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import arrive, orders_of

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()
ROOT = Path(__file__).resolve().parents[2]


def test_building_the_app_twice_and_running_jobs_warns_of_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    for n in (1, 2):
        app = make_app(tmp_path / f"app{n}", clock=fixed_clock)
        load_demo_master_data(app)
        middleware = list(app.broker.middleware)
        doc = arrive(app, DEMO)
        app.run_jobs()  # a worker starts and stops
        app.run_jobs()  # and another, on the same broker
        assert [o.state for o in orders_of(app, doc)] == ["accepted", "accepted"]
        assert app.broker.middleware == middleware  # each worker took its middleware away again
        app.close()
    assert not [r for r in caplog.records if "same type twice" in r.getMessage()]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("dramatiq")]


def test_the_demo_prints_its_steps_and_no_warnings(tmp_path: Path) -> None:
    # one channel is enough for the warnings; test_demo.py runs every channel, twice
    env = {"OMS_DATA_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin", "OMP_THREAD_LIMIT": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "oms.cli", "demo", "--channel", "edi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "delivered" in result.stdout
    assert "same type twice" not in result.stderr
    assert result.stderr == ""  # logs are quiet by default: a clean run says nothing on stderr
