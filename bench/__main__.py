"""Run every benchmark and print its figures."""

from __future__ import annotations

import sys

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


def main() -> int:
    edifact_e2e.main()
    lifecycle.main()
    purchasing.main()
    email_channel.main()
    capture_accuracy.main()
    pdf_speed.main()
    fax_ocr.main()
    real_orders.main()
    review_view.main()
    reports.main([])
    history.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
