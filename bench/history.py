"""`oms demo history` speed: months of history played through the services on SQLite.

Figure: seconds per month and per order, and the 24 months extrapolated from them. Baseline, same
run, same kind of app: capturing the same number of single-order EDIFACT interchanges (submit and
process only, no lifecycle), the least an order of the history costs. Ratio = history per order /
capture per order: what the lifecycle, billing and the walking clock add on top of capture.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from core.capture.domain.documents import Channel, InboundDocument
from oms.cli.demo import Doors
from oms.cli.demo_history import play_history
from oms.settings import Settings
from samples.edifact_gen import orders_interchange
from tests.conftest import load_demo_master_data, make_app

MONTHS = int(os.environ.get("BENCH_HISTORY_MONTHS", "1"))
SCALE = float(os.environ.get("BENCH_HISTORY_SCALE", "1"))
LAST = date(2026, 11, 30)


def _history(folder: Path) -> tuple[float, int]:
    settings = Settings(
        data_dir=folder, database_url=f"sqlite:///{folder / 'oms.db'}", broker_url="memory://"
    )
    first = LAST - timedelta(days=round(30.44 * MONTHS) - 1)
    start = time.perf_counter()
    tally = play_history(settings, Doors, first, LAST, seed=11, scale=SCALE, say=lambda _: None)
    return time.perf_counter() - start, tally.orders


def _capture(folder: Path, count: int) -> float:
    app = make_app(folder, clock=lambda: datetime(2026, 11, 26, 9, tzinfo=UTC))
    load_demo_master_data(app)
    start = time.perf_counter()
    for n in range(count):
        content = orders_interchange(1, 3, control_ref=f"{700000 + n}", po_prefix=f"PO-B{n}")
        doc_id = app.submit(InboundDocument(Channel.EDI, content, app.clock(), f"b{n}.edi"))
        app.process(doc_id)
    took = time.perf_counter() - start
    app.close()
    return took


def main() -> None:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        took, orders = _history(Path(a))
        baseline = _capture(Path(b), max(orders, 1))
    per_order, per_capture = took / max(orders, 1), baseline / max(orders, 1)
    print(
        f"history: {MONTHS} month(s) at scale {SCALE}: {orders} orders in {took:.1f} s"
        f" ({per_order * 1000:.0f} ms/order; 24 months ~ {took / MONTHS * 24 / 60:.0f} min);"
        f" capture alone {per_capture * 1000:.0f} ms/order; ratio {per_order / per_capture:.1f}"
    )


if __name__ == "__main__":
    main()
