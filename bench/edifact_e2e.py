"""EDIFACT end to end: one interchange of 1,000 ORDERS x 10 lines, file to committed orders and ORDRSPs.

Baseline: pydifact's bare parse of the same text, in the same run.  Reported: orders per second end to
end, on the embedded default (SQLite, in-process queue) and on PostgreSQL + Redis, and the ratio of
each to the bare parse rate (aim: at least 0.5).

`python -m bench.edifact_e2e --workers 1,2,4` instead measures scale-out on PostgreSQL + Redis: the
same number of messages split over BENCH_DOCUMENTS interchanges (default 4) from one partner, taken
by 1, 2 and 4 `oms worker` processes of one thread each, each run against the bare parse of those
interchanges in the same run; then what Redis adds per job (a no-op actor against a direct call).
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pydifact.exceptions import MissingImplementationWarning
from pydifact.segmentcollection import Interchange

from bench.workers import (
    fresh_database,
    parse_workers,
    redis_job_overhead,
    redis_round_trip_us,
    wait_until,
    worker_processes,
)
from core.capture.domain.documents import Channel, InboundDocument
from core.capture.services.partner_import import import_partners
from core.catalog.services.masterdata import import_csv
from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from oms.tasks import settle_heap
from samples.edifact_gen import orders_interchange

MESSAGES = int(os.environ.get("BENCH_MESSAGES", "1000"))
LINES = 10
ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
DAY = datetime(2026, 11, 26, 9, tzinfo=UTC)


def best_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_parse_seconds(content: bytes, messages: int = MESSAGES) -> float:
    # pydifact's wheel ships no segment directory XML and says so once per segment tag
    warnings.simplefilter("ignore", MissingImplementationWarning)

    def parse() -> None:
        interchange = Interchange.from_str(content.decode("latin-1"))
        assert sum(1 for _ in interchange.get_messages()) == messages

    return best_of(3, parse)


def edifact_bench_app(data_dir: Path, database_url: str, broker_url: str) -> App:
    settings = Settings(data_dir=data_dir, database_url=database_url, broker_url=broker_url, worker_threads=2)
    app = bootstrap(settings, clock=lambda: DAY)
    app.upgrade_database()
    for kind in ("customers", "products", "customer-items"):
        import_csv(app.uow(), kind, (ROOT / "samples" / "masterdata" / f"{kind}.csv").read_text("utf-8"))
    import_partners(app.uow(), (ROOT / "samples" / "masterdata" / "partners.csv").read_text("utf-8"))
    return app


def _written(outbox: Path) -> int:
    if not outbox.exists():
        return 0
    return sum(
        Path(f.path).read_bytes().count(b"UNH+")
        for d in outbox.iterdir()
        for f in os.scandir(d)
        if f.name.startswith("ORDRSP_")
    )


def end_to_end_seconds(app: App, content: bytes) -> float:
    """From the arrival being submitted to every order committed and every ORDRSP message written."""
    outbox = app.settings.outbox / "edi"
    settle_heap()  # as `oms worker` and `oms run` do before they take jobs
    worker = app.worker()
    worker.start()
    try:
        start = time.perf_counter()
        app.submit(
            InboundDocument(channel=Channel.EDI, content=content, received_at=DAY, original_name="bench.edi")
        )
        deadline = start + 600
        while _written(outbox) < MESSAGES:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"only {_written(outbox)} of {MESSAGES} ORDRSP messages after 600 s")
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        with app.uow() as uow:
            assert uow.orders.count() == MESSAGES
        return elapsed
    finally:
        worker.stop()


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def run_embedded(content: bytes) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        app = edifact_bench_app(Path(tmp), f"sqlite:///{tmp}/oms.db", "memory://")
        try:
            return end_to_end_seconds(app, content)
        finally:
            app.close()


def run_postgres_redis(content: bytes) -> float | None:
    if not (reachable("127.0.0.1", 5432) and reachable("127.0.0.1", 6379)):
        return None
    with fresh_database() as url, tempfile.TemporaryDirectory() as tmp:
        app = edifact_bench_app(Path(tmp), url, REDIS)
        try:
            return end_to_end_seconds(app, content)
        finally:
            app.close()


def main() -> None:
    content = orders_interchange(MESSAGES, LINES, order_day=DAY.date())
    print(f"EDIFACT end to end: {MESSAGES} ORDERS x {LINES} lines, {len(content) / 1e6:.1f} MB")
    bare = bare_parse_seconds(content)
    bare_rate = MESSAGES / bare
    print(f"  pydifact bare parse        {bare:7.2f} s  {bare_rate:8.0f} orders/s  (baseline)")
    for label, run in (
        ("embedded (SQLite, memory)", run_embedded),
        ("PostgreSQL + Redis", run_postgres_redis),
    ):
        seconds = run(content)
        if seconds is None:
            print(f"  {label:26s} skipped: service not reachable")
            continue
        rate = MESSAGES / seconds
        ratio = rate / bare_rate
        print(f"  {label:26s} {seconds:7.2f} s  {rate:8.0f} orders/s  ratio to bare parse {ratio:.2f}")


def scale_out(workers: list[int], documents: int) -> None:
    """Interchanges from one partner through `n` worker processes on PostgreSQL + Redis, per n."""
    per = max(MESSAGES // documents, 1)
    total = per * documents
    today = datetime.now(UTC).date()  # worker processes date what they read by the wall clock
    contents = [
        orders_interchange(per, LINES, control_ref=str(600001 + i), order_day=today, po_prefix=f"PO-W{i}")
        for i in range(documents)
    ]
    bare = sum(bare_parse_seconds(c, per) for c in contents)
    bare_rate = total / bare
    print(f"EDIFACT scale-out on PostgreSQL + Redis: {documents} interchanges x {per} ORDERS x {LINES} lines")
    print(f"  pydifact bare parse        {bare:7.2f} s  {bare_rate:8.0f} orders/s  (baseline)")
    if not (reachable("127.0.0.1", 5432) and reachable("127.0.0.1", 6379)):
        print("  skipped: PostgreSQL or Redis not reachable")
        return
    for n in workers:
        seconds = _scale_run(n, contents, total)
        rate = total / seconds
        print(
            f"  {n} worker process(es)      {seconds:7.2f} s  {rate:8.0f} orders/s"
            f"  ratio to bare parse {rate / bare_rate:.2f}"
        )
    direct, through_redis, enqueue = redis_job_overhead()
    ping = redis_round_trip_us()
    print(
        f"  a no-op job: direct call {direct:.1f} µs; through Redis {through_redis:.0f} µs"
        f" (enqueue alone {enqueue:.0f} µs); Redis adds {through_redis - direct:.0f} µs per job,"
        f" {(through_redis - direct) / ping:.1f} bare PINGs ({ping:.0f} µs each, same run)"
    )


def _scale_run(n: int, contents: list[bytes], total: int) -> float:
    """Seconds from the first interchange submitted to the last ORDRSP written, `n` worker processes."""
    with fresh_database() as url, tempfile.TemporaryDirectory() as tmp:
        app = edifact_bench_app(Path(tmp), url, REDIS)
        outbox = app.settings.outbox / "edi"
        try:
            with worker_processes(n, Path(tmp), url):
                start = time.perf_counter()
                for i, content in enumerate(contents):
                    doc = InboundDocument(
                        channel=Channel.EDI,
                        content=content,
                        received_at=datetime.now(UTC),
                        original_name=f"bench-{i}.edi",
                    )
                    app.submit(doc)
                end = wait_until(lambda: _written(outbox) >= total, 900, "every ORDRSP")
        finally:
            app.close()
    return end - start


if __name__ == "__main__":
    chosen = parse_workers(sys.argv[1:])
    if chosen:
        scale_out(chosen, int(os.environ.get("BENCH_DOCUMENTS", "4")))
    else:
        main()
