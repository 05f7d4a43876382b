"""`OMS_LOG_FORMAT=json`: every line `oms` writes to stderr is one JSON object, the pipeline's lines carry
the document id, order id and channel, and a document that cannot be read leaves no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLES


def oms(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "OMS_DATA_DIR": str(tmp_path / "var"),
        "OMS_LOG_FORMAT": "json",
        "OMP_THREAD_LIMIT": "1",
    }
    env.pop("OMS_DATABASE_URL", None)
    env.pop("OMS_BROKER_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "oms.cli", "-v", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_pipeline_lines_are_json_with_their_ids(tmp_path: Path) -> None:
    for kind in ("customers", "products", "customer-items", "partners"):
        assert oms(tmp_path, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv")).returncode == 0
    done = oms(tmp_path, "ingest", str(SAMPLES / "edifact" / "demo-orders.edi"))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stderr.splitlines()]  # every line parses
    stored = [r for r in records if r["message"] == "stored demo-orders.edi"]
    assert stored and stored[0]["document_id"] == 1 and stored[0]["channel"] == "edi"
    orders = [r for r in records if str(r["message"]).startswith("order PO-")]
    assert sorted(r["order_id"] for r in orders) == [1, 2]  # the interchange's two ORDERS messages
    assert all(r["document_id"] == 1 and r["channel"] == "edi" for r in orders)


def test_an_unreadable_document_leaves_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "roto.edi"
    broken.write_bytes(b"UNA:+.? 'UNB+UNOC:3+roto")
    done = oms(tmp_path, "ingest", str(broken))
    assert "Traceback" not in done.stderr
    records = [json.loads(line) for line in done.stderr.splitlines()]
    assert any(r.get("document_id") == 1 and r.get("channel") == "edi" for r in records)
