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
    real_orders,
    review_view,
)


def main() -> int:
    edifact_e2e.main()
    lifecycle.main()
    email_channel.main()
    capture_accuracy.main()
    fax_ocr.main()
    real_orders.main()
    review_view.main()
    history.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
