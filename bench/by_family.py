"""Scoring drawn orders per layout family and per split (tuning vs held-out), and the command-line
options every capture bench shares: which families (`--families tuning|held-out|all|held-out-all`), how
many orders per family, and the first seed.

`held-out-all` is the whole held-out side of the split in force (samples.orders_gen.SPLIT, "v2"): every
family, tuning ones included, at held-out seeds (200 001 on), plus the held-out family. It is measured
once, at the end of a piece of reader work, never looked at while changing code."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bench.capture_accuracy import Read, Scores
from samples.orders_gen import FAMILIES, SPLIT, families_of


@dataclass(frozen=True)
class Case:
    """One document variant to read: its name, family, split, bytes and truth."""

    name: str
    family: str
    split: str
    content: bytes
    truth: dict[str, Any]


def add_options(ap: argparse.ArgumentParser, count: int) -> None:
    ap.add_argument(
        "--families",
        choices=["tuning", "held-out", "all", "held-out-all"],
        default="all",
        help="tuning families (reader work runs on these) or held-out ones (only ever measured);"
        " held-out-all: every family at held-out seeds",
    )
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    ap.add_argument("--count", type=int, default=count, help="orders per family")
    ap.add_argument(
        "--seed",
        type=int,
        help=f"first seed for every family (default: {SPLIT.tuning_seeds.start + 1} for tuning families,"
        f" {SPLIT.held_out_seeds.start + 1} for held-out ones)",
    )


def chosen(args: argparse.Namespace) -> tuple[str, ...]:
    """The families to draw; for `held-out-all` also the first seed, when none was given."""
    if args.families == "held-out-all":
        if args.seed is None:
            args.seed = SPLIT.held_out_seeds.start + 1
        return tuple(args.family) if args.family else families_of("all")
    return tuple(args.family) if args.family else families_of(args.families)


def score_cases(cases: Iterable[Case], read: Read, label: str) -> dict[str, Scores]:
    """Scores per family, per split ("split tuning", "split held-out") and over all ("all")."""
    out: dict[str, Scores] = {}
    for case in cases:
        got = read(case.content)
        for key in (case.family, f"split {case.split}", "all"):
            scores = out.setdefault(key, Scores(f"{label}: {key}"))
            scores.add(case.name, case.truth, got)
    return out


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def table(scores: dict[str, Scores], title: str) -> list[str]:
    """One row per family, then one per split and the overall row."""
    head = f"  {title:<22} {'docs':>4} {'lines':>5}  {'header':>6} {'lines':>6} {'docs':>6}"
    head += f" {'touchl.':>7} {'false acc.':>10} {'unread.':>7}"
    rows = [head]
    order = [f for f in FAMILIES if f in scores] + [k for k in scores if k.startswith("split")] + ["all"]
    for key in order:
        s = scores[key]
        split = (
            "" if key.startswith(("split", "all")) else f" ({'T' if key in SPLIT.tuning_families else 'H'})"
        )
        rows.append(
            f"  {key + split:<22} {s.documents:>4} {s.lines_total:>5}"
            f"  {_pct(s.header_right, s.header_total):>6}"
            f" {_pct(s.lines_right, s.lines_total):>6} {_pct(s.documents_right, s.documents):>6}"
            f" {_pct(s.touchless, s.documents):>7} {s.false_accepts:>10} {s.unreadable:>7}"
        )
    return rows


def misses(scores: dict[str, Scores], limit: int = 2) -> list[str]:
    return [f"    {m}" for key in FAMILIES if key in scores for m in scores[key].misses[:limit]]
