"""The e-mail bench's throughput part alone (`bench.email_channel`: the same calls `main()` makes), with
the process CPU of the run per e-mail, the firmer figure on a shared machine.

    python -m bench.email_throughput [--settle]
    python -m bench.email_throughput --workers 1,2

`--workers` runs the same e-mails through PostgreSQL + Redis and N `oms worker` processes instead
(`bench.email_scale`).

`--settle` freezes the start-up heap first, in trees whose `smtp_to_orders_and_replies_seconds` does
not do it itself (before the fourth round of docs/performance.md "E-mail intake")."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.email_channel import (
    DAY,
    THROUGHPUT_MAILS,
    bare_smtp_seconds,
    expected_orders,
    smtp_to_orders_and_replies_seconds,
)
from bench.email_scale import scale_out
from bench.workers import parse_workers
from oms.tasks import settle_heap
from samples import mail_gen


def main() -> None:
    workers = parse_workers(sys.argv[1:])
    if workers:
        scale_out(workers)
        return
    mails = mail_gen.body_orders(THROUGHPUT_MAILS, seed=99, day=DAY.date())
    messages = [(m.envelope_sender, m.raw) for m in mails]
    with tempfile.TemporaryDirectory() as tmp:
        expected = expected_orders(Path(tmp) / "count", mails)
        bare = min(bare_smtp_seconds(messages) for _ in range(3))
        if "--settle" in sys.argv:
            settle_heap()
        start = time.process_time()
        full, replied = smtp_to_orders_and_replies_seconds(Path(tmp) / "run", messages, expected)
        cpu = time.process_time() - start
    n = len(messages)
    print(
        f"stored {n / full:6.1f}/s  replied {n / replied:6.1f}/s  bare {n / bare:7.1f}/s"
        f"  ratio {bare / full:.3f} (replied {bare / replied:.3f})  CPU/e-mail {1000 * cpu / n:.1f} ms"
    )


if __name__ == "__main__":
    main()
