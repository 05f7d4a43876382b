"""Crash recovery at volume: EDIFACT documents through `oms worker` processes on PostgreSQL + Redis while
the workers are killed with SIGKILL at random and started again; then nothing lost, nothing doubled.

`python -m bench.crash` (BENCH_CRASH_DOCUMENTS, default 1,000 interchanges of one ORDERS each with three
lines; BENCH_CRASH_WORKERS, default 3 processes of two threads). Every twentieth interchange is delivered a
second time, byte for byte, as a gateway retrying would. While the documents go through, one worker at a
time, among those that have finished starting, is killed (SIGKILL: no clean-up of any kind) every one to
three seconds and a new one started in its place, as a supervisor would; a worker starting queues again
whatever the database says is unfinished.

Once the killing stops and the queue is drained, the database and the outbox are read:

- every interchange made exactly one order (one per PO number), its second delivery none;
- every document is finished (processed, or recognised as a duplicate), none left half done;
- every order has exactly one ORDRSP in the outbox (the files are counted, not the rows).

The command exits with status 1 if anything was lost or doubled. Not part of `make bench`'s figures
(it is minutes long and measures no speed); `make bench` runs it with a small count.
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.edifact_e2e import edifact_bench_app
from bench.workers import REDIS, fresh_database, running, start_worker, stop_workers, worker_env
from core.capture.domain.documents import Channel, InboundDocument
from samples.edifact_gen import orders_interchange

DOCUMENTS = int(os.environ.get("BENCH_CRASH_DOCUMENTS", "1000"))
WORKERS = int(os.environ.get("BENCH_CRASH_WORKERS", "3"))
AGAIN_EVERY = 20  # every twentieth interchange is delivered twice
ORDERED = re.compile(rb"RFF\+ON:([^'+:]+)'")


@dataclass
class Outcome:
    kills: int = 0
    seconds: float = 0.0
    states: Counter[str] = field(default_factory=Counter)
    orders: Counter[str] = field(default_factory=Counter)  # PO number -> orders made
    answers: Counter[str] = field(default_factory=Counter)  # PO number -> ORDRSP messages written
    quarantined: list[str] = field(default_factory=list)
    attempts: tuple[int, int, int] = (0, 0, 0)  # documents taken more than once, takes in all, most takes

    def failures(self, expected: list[str]) -> list[str]:
        wanted = set(expected)
        out = []
        unfinished = sum(
            n for s, n in self.states.items() if s not in ("processed", "duplicate", "quarantined")
        )
        if unfinished:
            out.append(f"{unfinished} document(s) left unfinished")
        if self.quarantined:
            out.append(f"{len(self.quarantined)} quarantined: {self.quarantined[:3]}")
        for what, counts in (("orders", self.orders), ("ORDRSPs", self.answers)):
            missing = sorted(wanted - set(counts))
            doubled = sorted(po for po, n in counts.items() if n > 1)
            stray = sorted(set(counts) - wanted)
            if missing:
                out.append(f"{len(missing)} PO number(s) with no {what}: {missing[:3]}")
            if doubled:
                out.append(f"{len(doubled)} PO number(s) with more than one of the {what}: {doubled[:3]}")
            if stray:
                out.append(f"{what} for PO numbers never sent: {stray[:3]}")
        return out


def documents(count: int) -> tuple[list[bytes], list[str]]:
    """`count` interchanges of one ORDERS each (their own control reference and PO number)."""
    today = datetime.now(UTC).date()  # worker processes date what they read by the wall clock
    contents, numbers = [], []
    for i in range(count):
        prefix = f"PO-K{i:05d}"
        contents.append(
            orders_interchange(1, 3, control_ref=str(700001 + i), order_day=today, po_prefix=prefix)
        )
        numbers.append(f"{prefix}-000001")
    return contents, numbers


def answers_in(outbox: Path) -> Counter[str]:
    """PO number -> ORDRSP messages in the outbox's files."""
    counts: Counter[str] = Counter()
    if outbox.exists():
        for path in outbox.rglob("ORDRSP_*"):
            for number in ORDERED.findall(path.read_bytes()):
                counts[number.decode("latin-1")] += 1
    return counts


