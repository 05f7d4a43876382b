"""Capture on real orders written by others: runs ../shared/tools/score_real.py on
../shared/samples/real-orders with this checkout's `.venv/bin/oms` and prints its per-document rows and
summary (lines right, header fields right, wrong accepts).  Skips, saying why, when ../shared is not
there; under CI=true that is a failure instead.

    python -m bench.real_orders
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_real.py"
ORDERS = SHARED / "samples" / "real-orders"
OMS = ROOT / ".venv" / "bin" / "oms"


def missing() -> str | None:
    """Why the real-orders set cannot be scored here, or None."""
    for path, what in ((SCORER, "the scorer"), (ORDERS / "truth.json", "the real orders"), (OMS, "oms")):
        if not path.exists():
            return f"{what} not found at {path}"
    return None


def main() -> int:
    print("Real orders (../shared/samples/real-orders, scored by ../shared/tools/score_real.py)")
    why = missing()
    if why is not None:
        if os.environ.get("CI") == "true":
            raise SystemExit(f"  cannot score the real orders: {why}")
        print(f"  skipped: {why}")
        return 0
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    cmd = [sys.executable, str(SCORER), str(ORDERS), "--oms", str(OMS)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"  score_real.py failed ({done.returncode}): {done.stderr[-500:]}")
    *rows, last = done.stdout.strip().splitlines()
    print("\n".join(f"  {row}" for row in rows))
    summary = json.loads(last)
    print(
        f"  lines right {summary['line_acc']:.1%}   header fields right {summary['header_acc']:.1%}"
        f"   orders read {summary['docs_with_order_read']}/{summary['docs']}"
        f"   wrong accepts {summary['wrong_accepts']}   crashes {summary['crashes']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
