"""One way for a test to wait for something another thread or process does: until a condition holds,
woken by an event when the code under test sets one, else looking again every few milliseconds, and
failing with what was awaited once the timeout has passed. No test sleeps a fixed time and hopes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

LOOK_AGAIN = 0.02  # seconds between two looks when nothing wakes the waiter earlier
_NOTHING = threading.Event()  # never set: waiting on it is a pause the timeout bounds


def wait_until(
    condition: Callable[[], object],
    what: str = "the condition",
    timeout: float = 30.0,
    *,
    event: threading.Event | None = None,
    tolerate: tuple[type[BaseException], ...] = (),
) -> None:
    """Return as soon as `condition()` is true; AssertionError naming `what` after `timeout` seconds.
    `event`, when given, is set by the code under test on every change and wakes the waiter at once;
    exceptions in `tolerate` (a server not listening yet) count as "not yet"."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except tolerate:
            pass
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        if (event or _NOTHING).wait(min(LOOK_AGAIN if event is None else 1.0, left)) and event is not None:
            event.clear()  # a change arrived: look at the condition again, and wait for the next one
