"""End to end: a running `oms run`, files dropped into the watched folder, orders seen through the API."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from samples.edifact_gen import orders_interchange
from tests.conftest import ROOT
from tests.waiting import wait_until

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


AUTH: dict[str, str] = {}  # the running server's API token, set by the fixture


def get(url: str) -> Any:
    request = urllib.request.Request(url, headers=AUTH)
    with urllib.request.urlopen(request, timeout=5) as resp:
        return json.loads(resp.read())


def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    wait_until(predicate, what, timeout, tolerate=(OSError,))


@pytest.fixture
def running(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = {**os.environ, "OMS_DATA_DIR": str(tmp_path / "var"), "OMP_THREAD_LIMIT": "1"}
    env.pop("OMS_DATABASE_URL", None)
    env.pop("OMS_BROKER_URL", None)
    oms = [sys.executable, "-m", "oms.cli"]
    seeded = subprocess.run(
        [*oms, "db", "seed", "--if-empty"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert seeded.returncode == 0, seeded.stderr
    made = subprocess.run(
        [*oms, "user", "create", "ana", "--role", "clerk", "--password-stdin"],
        cwd=ROOT,
        env=env,
        input="correct horse battery\n",
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    token = subprocess.run([*oms, "user", "token", "ana"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert token.returncode == 0, token.stderr
    AUTH["Authorization"] = f"Bearer {token.stdout.strip()}"
    port = free_port()
    log = (tmp_path / "run.log").open("wb")
    proc = subprocess.Popen([*oms, "run", "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: get(f"{base}/health")["status"] == "ok", 60, "the server to come up")
        yield base, tmp_path / "var"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_dropped_interchanges_become_orders_with_answers(running) -> None:  # type: ignore[no-untyped-def]
    base, var = running
    # the demo interchange `oms db seed` placed in the inbox is taken at start-up
    wait_for(lambda: len(get(f"{base}/api/orders")["items"]) == 2, 30, "the demo orders")
    demo = get(f"{base}/api/orders")["items"]
    assert {o["po_number"] for o in demo} == {"PO-2026-00123", "PO-2026-00124"}
    assert all(o["state"] == "accepted" for o in demo)

    inbox = var / "inbox" / "edi"
    content = orders_interchange(
        messages=2, lines=3, control_ref="777", po_prefix="PO-E2E", order_day=datetime.now(UTC).date()
    )
    partial = inbox / "incoming.edi.part"  # a transfer in progress must not be taken
    partial.write_bytes(content[:100])
    # a complete file dropped after it is taken: by then the watcher has seen the partial one too, and
    # left it (waiting on that event, not on a guess of the settle time)
    marker = orders_interchange(
        messages=1, lines=1, control_ref="776", po_prefix="PO-MARK", order_day=datetime.now(UTC).date()
    )
    (inbox / "marker.edi").write_bytes(marker)
    wait_for(
        lambda: any(o["po_number"].startswith("PO-MARK") for o in get(f"{base}/api/orders")["items"]),
        30,
        "the marker's order",
    )
    assert not any(o["po_number"].startswith("PO-E2E") for o in get(f"{base}/api/orders")["items"])
    assert partial.read_bytes() == content[:100]  # still there, untouched
    partial.write_bytes(content)
    partial.rename(inbox / "incoming.edi")
    dropped = time.monotonic()
    wait_for(
        lambda: sum(o["po_number"].startswith("PO-E2E") for o in get(f"{base}/api/orders")["items"]) == 2,
        30,
        "the dropped orders",
    )
    print(f"dropped file to orders visible: {time.monotonic() - dropped:.2f} s")
    mine = [o for o in get(f"{base}/api/orders")["items"] if o["po_number"].startswith("PO-E2E")]
    detail = get(f"{base}/api/orders/{mine[0]['id']}")
    assert detail["customer_id"] == "C-1001" and len(detail["lines"]) == 3
    assert detail["buyer"]["name"] == "Ferretería Núñez S.L."

    outbox = var / "outbox" / "edi" / "8437000100010"
    # the demo's, the marker's and this one's
    wait_for(lambda: len(list(outbox.glob("ORDRSP_*.edi"))) == 3, 10, "an ORDRSP file per interchange")
    messages = sum(f.read_bytes().count(b"UNH+") for f in outbox.glob("ORDRSP_*.edi"))
    assert messages == 2 + 1 + 2  # one ORDRSP message per order
    assert len(list(outbox.glob("CONTRL_*.edi"))) == 1  # only the demo interchange asked for one
    assert not (inbox / "incoming.edi").exists()  # taken out of the inbox once stored

    doc = get(f"{base}/api/documents/{detail['document_id']}")
    assert doc["state"] == "processed" and doc["original_name"] == "incoming.edi"
    raw = urllib.request.Request(f"{base}/api/documents/{doc['id']}/raw", headers=AUTH)
    with urllib.request.urlopen(raw, timeout=5) as resp:
        assert resp.read() == content
