"""E-mail intake across processes: the throughput bench's e-mails through the real SMTP receiver storing
into PostgreSQL and queueing on Redis, read and answered by N `oms worker` processes (the deployed
topology for volume), against bare SMTP delivery measured in the same run.

    python -m bench.email_throughput --workers 1,2

Per N: e-mails stored a second (first message sent to the last order committed), replied a second (to
the last reply sent), the ratios to bare SMTP, and the CPU an e-mail summed over the processes: this one
(the receiver and the sending client, as the single-process bench counts them), the workers, and the
PostgreSQL backends of the run's database; Redis' server CPU is given apart (other runs may share it).
Every expected order and reply must arrive exactly once: the bench fails otherwise.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from bench.email_channel import (
    ROOT,
    THROUGHPUT_MAILS,
    bare_smtp_seconds,
    expected_orders,
    free_port,
    send_all,
)
from bench.workers import REDIS, cpu_seconds, fresh_database, wait_until, worker_processes
from core.capture.adapters.orm import documents
from core.catalog.services.masterdata import import_csv
from core.kernel.adapters.orm import orders, outbound_messages
from core.kernel.domain.model import OutboundState
from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from samples import mail_gen


@dataclass
class Run:
    stored: float  # seconds to the last order committed
    replied: float  # seconds to the last reply sent
    cpu_here: float  # CPU seconds of this process (receiver, client, polling)
    cpu_workers: float
    cpu_postgres: float  # the backends serving the run's database
    cpu_redis: float  # Redis' server over the run (shared with whatever else uses it)


def _app(data_dir: Path, database_url: str) -> App:
    settings = Settings(data_dir=data_dir, database_url=database_url, broker_url=REDIS)
    app = bootstrap(settings)  # the wall clock, as the worker processes have
    app.upgrade_database()
    for kind in ("customers", "products", "customer-items"):
        import_csv(app.uow(), kind, (ROOT / "samples" / "masterdata" / f"{kind}.csv").read_text("utf-8"))
    return app


def _counts(app: App) -> tuple[int, int, int, int]:
    """(documents, orders, replies sent, replies pending) in the run's database: one statement, as it
    is polled while the workers run (its CPU counts in this process's figure)."""

    def count(table: Any, *where: Any) -> Any:
        return select(func.count()).select_from(table).where(*where).scalar_subquery()

    state = outbound_messages.c.state
    stmt = select(
        count(documents),
        count(orders),
        count(outbound_messages, state == OutboundState.SENT),
        count(outbound_messages, state == OutboundState.PENDING),
    )
    with app.uow() as uow:
        docs, made, sent, pending = uow.session.execute(stmt).one()
    return int(docs), int(made), int(sent), int(pending)


def _backend_pids(app: App) -> list[int]:
    with app.uow() as uow:
        stmt = text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        return [int(pid) for pid in uow.session.scalars(stmt)]


def _redis_pid() -> int:
    import redis

    return int(redis.Redis.from_url(REDIS).info("server")["process_id"])


def _check_once(app: App, expected_orders: int, expected_replies: int, mails: int) -> None:
    """Every e-mail stored once, every order once, every reply once and sent; nothing else."""
    docs, made, sent, pending = _counts(app)
    with app.uow() as uow:
        s = uow.session
        each = select(func.count().label("n")).select_from(orders).group_by(orders.c.document_id).subquery()
        per_document = int(s.scalar(select(func.max(each.c.n))) or 0)
        replied_orders = int(s.scalar(select(func.count(func.distinct(outbound_messages.c.order_id)))) or 0)
    problems = [
        f"{what}: {got} instead of {want}"
        for what, got, want in (
            ("documents", docs, mails),
            ("orders", made, expected_orders),
            ("replies sent", sent, expected_replies),
            ("orders replied to", replied_orders, expected_replies),
            ("replies pending", pending, 0),
            ("most orders from one e-mail", per_document, 1),
        )
        if got != want
    ]
    if problems:
        raise RuntimeError("the run lost or doubled work: " + "; ".join(problems))


def run_workers(
    n: int, messages: list[tuple[str, bytes]], expected_orders: int, expected_replies: int
) -> Run:
    """One run with `n` worker processes on a fresh database and queue."""
    from ingest.smtp import SmtpReceiver

    with fresh_database() as url, tempfile.TemporaryDirectory(prefix="bench-mail-") as tmp:
        app = _app(Path(tmp), url)
        receiver = SmtpReceiver("127.0.0.1", free_port(), app.submit, app.clock, 20 * 2**20)
        receiver.start()
        try:
            with worker_processes(n, Path(tmp), url) as procs:
                redis_pid = _redis_pid()
                _counts(app)  # the bench's own pooled connection is open before the clock runs
                backends = {pid: cpu_seconds(pid) for pid in _backend_pids(app)}
                workers0 = sum(cpu_seconds(p.pid) for p in procs)
                redis0, here0 = cpu_seconds(redis_pid), time.process_time()
                start = time.perf_counter()
                send_all(receiver.port, messages)
                stored = wait_until(lambda: _counts(app)[1] >= expected_orders, 600, "every order") - start
                replied = wait_until(lambda: _counts(app)[2] >= expected_replies, 600, "every reply") - start
                here = time.process_time() - here0
                workers = sum(cpu_seconds(p.pid) for p in procs) - workers0
                redis_cpu = cpu_seconds(redis_pid) - redis0
                postgres = sum(cpu_seconds(pid) - backends.get(pid, 0.0) for pid in _backend_pids(app))
                time.sleep(1.0)  # a doubled job would have landed by now
                _check_once(app, expected_orders, expected_replies, len(messages))
        finally:
            receiver.stop()
            app.close()
    return Run(stored, replied, here, workers, postgres, redis_cpu)


def _expected(mails: list[mail_gen.GeneratedMail]) -> tuple[int, int]:
    """(orders, replies) the business rules call for: an order from every e-mail that holds one, and a
    confirmation to every e-mail the generator marks acceptable (the others wait in review, unanswered)."""
    with tempfile.TemporaryDirectory(prefix="bench-mail-") as tmp:
        holding = expected_orders(Path(tmp) / "count", mails)
    return holding, sum(1 for m in mails if m.truth.acceptable)


def scale_out(workers: list[int]) -> None:
    now = datetime.now(UTC)  # the worker processes date what they read by the wall clock
    mails = mail_gen.body_orders(THROUGHPUT_MAILS, seed=99, day=now.date())
    messages = [(m.envelope_sender, m.raw) for m in mails]
    expected_orders, expected_replies = _expected(mails)
    count = len(messages)
    print(
        f"E-mail intake across processes: {count} body orders ({expected_orders} orders,"
        f" {expected_replies} replies expected), SMTP receiver here, PostgreSQL + Redis, `oms worker`s"
    )
    for n in workers:
        bare = min(bare_smtp_seconds(messages) for _ in range(3))
        run = run_workers(n, messages, expected_orders, expected_replies)
        ours = 1000 * (run.cpu_here + run.cpu_workers) / count
        postgres = 1000 * run.cpu_postgres / count
        print(
            f"  {n} worker(s): stored {count / run.stored:6.1f}/s  replied {count / run.replied:6.1f}/s"
            f"  bare {count / bare:7.1f}/s  ratio {bare / run.stored:.3f} (replied {bare / run.replied:.3f})"
        )
        print(
            f"    CPU/e-mail: this process {1000 * run.cpu_here / count:.1f} ms + workers"
            f" {1000 * run.cpu_workers / count:.1f} = ours {ours:.1f} ms;"
            f" + PostgreSQL {postgres:.1f} = {ours + postgres:.1f} ms"
            f" (Redis server {1000 * run.cpu_redis / count:.1f} ms, shared); every order and reply once"
        )
