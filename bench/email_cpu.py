"""CPU per typed e-mail order, stage by stage, on the SMTP bench's own path (`bench.email_channel`).

The same generated e-mails go through the same app (SQLite, in-process queue) as the throughput
bench, but every job runs in this process's main thread, one queue at a time, so `time.process_time`
around each call is that stage's CPU and nothing else's:

- SMTP: the messages sent over SMTP to the receiver storing each one (client and server both in this
  process), against the same messages to a null handler;
- each job the arrivals set off, by name (reading and deciding, rendering the reply, the reports);
- the garbage collector's CPU inside those jobs, by generation (`gc.callbacks`).

    python -m bench.email_cpu [--mails N] [--profile STAGE] [--rounds R] [--settle]

`--profile process_document` (or any job's name, or `smtp`) runs that stage under cProfile and prints
its top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from dramatiq import Message
from sqlalchemy import event

from bench.email_channel import DAY, bare_smtp_seconds, free_port, mail_bench_app, send_all
from oms.bootstrap import App
from oms.tasks import settle_heap
from samples import mail_gen

_STATEMENTS = [0]
_GC: dict[int, float] = defaultdict(float)  # CPU seconds inside the garbage collector, by generation
_GC_START = [0.0]


def _gc_timed(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _GC_START[0] = time.process_time()
    else:
        _GC[info["generation"]] += time.process_time() - _GC_START[0]


def _count(*_: Any) -> None:
    _STATEMENTS[0] += 1


def _smtp_store(app: App, messages: list[tuple[str, bytes]]) -> None:
    from ingest.smtp import SmtpReceiver

    receiver = SmtpReceiver("127.0.0.1", free_port(), app.submit, app.clock, 20 * 2**20)
    receiver.start()
    try:
        send_all(receiver.port, messages)
    finally:
        receiver.stop()


def _run_jobs(
    app: App,
    cpu: dict[str, float],
    calls: dict[str, int],
    statements: dict[str, int],
    prof: cProfile.Profile | None,
    stage: str,
) -> None:
    """Run every queued job in this thread until none is left, timing each by its actor's name."""
    broker: Any = app.broker
    while True:
        ran = False
        for name in sorted(broker.queues):
            queue = broker.queues[name]
            while not queue.empty():
                message = Message.decode(queue.get())
                queue.task_done()
                actor = broker.get_actor(message.actor_name)
                profiling = prof is not None and stage == message.actor_name
                before = _STATEMENTS[0]
                start = time.process_time()
                if profiling:
                    assert prof is not None
                    prof.enable()
                actor.fn(*message.args, **message.kwargs)
                if profiling:
                    assert prof is not None
                    prof.disable()
                cpu[message.actor_name] += time.process_time() - start
                calls[message.actor_name] += 1
                statements[message.actor_name] += _STATEMENTS[0] - before
                ran = True
        if not ran:
            return


def measure(mails: int, seed: int, profile: str | None, top: int, settle: bool) -> None:
    generated = mail_gen.body_orders(mails, seed=seed, day=DAY.date())
    messages = [(m.envelope_sender, m.raw) for m in generated]
    cpu: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    statements: dict[str, int] = defaultdict(int)
    prof = cProfile.Profile() if profile else None
    start = time.process_time()
    bare_smtp_seconds(messages)
    cpu["bare SMTP (null handler)"] = time.process_time() - start
    with tempfile.TemporaryDirectory() as tmp:
        app = mail_bench_app(Path(tmp))
        event.listen(app.engine, "before_cursor_execute", _count)
        try:
            if settle:
                settle_heap()  # as `oms worker` and `oms run` do before they take jobs
            gc.collect()
            before = _STATEMENTS[0]
            start = time.process_time()
            if profile == "smtp":
                assert prof is not None
                prof.enable()
            _smtp_store(app, messages)
            if profile == "smtp":
                assert prof is not None
                prof.disable()
            cpu["SMTP, stored"] = time.process_time() - start
            statements["SMTP, stored"] = _STATEMENTS[0] - before
            gc.callbacks.append(_gc_timed)
            try:
                _run_jobs(app, cpu, calls, statements, prof, profile or "")
            finally:
                gc.callbacks.remove(_gc_timed)
            with app.uow() as uow:
                orders = uow.orders.count()
        finally:
            app.close()
    n = len(messages)
    print(f"{n} typed e-mails, {orders} orders; CPU ms per e-mail (process_time)")
    total = 0.0
    for name, seconds in cpu.items():
        if name != "bare SMTP (null handler)":
            total += seconds
        count = f"  {calls[name]} jobs" if name in calls else ""
        said = f"  {statements[name] / n:5.1f} statements" if name in statements else ""
        print(f"  {name:<28} {1000 * seconds / n:8.2f}{said}{count}")
    print(f"  {'total, ours':<28} {1000 * total / n:8.2f}")
    collected = "  ".join(f"gen{g} {1000 * _GC[g] / n:.2f}" for g in sorted(_GC))
    print(f"  {'of which in the jobs, gc':<28} {1000 * sum(_GC.values()) / n:8.2f}  ({collected})")
    _GC.clear()
    if prof is not None:
        stats = pstats.Stats(prof)
        stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=200)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", default=None, help="a job's name, or smtp")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument(
        "--settle", action="store_true", help="freeze the start-up heap first, as `oms worker` does"
    )
    args = parser.parse_args()
    for _ in range(args.rounds):
        measure(args.mails, args.seed, args.profile, args.top, args.settle)


if __name__ == "__main__":
    main()
