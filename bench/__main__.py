"""Run every benchmark and print its figures; on a terminal, one progress bar over the benchmarks run
(their figures print above it, unchanged; in a pipe or a file there is no bar at all)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from bench import (
    capture_accuracy,
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
)


def main() -> int:
    with progress("bench") as advance:
        advance(0, len(BENCHES))
        for done, bench in enumerate(BENCHES, start=1):
            bench()
            advance(done, len(BENCHES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
