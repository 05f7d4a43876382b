"""Run every benchmark and print its figures; on a terminal, one progress bar over the benchmarks run
(their figures print above it, unchanged; in a pipe or a file there is no bar at all)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from bench import (
    capture_accuracy,
    crash,
    edifact_e2e,
    email_channel,
    fax_ocr,
    history,
    lifecycle,
    pdf_speed,
    purchasing,
    real_orders,
    reports,
    review_view,
)
from oms.cli.common import progress

BENCHES: tuple[Callable[[], object], ...] = (
    edifact_e2e.main,
    lifecycle.main,
    purchasing.main,
    email_channel.main,
    capture_accuracy.main,
    pdf_speed.main,
    fax_ocr.main,
    real_orders.main,
    review_view.main,
    lambda: reports.main([]),
    history.main,
    lambda: crash.main(100),  # its full size (1,000) is `python -m bench.crash`
)


def main() -> int:
    with progress("bench") as advance:
        advance(0, len(BENCHES))
        failed = 0
        for done, bench in enumerate(BENCHES, start=1):
            failed |= bench() == 1  # the crash bench: something lost or doubled
            advance(done, len(BENCHES))
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
