"""Line dates scored for the fax bench's `--line-dates`: on the documents that print a delivery date on
each line (the generator's `delivery_in` "per_line"), how many lines were read with their own date.

A line's date is right when the order read carries, at the line's position, the date the document prints
on that line; a line not read at all counts as wrong. Lines are taken by position, as the bench's line
scores take them (`samples.orders_gen.check.line_errors`); only a document's first order is scored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any


def prints_line_dates(truth: Mapping[str, Any]) -> bool:
    """Whether the document prints a delivery date on each of its lines."""
    return bool((truth.get("params") or {}).get("delivery_in") == "per_line")


def line_dates(truth: Mapping[str, Any], got: Mapping[str, Any]) -> tuple[int, int]:
    """(lines whose date was read right, lines printing a date) of one document; (0, 0) for a document
    that prints no line dates."""
    if not prints_line_dates(truth):
        return 0, 0
    have = got.get("lines") or []
    right = judged = 0
    for i, line in enumerate(truth["lines"]):
        want = line.get("requested_delivery_date")
        if want is None:
            continue
        judged += 1
        right += i < len(have) and have[i].get("requested_delivery_date") == want
    return right, judged


def tally(cases: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, tuple[int, int]]:
    """(right, judged) line dates per family and over all ("all"), of (family, truth, read) triples,
    `read` in the `oms extract --json` shape; families printing no line dates left out."""
    right: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    for family, truth, read in cases:
        orders = read.get("orders") or []
        r, j = line_dates(truth, orders[0] if orders else {"lines": []})
        if j:
            for key in (family, "all"):
                right[key] += r
                judged[key] += j
    return {key: (right[key], judged[key]) for key in judged}


def summary(counts: Mapping[str, tuple[int, int]], title: str) -> str:
    """One line: "line dates right n/m" over all, then per family."""
    if "all" not in counts:
        return f"  Line dates, {title}: no document prints a date per line"
    r, j = counts["all"]
    families = "; ".join(f"{k} {n}/{m}" for k, (n, m) in sorted(counts.items()) if k != "all")
    return f"  Line dates, {title}: line dates right {r}/{j} (lines printing their own date; {families})"
