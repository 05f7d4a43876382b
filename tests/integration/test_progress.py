"""Long commands show a progress bar with counts on a terminal, and print nothing extra into a pipe."""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from oms.cli.common import progress
from tests.conftest import ROOT, SAMPLES

PRODUCTS = SAMPLES / "masterdata" / "products.csv"


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "OMS_DATA_DIR": str(tmp_path / "var"), "OMP_THREAD_LIMIT": "1", "COLUMNS": "100"}
    env.pop("OMS_DATABASE_URL", None)
    env.pop("OMS_BROKER_URL", None)
    env.pop("NO_COLOR", None)
    return env


def on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run with standard output and error on a pseudo-terminal; everything it showed there."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=terminal, stderr=terminal, stdin=subprocess.DEVNULL
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert proc.wait(timeout=120) == 0, shown.decode(errors="replace")
    return shown.decode(errors="replace")


def test_an_import_on_a_terminal_shows_its_counts_and_in_a_pipe_does_not(tmp_path: Path) -> None:
    rows = len(list(csv.DictReader(io.StringIO(PRODUCTS.read_text(encoding="utf-8")))))
    oms = [sys.executable, "-m", "oms.cli", "import", "products", str(PRODUCTS)]
    shown = on_a_terminal(oms, env_for(tmp_path))
    assert "import products" in shown and f"{rows}/{rows}" in shown
    piped = subprocess.run(oms, cwd=ROOT, env=env_for(tmp_path), capture_output=True, text=True)
    assert piped.returncode == 0
    assert piped.stderr == ""
    assert piped.stdout == f"products: 0 created, {rows} updated\n"


def test_the_bar_counts_what_it_is_told() -> None:
    out = io.StringIO()
    with progress("read again", Console(file=out, force_terminal=True, width=100)) as advance:
        for done in range(1, 8):
            advance(done, 7)
    assert "read again" in out.getvalue() and "7/7" in out.getvalue()


def test_the_demo_on_a_terminal_counts_its_channels(tmp_path: Path) -> None:
    shown = on_a_terminal([sys.executable, "-m", "oms.cli", "demo", "--channel", "edi"], env_for(tmp_path))
    assert "== edi: arrival ==" in shown  # the steps still print, above the bar
    assert "demo channels" in shown and "1/1" in shown


def piped(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def test_a_purchasing_plan_counts_products_times_warehouses(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    oms = [sys.executable, "-m", "oms.cli"]
    for kind in ("products", "suppliers", "supplier-products", "reorder"):
        piped([*oms, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv")], env)
        if kind == "products":
            piped([*oms, "stock", "setup"], env)
    # no order is open yet, so the places looked at are those with a reorder rule: one per row
    reorder = SAMPLES / "masterdata" / "reorder.csv"
    rules = len(list(csv.DictReader(io.StringIO(reorder.read_text(encoding="utf-8")))))
    preview = piped([*oms, "purchasing", "plan", "--dry-run"], env)
    assert preview.stderr == ""
    assert preview.stdout.startswith("S-HERR MAD: 3 line(s)\n")  # the proposals, and only them
    assert all(line.startswith(("S-", "  ")) for line in preview.stdout.splitlines())
    shown = on_a_terminal([*oms, "purchasing", "plan"], env)
    assert "plan: products x warehouses" in shown and f"{rules}/{rules}" in shown
    assert "proposed PO-000001 S-HERR MAD" in shown


@pytest.mark.slow
def test_demo_history_counts_its_days_and_a_rebuild_its_orders(tmp_path: Path) -> None:
    oms = [sys.executable, "-m", "oms.cli"]
    history = [*oms, "demo", "history", "--months", "1", "--scale", "0.05"]
    shown = on_a_terminal(history, env_for(tmp_path / "tty"))
    # one month is round(30.44 * 1) = 30 days, ending yesterday
    assert "history: days" in shown and "30/30" in shown
    made = re.search(r"history \S+ \.\. \S+: (\d+) orders", shown)
    assert made is not None, shown
    orders = int(made.group(1))
    shown = on_a_terminal([*oms, "reports", "rebuild"], env_for(tmp_path / "tty"))
    assert "rebuild: orders" in shown and f"{orders}/{orders}" in shown
    rebuilt = piped([*oms, "reports", "rebuild"], env_for(tmp_path / "tty"))
    assert (rebuilt.stdout, rebuilt.stderr) == (f"summary rebuilt from {orders} orders\n", "")
    quiet = piped(history, env_for(tmp_path / "pipe"))
    assert quiet.stderr == ""
    lines = quiet.stdout.splitlines()
    assert all(re.fullmatch(r"\d{4}-\d{2}: \d+ orders so far", line) for line in lines[:-1]), lines
    assert lines[-1].startswith("history ") and f": {orders} orders" in lines[-1]  # the same seed


def test_the_bench_runner_counts_benchmarks_and_leaves_their_figures_alone(tmp_path: Path) -> None:
    # the runner of `make bench` on three stand-in benchmarks that print a figure each (the real ones
    # take minutes)
    script = (
        "import bench.__main__ as runner\n"
        "runner.BENCHES = tuple((lambda n=n: print(f'bench {n}: {n}.5 docs/s')) for n in range(3))\n"
        "runner.main()\n"
    )
    run = [sys.executable, "-c", script]
    shown = on_a_terminal(run, env_for(tmp_path))
    assert "3/3" in shown
    for n in range(3):
        assert f"bench {n}: {n}.5 docs/s" in shown
    quiet = piped(run, env_for(tmp_path))
    assert (quiet.stdout, quiet.stderr) == (
        "bench 0: 0.5 docs/s\nbench 1: 1.5 docs/s\nbench 2: 2.5 docs/s\n",
        "",
    )
