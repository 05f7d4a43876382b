"""Capture accuracy on generated purchase orders, read through the real capture path (format detection,
parsing, master-data resolution on a temporary SQLite database, validation).

The orders are drawn (samples.orders_gen): eight layout families, reported per family and per split.
TUNING families and seeds are the ones reader work may be run on; HELD-OUT ones are only measured:

    python -m bench.capture_accuracy [--families tuning|held-out|all] [--count N] [--seed S] [--legacy]
                                     [--with-terms]

With `--with-terms` the same documents are read a second time with the commercial terms loaded beside
the master data (agreed prices, price lists in the buyers' currencies, packs: samples' prices.csv and
units.csv), and both figures are reported.


Reported per document variant: header-field accuracy, line accuracy (sku, quantity and unit price all
right), whole-document accuracy, touchless rate (accepted and fully right) and false accepts (accepted
with any fact wrong).  `score_documents` takes any variant, so faxed versions of the same orders go
through the same scoring: pass (bytes, truth) pairs and a reader.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.capture.domain.documents import Channel, InboundDocument
from core.catalog.services.masterdata import import_csv
from oms.bootstrap import App, bootstrap
from oms.extract import master_data, result_json
from oms.settings import Settings
from samples.orders_gen import LAYOUTS, TODAY, generate, generate_drawn
from samples.orders_gen.check import HEADER_FACTS, header_errors, line_errors
from samples.orders_gen.master import MASTER_KINDS, TERMS_KINDS, master_csv

COUNT = int(os.environ.get("BENCH_CAPTURE_DOCS", "12"))  # drawn orders per family
SEED = 2026
ROOT = Path(__file__).resolve().parents[1]
DAY = datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=UTC)

# A reader: document bytes -> one element of `oms extract --json` (source, format, error, orders).
Read = Callable[[bytes], dict[str, Any]]


@dataclass
class Scores:
    """Tallies of one document variant."""

    label: str
    documents: int = 0
    header_right: int = 0
    header_total: int = 0
    lines_right: int = 0
    lines_total: int = 0
    documents_right: int = 0
    accepted: int = 0
    touchless: int = 0
    false_accepts: int = 0
    unreadable: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    held: Counter[str] = field(
        default_factory=Counter
    )  # problem codes on documents read right but not accepted

    def add(self, name: str, truth: dict[str, Any], read: dict[str, Any]) -> None:
        """Score one document: its first order against the truth (nothing read scores nothing right)."""
        self.documents += 1
        orders = read.get("orders") or []
        got = orders[0] if orders else {"lines": []}
        if not orders:
            self.unreadable += 1
        header = header_errors(truth, got)
        lines = line_errors(truth, got)
        self.header_total += len(HEADER_FACTS)
        self.header_right += len(HEADER_FACTS) - len(header)
        self.lines_total += len(truth["lines"])
        self.lines_right += len(truth["lines"]) - sum(1 for i, _ in lines if i < len(truth["lines"]))
        right = not header and not lines and len(orders) == 1
        accepted = bool(orders) and got.get("decision") == "accept"
        self.documents_right += right
        self.accepted += accepted
        self.touchless += accepted and right
        self.false_accepts += accepted and not right
        if right and not accepted:
            self.held.update({_field_kind(p) for p in got.get("problems") or []})
        if not right and len(self.misses) < 5:
            why = read.get("error") or "; ".join(header + [f"lines[{i}] {w}" for i, w in lines][:3])
            self.misses.append(f"{name}: {why}")

    def _held(self) -> str:
        return ", ".join(f"{what} {n}" for what, n in self.held.most_common())

    @staticmethod
    def _pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:6.1f}%" if whole else "     -"

    def report(self) -> list[str]:
        p = self._pct
        return [
            f"  {self.label}: {self.documents} documents, {self.lines_total} lines,"
            f" {self.seconds / max(1, self.documents):.2f} s per document",
            f"    header fields {p(self.header_right, self.header_total)}"
            f"   lines {p(self.lines_right, self.lines_total)}"
            f"   whole documents {p(self.documents_right, self.documents)}",
            f"    touchless {p(self.touchless, self.documents)}"
            f"   false accepts {self.false_accepts}   unreadable {self.unreadable}",
            *([f"    read right but held for review by: {self._held()}"] if self.held else []),
            *(f"    miss: {m}" for m in self.misses),
        ]


def _field_kind(problem: dict[str, Any]) -> str:
    """'low_confidence on lines[].quantity': a problem's code and field, line numbers left out."""
    where = re.sub(r"\[\d+\]", "[]", problem.get("field") or "order")
    return f"{problem['code']} on {where}"


