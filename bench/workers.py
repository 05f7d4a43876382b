"""Scale-out helpers for the benches: N `oms worker` processes on PostgreSQL + Redis, a fresh database
and Redis queue per run, and what Redis adds to one job.

The worker processes are the real command (`python -m oms.cli worker`), started before the clock runs
and waited for until each says it is running; they are stopped with SIGTERM by their own pids.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")


def parse_workers(argv: list[str]) -> list[int]:
    """`--workers 1,2,4` (or `--workers 2`) from the command line; [] when not given."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--workers=") else None
        if arg == "--workers" and i + 1 < len(argv):
            value = argv[i + 1]
        if value is not None:
            return [int(n) for n in value.split(",") if n.strip()]
    return []


@contextmanager
def pg_database(prefix: str = "comanda_bench") -> Iterator[str]:
    """A new empty PostgreSQL database, dropped afterwards; yields its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new empty PostgreSQL database (dropped afterwards) and an empty Redis queue database."""
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    try:
        with pg_database() as url:
            yield url
    finally:
        redis.Redis.from_url(REDIS).flushdb()


def worker_env(
    data_dir: Path, database_url: str, threads: int = 1, sweep_seconds: float = 3600
) -> dict[str, str]:
    """The environment of an `oms worker` process of the benches on PostgreSQL + Redis."""
    return {
        **os.environ,
        "OMS_DATA_DIR": str(data_dir),
        "OMS_DATABASE_URL": database_url,
        "OMS_BROKER_URL": REDIS,
        "OMS_WORKER_THREADS": str(threads),
        # the scale-out runs: a backlog waiting in the queue is not unfinished work
        "OMS_SWEEP_SECONDS": str(sweep_seconds),
        "OMP_THREAD_LIMIT": "1",
    }


def start_worker(log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """One `oms worker` process, its output appended to `log`."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "oms.cli", "worker"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def running(log: Path, times: int = 1) -> bool:
    """The worker writing `log` has said it is running (`times` starts so far)."""
    return log.exists() and log.read_bytes().count(b"worker running") >= times


def stop_workers(procs: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM to each still running, then wait (SIGKILL after a minute)."""
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def worker_processes(
    count: int, data_dir: Path, database_url: str, threads: int = 1
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """`count` worker processes of `threads` threads each, running when the block starts (yielded, so
    a bench can read their CPU before they are stopped)."""
    env = worker_env(data_dir, database_url, threads)
    logs = [data_dir / f"worker-{i}.log" for i in range(count)]
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs.extend(start_worker(log, env) for log in logs)
        deadline = time.monotonic() + 180
        while not all(running(log) for log in logs):
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise RuntimeError("a worker did not start: " + logs[0].read_text("utf-8", "replace")[-2000:])
            time.sleep(0.2)
        yield procs
    finally:
        stop_workers(procs)


def wait_until(done: Callable[[], bool], timeout: float, what: str) -> float:
    """Poll `done` every 50 ms; returns the perf_counter time it became true."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(0.05)
    return time.perf_counter()


def redis_round_trip_us(count: int = 2000) -> float:
    """µs per bare Redis PING from this process: the floor of any broker operation on this machine."""
    import redis

    client = redis.Redis.from_url(REDIS)
    client.ping()
    start = time.perf_counter()
    for _ in range(count):
        client.ping()
    return (time.perf_counter() - start) / count * 1e6


def redis_job_overhead(jobs: int = 2000) -> tuple[float, float, float]:
    """What Redis adds per job: (µs per direct call of a no-op, µs per no-op actor sent and run
    through Redis by a one-thread worker, µs per enqueue alone)."""
    import dramatiq
    import redis
    from dramatiq.brokers.redis import RedisBroker

    from oms.tasks import Worker

    redis.Redis.from_url(REDIS).flushdb()
    broker = RedisBroker(url=REDIS)  # type: ignore[no-untyped-call]
    done = threading.Semaphore(0)

    def noop(n: int) -> None:
        done.release()

    actor = dramatiq.actor(actor_name="bench_noop", queue_name="bench", broker=broker)(noop)
    start = time.perf_counter()
    for i in range(jobs):
        noop(i)
    for _ in range(jobs):
        done.acquire()
    direct = time.perf_counter() - start

    start = time.perf_counter()
    for i in range(jobs):
        actor.send(i)
    enqueue = time.perf_counter() - start
    worker = Worker(broker, worker_threads=1, worker_timeout=100)
    start = time.perf_counter()
    worker.start()
    try:
        for _ in range(jobs):
            done.acquire()
        drained = time.perf_counter() - start
    finally:
        worker.stop()
        broker.close()
        redis.Redis.from_url(REDIS).flushdb()
    return direct / jobs * 1e6, (enqueue + drained) / jobs * 1e6, enqueue / jobs * 1e6


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process (all its threads), from /proc/PID/stat; 0 when gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()  # after the command name, which may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def temp_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory()