def run(count: int = DOCUMENTS, workers: int = WORKERS, seed: int = 1) -> tuple[Outcome, list[str]]:
    chance = random.Random(seed)
    contents, numbers = documents(count)
    outcome = Outcome()
    with fresh_database() as url, tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        app = edifact_bench_app(data, url, REDIS)
        # the periodic sweep on, as in production: a document stored while no worker could queue it
        env = worker_env(data, url, threads=2, sweep_seconds=10)
        logs = [data / f"worker-{i}.log" for i in range(workers)]
        procs = [start_worker(log, env) for log in logs]
        starts = [1] * workers
        engine = create_engine(url)
        submitted = threading.Event()

        def submit() -> None:
            for i, content in enumerate(contents):
                for _ in range(2 if i % AGAIN_EVERY == 0 else 1):
                    doc = InboundDocument(
                        channel=Channel.EDI,
                        content=content,
                        received_at=datetime.now(UTC),
                        original_name=f"k{i}.edi",
                    )
                    app.submit(doc)
            submitted.set()

        def settled() -> bool:
            with engine.connect() as conn:
                open_docs = conn.execute(
                    text("SELECT count(*) FROM documents WHERE state IN ('received', 'processing')")
                ).scalar_one()
                pending = conn.execute(
                    text("SELECT count(*) FROM outbound_messages WHERE state <> 'sent'")
                ).scalar_one()
            return submitted.is_set() and open_docs == 0 and pending == 0

        try:
            while not all(running(log) for log in logs):
                time.sleep(0.2)
            start = time.perf_counter()
            feeder = threading.Thread(target=submit, name="bench-submit")
            feeder.start()
            # kill while the documents go through, and while the backlog drains: each time one of the
            # workers that has finished starting (a worker killed while starting recovers nothing)
            while not settled():
                time.sleep(chance.uniform(1.0, 3.0))
                if settled():
                    break
                up = [i for i in range(workers) if running(logs[i], starts[i])]
                if not up:
                    continue
                victim = chance.choice(up)
                procs[victim].kill()
                procs[victim].wait()
                outcome.kills += 1
                starts[victim] += 1
                procs[victim] = start_worker(logs[victim], env)
            feeder.join()
            outcome.seconds = time.perf_counter() - start
            time.sleep(3)  # what a last job might still be writing
            with engine.connect() as conn:
                outcome.states = Counter(
                    {
                        str(k): int(n)
                        for k, n in conn.execute(text("SELECT state, count(*) FROM documents GROUP BY state"))
                    }
                )
                outcome.orders = Counter(
                    {
                        str(k): int(n)
                        for k, n in conn.execute(
                            text("SELECT po_number, count(*) FROM orders GROUP BY po_number")
                        )
                    }
                )
                outcome.quarantined = [
                    str(p)
                    for p in conn.execute(text("SELECT problems FROM documents WHERE state = 'quarantined'"))
                ]
                # every take of a document counts an attempt: a kill mid-read adds one, and so did every
                # copy of the job that reached a document another worker was still reading
                again, takes, most = conn.execute(
                    text(
                        "SELECT count(*) FILTER (WHERE attempts > 1), sum(attempts), max(attempts)"
                        " FROM documents"
                    )
                ).one()
                outcome.attempts = (int(again or 0), int(takes or 0), int(most or 0))
            outcome.answers = answers_in(app.settings.outbox / "edi")
        finally:
            stop_workers(procs)
            engine.dispose()
            app.close()
    return outcome, numbers


def main(count: int = DOCUMENTS) -> int:
    print(
        f"Crash recovery: {count} EDIFACT interchanges (every {AGAIN_EVERY}th delivered twice),"
        f" {WORKERS} worker processes x 2 threads on PostgreSQL + Redis; one of those running killed with"
        " SIGKILL every 1-3 s and restarted"
    )
    outcome, numbers = run(count)
    failures = outcome.failures(numbers)
    states = ", ".join(f"{n} {s}" for s, n in sorted(outcome.states.items()))
    print(f"  {outcome.kills} workers killed in {outcome.seconds:.0f} s; documents: {states}")
    print(
        f"  orders: {sum(outcome.orders.values())} for {len(numbers)} PO numbers;"
        f" ORDRSP messages: {sum(outcome.answers.values())}"
    )
    again, takes, most = outcome.attempts
    print(f"  documents taken more than once: {again}; takes in all: {takes}; most of one document: {most}")
    print("  lost or doubled: " + ("; ".join(failures) if failures else "nothing"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENTS))
