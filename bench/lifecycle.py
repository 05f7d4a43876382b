"""The order lifecycle on PostgreSQL: allocation under contention, and accepted -> released at volume.

1. Allocations per second with many workers and few SKUs, each order allocated in its own
   transaction through the full service (order lock, stock row locks, conditional UPDATE, ledger,
   allocation rows, event).  Baseline, same run, same rows, same workers: the bare conditional
   `UPDATE stock_levels … WHERE on_hand - allocated >= 1`, one per transaction: the floor any
   never-oversell allocation pays.  Ratio = service rate / bare rate.
2. 10,000 accepted orders of 3 lines taken to released (approve, allocate, release on pick lists)
   in batches.  Baseline, same run: bulk-inserting those orders.  Ratio = lifecycle time / insert time.

Both run after `settle_heap()`, as the worker processes that run these steps do (the first `run` of
the process freezes what start-up built; before issue 15's fifth round the bench did not, and each
full collection walked a quarter of a million start-up objects).

`python -m bench.lifecycle --workers 1,2,4` instead measures scale-out on PostgreSQL + Redis:
BENCH_SCALE_ORDERS accepted orders (default 400) of one line each on the same three SKUs, spread over
the demo customers, each queued as its own `start_orders` job (approve and allocate, as
OMS_AUTO_FULFIL does) and taken by 1, 2 and 4 `oms worker` processes of one thread each.  Baseline,
same run, same database: the bare conditional UPDATE, one per transaction, from as many threads.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.workers import REDIS as REDIS_URL
from bench.workers import fresh_database, parse_workers, wait_until, worker_processes
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import OrderState
from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from oms.tasks import settle_heap
from samples.lifecycle_gen import make_orders

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
ORDERS = int(os.environ.get("BENCH_LIFECYCLE_ORDERS", "10000"))
CONTENDED = int(os.environ.get("BENCH_CONTENDED_ORDERS", "2000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "16"))
BATCH = 500
LAST_CPU: dict[str, float] = {}  # CPU seconds of the last volume run's lifecycle (start and release)
SKUS = ("TOR-M8-40", "TUE-M8", "ARA-M8")
DAY = datetime(2026, 11, 26, 9, tzinfo=UTC)
D = Decimal


def _app(data_dir: Path, url: str) -> App:
    settings = Settings(data_dir=data_dir, database_url=url, broker_url="memory://")
    app = bootstrap(settings, clock=lambda: DAY)
    app.upgrade_database()
    for kind in ("customers", "products", "customer-items"):
        import_csv(app.uow(), kind, (ROOT / "samples" / "masterdata" / f"{kind}.csv").read_text("utf-8"))
    app.lifecycle.service.load_setup(ROOT / "samples" / "fulfilment", "bench", stock=False)
    return app


def _stock(app: App, units: int) -> None:
    svc = app.lifecycle.service
    for sku in SKUS:
        svc.receive(sku, "MAD", "BENCH-1", D(units), "bench")
        svc.receive(sku, "BCN", "BENCH-2", D(units), "bench")


def in_threads(jobs: list[Callable[[], object]], workers: int) -> float:
    """Seconds for `workers` threads to run every job, all released at once."""
    queue, lock = list(jobs), threading.Lock()
    barrier = threading.Barrier(workers + 1)

    def work() -> None:
        barrier.wait()
        while True:
            with lock:
                if not queue:
                    return
                job = queue.pop()
            job()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def contention(app: App) -> tuple[float, float, float]:
    """(service allocations/s with WORKERS, with 1 worker, bare conditional UPDATEs/s with WORKERS)."""
    _stock(app, 10 * CONTENDED)
    rng = random.Random(7)
    specs = [[(rng.choice(SKUS), D(rng.randint(1, 3)))] for _ in range(CONTENDED * 2)]
    with app.uow() as uow:
        ids = make_orders(uow, specs, DAY, tag="contended")
        uow.commit()
    svc = app.lifecycle.service
    many = in_threads([lambda i=i: svc.allocate([i], "bench") for i in ids[:CONTENDED]], WORKERS)
    one = in_threads(
        [lambda i=i: svc.allocate([i], "bench") for i in ids[CONTENDED : CONTENDED + CONTENDED // 4]], 1
    )
    with app.uow() as uow:
        levels = [lv.id for lv in uow.stock.levels() if lv.sku in SKUS]
    engine = app.engine
    bare_sql = text(
        "UPDATE stock_levels SET allocated = allocated + 1000 WHERE id = :id AND on_hand - allocated >= 1000"
    )

    def bare(level_id: int) -> None:
        with engine.begin() as conn:
            assert conn.execute(bare_sql, {"id": level_id}).rowcount == 1

    bare_s = in_threads([lambda i=i: bare(levels[i % len(levels)]) for i in range(CONTENDED)], WORKERS)
    return CONTENDED / many, (CONTENDED // 4) / one, CONTENDED / bare_s


def accepted_to_released(app: App) -> tuple[float, float]:
    """(seconds to insert ORDERS accepted orders, seconds to take them all to released)."""
    _stock(app, 10 * ORDERS)
    rng = random.Random(8)
    specs = [[(sku, D(rng.randint(1, 20))) for sku in SKUS] for _ in range(ORDERS)]
    start = time.perf_counter()
    ids: list[int] = []
    for i in range(0, ORDERS, BATCH):
        with app.uow() as uow:
            ids += make_orders(uow, specs[i : i + BATCH], DAY, state=OrderState.ACCEPTED, tag=f"volume-{i}")
            uow.commit()
    insert_s = time.perf_counter() - start
    svc = app.lifecycle.service
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(ids), BATCH):
        svc.start(ids[i : i + BATCH], "bench")
        svc.release(ids[i : i + BATCH], "bench")
    lifecycle_s = time.perf_counter() - start
    LAST_CPU["lifecycle"] = time.process_time() - cpu  # this process's Python, not PostgreSQL's
    with app.uow() as uow:
        released = len(uow.fulfilment.order_ids_in([OrderState.RELEASED]))
    assert released == ORDERS, f"{released} of {ORDERS} released"
    return insert_s, lifecycle_s


def bench_database() -> tuple[str, Callable[[], None]]:
    name = f"comanda_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"{PG}/{name}", drop


def run(kind: str, fn: Callable[[App], object]) -> object:
    url, drop = bench_database()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = _app(Path(tmp), url)
            settle_heap()  # as `oms worker` and `oms run` do before they take jobs (once per process)
            try:
                return fn(app)
            finally:
                app.close()
    finally:
        drop()


def main() -> None:
    print(f"\nOrder lifecycle on PostgreSQL ({WORKERS} workers, {len(SKUS)} SKUs in 2 warehouses)")
    many, one, bare = run("contention", contention)  # type: ignore[misc]
    print(f"  allocation, {WORKERS} workers contending: {many:8.0f} orders/s  (1 worker: {one:.0f}/s)")
    print(f"  bare conditional UPDATE, {WORKERS} workers:    {bare:8.0f} /s")
    print(f"  ratio allocation / bare UPDATE:        {many / bare:8.2f}")
    insert_s, lifecycle_s = run("volume", accepted_to_released)  # type: ignore[misc]
    rate = ORDERS / lifecycle_s
    print(f"  {ORDERS} orders x 3 lines accepted -> released: {lifecycle_s:6.1f} s ({rate:.0f} orders/s)")
    print(f"  bulk insert of the same orders:                 {insert_s:6.1f} s")
    print(f"  ratio lifecycle / insert:                       {lifecycle_s / insert_s:6.2f}")
    print(
        f"  Python CPU per order (start and release):       {1000 * LAST_CPU['lifecycle'] / ORDERS:6.2f} ms"
    )


SCALE_ORDERS = int(os.environ.get("BENCH_SCALE_ORDERS", "400"))
CUSTOMERS = ("C-1001", "C-1002", "C-2001")


def _settled(app: App, ids: list[int]) -> int:
    """How many of the orders are no longer merely accepted (approved and allocated, or held)."""
    with app.engine.connect() as conn:
        stmt = text("SELECT count(*) FROM orders WHERE id = ANY(:ids) AND state <> 'accepted'")
        return int(conn.execute(stmt, {"ids": ids}).scalar_one())


def scale_out(workers: list[int]) -> None:
    print(
        f"Allocation scale-out on PostgreSQL + Redis: {SCALE_ORDERS} orders of 1 line on {len(SKUS)} SKUs,"
        " one start_orders job each"
    )
    rng = random.Random(9)
    specs = [[(rng.choice(SKUS), D(rng.randint(1, 3)))] for _ in range(SCALE_ORDERS)]
    for n in workers:
        rate, bare_rate, allocated = _scale_run(n, specs)
        print(
            f"  {n} worker process(es): {rate:7.1f} orders/s ({allocated} allocated);"
            f" bare conditional UPDATE from {n} thread(s) {bare_rate:7.0f}/s; ratio {rate / bare_rate:.3f}"
        )


def _scale_run(n: int, specs: list[list[tuple[str, Decimal]]]) -> tuple[float, float, int]:
    """(orders/s through `n` worker processes, bare conditional UPDATEs/s from `n` threads, allocated)."""
    with fresh_database() as url, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), database_url=url, broker_url=REDIS_URL)
        app = bootstrap(settings, clock=lambda: DAY)
        try:
            app.upgrade_database()
            for kind in ("customers", "products", "customer-items"):
                csv = (ROOT / "samples" / "masterdata" / f"{kind}.csv").read_text("utf-8")
                import_csv(app.uow(), kind, csv)
            app.lifecycle.service.load_setup(ROOT / "samples" / "fulfilment", "bench", stock=False)
            _stock(app, 10 * len(specs))
            ids: list[int] = []
            with app.uow() as uow:
                for c, customer in enumerate(CUSTOMERS):
                    part = specs[c :: len(CUSTOMERS)]
                    accepted = OrderState.ACCEPTED
                    ids += make_orders(uow, part, DAY, state=accepted, customer_id=customer, tag=customer)
                uow.commit()
            with worker_processes(n, Path(tmp), url):
                start = time.perf_counter()
                for i in ids:
                    app.jobs.send("start_orders", [i])
                end = wait_until(lambda: _settled(app, ids) >= len(ids), 900, "every order allocated")
            with app.uow() as uow:
                allocated = len(uow.fulfilment.order_ids_in([OrderState.ALLOCATED]))
            levels = _level_ids(app)
            bare_sql = text(
                "UPDATE stock_levels SET allocated = allocated + 1"
                " WHERE id = :id AND on_hand - allocated >= 1"
            )

            def bare(level_id: int) -> None:
                with app.engine.begin() as conn:
                    assert conn.execute(bare_sql, {"id": level_id}).rowcount == 1

            bare_s = in_threads([lambda i=i: bare(levels[i % len(levels)]) for i in range(len(specs))], n)
        finally:
            app.close()
    return len(specs) / (end - start), len(specs) / bare_s, allocated


def _level_ids(app: App) -> list[int]:
    with app.uow() as uow:
        return [lv.id for lv in uow.stock.levels() if lv.sku in SKUS]


if __name__ == "__main__":
    chosen = parse_workers(sys.argv[1:])
    if chosen:
        scale_out(chosen)
    else:
        main()