def score_documents(docs: Iterable[tuple[str, bytes, dict[str, Any]]], read: Read, label: str) -> Scores:
    """Read every (name, bytes, truth) with `read` and score it."""
    scores = Scores(label)
    start = time.perf_counter()
    for name, content, truth in docs:
        scores.add(name, truth, read(content))
    scores.seconds = time.perf_counter() - start
    return scores


@contextmanager
def demo_app(*, terms: bool = False) -> Iterator[App]:
    """The application on a temporary SQLite database holding the demo master data (with `terms`, the
    commercial terms too)."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/oms.db", broker_url="memory://"
        )
        app = bootstrap(settings, clock=lambda: DAY)
        app.upgrade_database()
        for kind in MASTER_KINDS + (TERMS_KINDS if terms else ()):  # demo data and buyers abroad
            import_csv(app.uow(), kind, master_csv(kind))
        try:
            yield app
        finally:
            app.close()


def app_reader(app: App, channel: Channel = Channel.UPLOAD) -> Read:
    """The capture path `oms extract` uses, on the app's master data, validated as of TODAY."""

    def read(content: bytes) -> dict[str, Any]:
        doc = InboundDocument(channel=channel, content=content, received_at=DAY, original_name="bench")
        with master_data(app) as master:
            return result_json("bench", str(channel), app.read(doc), master, TODAY, app.validate)

    return read


def main(argv: Sequence[str] | None = None) -> int:
    from bench import by_family  # it imports this module's Scores

    ap = argparse.ArgumentParser(prog="python -m bench.capture_accuracy", description=__doc__.splitlines()[0])
    by_family.add_options(ap, COUNT)
    ap.add_argument(
        "--legacy", action="store_true", help="also the six fixed layouts the reader was written beside"
    )
    ap.add_argument(
        "--with-terms", action="store_true", help="also read with agreed prices and packs loaded, beside"
    )
    args = ap.parse_args(argv if argv is not None else [])
    families = by_family.chosen(args)
    drawn = generate_drawn(args.count, families, args.seed)
    cases = [by_family.Case(o.name, o.family, o.split, o.pdf, o.truth) for o in drawn]
    print(
        f"Capture accuracy, text PDFs: {args.count} drawn orders per family, {len(families)} families"
        f" ({', '.join(families)}), seeds from {args.seed or 'the split defaults'}"
    )
    with demo_app() as app:
        start = time.perf_counter()
        scores = by_family.score_cases(cases, app_reader(app), "text PDFs")
        seconds = time.perf_counter() - start
        print("\n".join(by_family.table(scores, "text PDFs")))
        print(f"  {len(cases) / seconds:.1f} documents per second")
        print("\n".join(by_family.misses(scores)))
        if args.legacy:
            docs = [(g.name, g.pdf, g.truth) for g in generate(36, SEED)]
            legacy = score_documents(docs, app_reader(app), f"legacy fixed layouts ({len(LAYOUTS)})")
            print("\n".join(legacy.report()))
    if args.with_terms:
        _beside_terms(cases, scores)
    return 0


def _beside_terms(cases: list[Any], without: dict[str, Any]) -> None:
    """The same documents read with the commercial terms loaded: touchless and what held the rest."""
    from bench import by_family

    with demo_app(terms=True) as app:
        scores = by_family.score_cases(cases, app_reader(app), "with terms")
    print("\n".join(by_family.table(scores, "text PDFs, with terms")))
    for label, tally in (("without terms", without["all"]), ("with terms", scores["all"])):
        held = ", ".join(f"{what} {n}" for what, n in tally.held.most_common()) or "nothing"
        print(f"  {label}: touchless {tally.touchless}/{tally.documents}; read right but held by: {held}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
