"""`settle_heap`: what start-up built leaves the collector's rounds once per process, not at every
call (a second freeze would also keep for ever what the first jobs left behind).

Run in a child process: freezing is for the life of the process, and the test process builds and drops
apps all the time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CHILD = """
import gc
from oms.tasks import settle_heap
assert gc.get_freeze_count() == 0
settle_heap()
first = gc.get_freeze_count()
kept = [[n] for n in range(10_000)]  # what a first job leaves alive
settle_heap()
print(first > 0, gc.get_freeze_count() == first)
"""


def test_start_up_objects_are_frozen_once_per_process() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["True", "True"]


def test_a_settled_worker_makes_full_collections_a_quarter_as_often() -> None:
    # Python collects the oldest generation after every 10 collections of the middle one; a worker
    # holding a large interchange's records alive to its commit does it after 40, and keeps the two
    # younger generations' thresholds as they were
    child = (
        "import gc; from oms.tasks import settle_heap; b = gc.get_threshold(); settle_heap();"
        " print(b, gc.get_threshold())"
    )
    done = subprocess.run(
        [sys.executable, "-c", child], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    before, after = done.stdout.strip().split(") (")
    young, middle, full = (int(n) for n in before.strip("()").split(","))
    assert full == 10
    assert tuple(int(n) for n in after.strip("()").split(",")) == (young, middle, 4 * full)
