"""How long an idle job consumer waits before looking at its queue again.

The rule: on the in-process queue a job wakes its waiting consumer at once, so the wait only bounds
stopping, a tenth of a second; on a networked broker (Redis) every look is a round trip to the broker
for each consumer, idle or not, so an idle consumer looks twice a second, and a job on an idle queue
starts at most half a second later. Building a worker connects to nothing.
"""

from __future__ import annotations

from pathlib import Path

from oms.bootstrap import bootstrap
from oms.settings import Settings


def _worker_wait(tmp_path: Path, broker_url: str) -> int:
    app = bootstrap(Settings(data_dir=tmp_path, broker_url=broker_url))
    try:
        return int(app.worker().worker_timeout)
    finally:
        app.close()


def test_an_in_process_consumer_waits_a_tenth_of_a_second(tmp_path: Path) -> None:
    assert _worker_wait(tmp_path, "memory://") == 100


def test_a_redis_consumer_looks_twice_a_second_when_idle(tmp_path: Path) -> None:
    # port 9 (discard): nothing listens, and nothing must be asked of it to build the worker
    assert _worker_wait(tmp_path, "redis://127.0.0.1:9/0") == 500
