"""Where the accepted -> released time goes, stage by stage, on PostgreSQL.

The volume part of `bench/lifecycle.py` (the same orders, batches and calls), with per stage (`start`:
approve and allocate; `release`: onto pick lists): wall time, this process's CPU, the CPU of the
PostgreSQL backends serving the bench's database (read from /proc, so only when the server runs on
this machine; otherwise shown as n/a), statements sent, time inside the driver, and the CPU the
garbage collector took.  The bulk insert of the same orders is measured the same way, in the same run.

    BENCH_LIFECYCLE_ORDERS=2000 python -m bench.lifecycle_stages [--statements]

`--statements` also lists the statements by total time in the driver.  On a loaded machine compare
CPU, not wall: wall moves with what else runs.
"""

from __future__ import annotations

import collections
import gc
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench import lifecycle
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from oms.tasks import settle_heap
from samples.lifecycle_gen import make_orders


def backend_cpu(app: App) -> float | None:
    """CPU seconds of the PostgreSQL processes serving the app's database, if they run here."""
    name = (app.engine.url.database or "").encode()
    total, found = 0, False
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            if not (cmdline.startswith(b"postgres:") and name in cmdline):
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
        found = True
    return total / os.sysconf("SC_CLK_TCK") if found else None


class Meter:
    """Wall, process CPU, backend CPU, statements and driver time of the stages measured."""

    def __init__(self, app: App) -> None:
        self.app, self.stage = app, "setup"
        self.rows: dict[str, dict[str, float]] = collections.defaultdict(
            lambda: collections.defaultdict(float)
        )
        self.statements: dict[tuple[str, str], int] = collections.defaultdict(int)
        self.statement_s: dict[tuple[str, str], float] = collections.defaultdict(float)
        self.gc_started = 0.0
        event.listen(app.engine, "before_cursor_execute", self._before)
        event.listen(app.engine, "after_cursor_execute", self._after)
        gc.callbacks.append(self._gc)

    def _before(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        conn.info["bench_t"] = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        spent = time.perf_counter() - conn.info.pop("bench_t", time.perf_counter())
        self.rows[self.stage]["statements"] += 1
        self.rows[self.stage]["driver"] += spent
        key = (self.stage, " ".join(statement.split())[:100])
        self.statements[key] += 1
        self.statement_s[key] += spent

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.gc_started = time.process_time()
        else:
            self.rows[self.stage]["gc"] += time.process_time() - self.gc_started

    def run(self, stage: str, fn: Any, *args: Any) -> Any:
        self.stage = stage
        wall, cpu, backend = time.perf_counter(), time.process_time(), backend_cpu(self.app)
        try:
            return fn(*args)
        finally:
            row = self.rows[stage]
            row["wall"] += time.perf_counter() - wall
            row["cpu"] += time.process_time() - cpu
            after = backend_cpu(self.app)
            if backend is not None and after is not None:
                row["backend"] += after - backend
            self.stage = "setup"

    def close(self) -> None:
        gc.callbacks.remove(self._gc)


def stages(app: App) -> Meter:
    settle_heap()  # as the workers do (`lifecycle.run` does it too; once per process)
    orders = lifecycle.ORDERS
    lifecycle._stock(app, 10 * orders)
    rng = random.Random(8)  # the same orders as bench/lifecycle.py's volume part
    specs = [[(sku, Decimal(rng.randint(1, 20))) for sku in lifecycle.SKUS] for _ in range(orders)]
    meter = Meter(app)
    ids: list[int] = []

    def insert(part: list[list[tuple[str, Decimal]]], tag: str) -> None:
        with app.uow() as uow:
            ids.extend(make_orders(uow, part, lifecycle.DAY, state=OrderState.ACCEPTED, tag=tag))
            uow.commit()

    batch = lifecycle.BATCH
    for i in range(0, orders, batch):
        meter.run("insert", insert, specs[i : i + batch], f"volume-{i}")
    svc = app.lifecycle.service
    for i in range(0, len(ids), batch):
        meter.run("start", svc.start, ids[i : i + batch], "bench")
        meter.run("release", svc.release, ids[i : i + batch], "bench")
    meter.close()
    with app.uow() as uow:
        released = len(uow.fulfilment.order_ids_in([OrderState.RELEASED]))
    assert released == orders, f"{released} of {orders} released"
    return meter


def main(argv: list[str]) -> None:
    orders = lifecycle.ORDERS
    meter = lifecycle.run("volume", stages)
    assert isinstance(meter, Meter)
    print(f"\n{orders} orders x 3 lines accepted -> released, by stage (batches of {lifecycle.BATCH})")
    heads = ("wall s", 8), ("CPU s", 7), ("PG CPU s", 9), ("stmts", 6), ("driver s", 9), ("GC s", 6)
    print(f"  {'stage':8s} " + " ".join(f"{h:>{w}s}" for h, w in heads))
    for stage in ("insert", "start", "release"):
        r = meter.rows[stage]
        backend = f"{r['backend']:9.2f}" if "backend" in r else f"{'n/a':>9s}"
        print(
            f"  {stage:8s} {r['wall']:8.2f} {r['cpu']:7.2f} {backend} {int(r['statements']):6d}"
            f" {r['driver']:9.2f} {r['gc']:6.2f}"
        )
    life = [meter.rows["start"], meter.rows["release"]]
    wall = sum(r["wall"] for r in life)
    print(f"  ratio lifecycle / insert (wall): {wall / meter.rows['insert']['wall']:.2f}")
    cpu = sum(r["cpu"] + r["backend"] for r in life)
    base = meter.rows["insert"]["cpu"] + meter.rows["insert"]["backend"]
    print(f"  ratio lifecycle / insert (process + PostgreSQL CPU): {cpu / base:.2f}")
    if "--statements" in argv:
        for key, n in sorted(meter.statements.items(), key=lambda kv: -meter.statement_s[kv[0]])[:20]:
            print(f"  {n:6d} {meter.statement_s[key]:7.3f} s  {key[0]:8s} {key[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
