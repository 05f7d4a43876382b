"""The documents read wholly right that still waited for a person, named one by one with what held
them, for the fax bench's `--held`: where `held_report` counts the reasons over a run, this says which
document each count is, so a round can look at the very pages a class of holds stands on.

A document is read right as `bench.capture_accuracy.Scores.add` judges it (one order, no header fact and
no line wrong); its reasons are its order's problems, one per field, line numbers kept, with the
message the review queue shows (a confidence below the threshold is in it)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from samples.orders_gen.check import header_errors, line_errors


def held_right(truth: Mapping[str, Any], read: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The problems that held a document read wholly right; None when it was not read right or it was
    accepted."""
    orders = read.get("orders") or []
    if len(orders) != 1:
        return None
    got = orders[0]
    if header_errors(dict(truth), got) or line_errors(dict(truth), got) or got.get("decision") == "accept":
        return None
    return list(got.get("problems") or [])


def _kind(problem: Mapping[str, Any]) -> str:
    """'low_confidence on lines[].quantity': a problem's code and field, line numbers left out (as
    `bench.capture_accuracy` counts them)."""
    where = re.sub(r"\[\d+\]", "[]", problem.get("field") or "order")
    return f"{problem['code']} on {where}"


def report(cases: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]], title: str) -> list[str]:
    """Each held right document of (name, truth, read) with its reasons, then per reason the documents
    it held (a document once per reason; "alone" where it was the document's one reason)."""
    out = [f"  Read wholly right but held, {title}, document by document:"]
    by_reason: dict[str, list[str]] = defaultdict(list)
    for name, truth, read in cases:
        problems = held_right(truth, read)
        if problems is None:
            continue
        kinds = sorted({_kind(p) for p in problems})
        out.append(f"    {name}: {len(kinds)} reason{'s' if len(kinds) != 1 else ''}")
        out += [f"      {p['code']} on {p.get('field')}: {p['message']}" for p in problems]
        for kind in kinds:
            by_reason[kind].append(name + (" (alone)" if len(kinds) == 1 else ""))
    if not by_reason:
        return [*out, "    none"]
    out.append(f"  Held right documents per reason, {title}:")
    for kind, names in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        out.append(f"    {kind}: {len(names)}: {', '.join(names)}")
    return out
