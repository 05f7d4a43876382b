"""Run every benchmark and print its figures."""

from __future__ import annotations

import sys

from bench import edifact_e2e


def main() -> int:
    edifact_e2e.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
