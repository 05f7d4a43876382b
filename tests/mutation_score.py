"""The mutation score of `make mutate`, per module: of the mutants mutmut planted and ran, how many a test
caught. Reads the verdicts mutmut leaves beside the mutated copies (mutants/**/*.py.meta); prints a table
and the total. Mutants no test reaches count as survivors: an untested rule is an unguarded promise."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 37}  # a test failed, pytest broke on it, or the type checker refused it (mutmut's codes)
NOT_RUN = {None, 2, 34}  # not checked yet, interrupted, skipped


def score(root: Path = Path("mutants")) -> dict[str, Counter[str]]:
    """Per source file: counts of killed, survived (including no test reaching it) and timeouts."""
    table: dict[str, Counter[str]] = {}
    for meta in sorted(root.rglob("*.py.meta")):
        verdicts = json.loads(meta.read_text())["exit_code_by_key"].values()
        counts: Counter[str] = Counter()
        for code in verdicts:
            if code in NOT_RUN:
                counts["not run"] += 1
            elif code in KILLED or code in {24, 36, -24, 152, 255}:  # a timeout: the mutant hung the tests
                counts["killed"] += 1
            else:
                counts["survived"] += 1
        table[str(meta.relative_to(root)).removesuffix(".meta")] = counts
    return table


def main() -> int:
    table = score()
    if not table:
        print("no mutmut results under mutants/: run `make mutate` first")
        return 1
    total: Counter[str] = Counter()
    print(f"{'module':60} {'killed':>7} {'survived':>9} {'not run':>8} {'score':>6}")
    for name, counts in table.items():
        total.update(counts)
        ran = counts["killed"] + counts["survived"]
        share = f"{100 * counts['killed'] / ran:.0f}%" if ran else "-"
        print(f"{name:60} {counts['killed']:7} {counts['survived']:9} {counts['not run']:8} {share:>6}")
    ran = total["killed"] + total["survived"]
    share = f"{100 * total['killed'] / ran:.1f}%" if ran else "-"
    print(f"{'total':60} {total['killed']:7} {total['survived']:9} {total['not run']:8} {share:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
