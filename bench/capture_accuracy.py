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
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.capture.domain.documents import Channel, InboundDocument
from core.catalog.domain.pricing import list_row, resolve_price
from core.catalog.services.masterdata import import_csv
from oms.bootstrap import App, bootstrap
from oms.extract import master_data, read_or_error, result_json
from oms.settings import Settings
from samples.orders_gen import LAYOUTS, TODAY, generate, generate_drawn
from samples.orders_gen.check import HEADER_FACTS, header_errors, line_errors
from samples.orders_gen.master import MASTER_KINDS, TERMS_KINDS, master_csv
from validation.terms import PRICE_TOLERANCE, close, terms_of

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
    # documents read right but not accepted: per reason (a document once per reason it shows), per
    # reason that alone held it, and per owner of the reasons (see REASON_OWNERS)
    held: Counter[str] = field(default_factory=Counter)
    held_alone: Counter[str] = field(default_factory=Counter)
    held_by_owner: Counter[str] = field(default_factory=Counter)

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
            problems = got.get("problems") or []
            reasons = {_field_kind(p) for p in problems}
            self.held.update(reasons)
            if len(reasons) == 1:
                self.held_alone.update(reasons)
            self.held_by_owner[" + ".join(sorted({_owner(p, truth) for p in problems}))] += 1
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


# Who can take a reason away. "reading": the reader was unsure of, or did not take in, something it
# then got right (its confidence, a row or total it left unread); "master data": the order met master
# data that lacks what it needs (a price in the order's currency, a product, a customer); "decision":
# everything was read and known, and a rule of validation held it (a line found by its description when
# the document prints its code is the reader's: it missed the code).
REASON_OWNERS = {
    "low_confidence": "reading",
    "field_not_read": "reading",
    "total_mismatch": "reading",
    "amount_mismatch": "reading",
    "page_fact_mismatch": "reading",
    "currency_mismatch": "master data",
    "price_mismatch": "master data",
    "unknown_product": "master data",
    "unknown_customer": "master data",
    "unit_mismatch": "master data",
}


def _owner(problem: dict[str, Any], truth: dict[str, Any]) -> str:
    """Who owns a problem on a document read right. A line taken by its description although the
    document prints its code (the truth's `item_code`) is a code column the reader did not take in."""
    found = re.match(r"lines\[(\d+)\]", problem.get("field") or "")
    if problem["code"] == "product_by_description" and found:
        printed = truth["lines"][int(found.group(1))]
        if printed.get("item_code") or printed.get("gtin"):
            return "reading"
    return REASON_OWNERS.get(problem["code"], "decision")


def held_report(scores: dict[str, Scores]) -> list[str]:
    """Why documents read fully right still waited for a person, over all ("all"): per reason (a
    document counts once per reason), the reasons that alone held a document, and who owns them; then
    per family, who owns what held its documents."""
    tally = scores["all"]
    held = tally.documents_right - tally.touchless
    if not held:
        return [f"    all {tally.documents_right} documents read right were accepted"]

    def row(counts: Counter[str]) -> str:
        return "; ".join(f"{what} {n}" for what, n in counts.most_common()) or "none"

    families = [
        f"    {key}: {s.documents_right - s.touchless} of {s.documents_right} read right held;"
        f" by owner: {row(s.held_by_owner)}"
        for key, s in scores.items()
        if key != "all" and not key.startswith("split") and s.documents_right > s.touchless
    ]
    return [
        f"    read right {tally.documents_right}, accepted {tally.touchless}, held {held}",
        f"    held, by owner of the reasons: {row(tally.held_by_owner)}",
        f"    held, per reason (a document once per reason): {row(tally.held)}",
        f"    held by that reason alone: {row(tally.held_alone)}",
        *families,
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
            return result_json(
                "bench", str(channel), read_or_error(app.read, doc), master, TODAY, app.validate
            )

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
        print("  Review reasons of the documents read fully right, without terms:")
        print("\n".join(held_report(scores)))
        if args.legacy:
            docs = [(g.name, g.pdf, g.truth) for g in generate(36, SEED)]
            legacy = score_documents(docs, app_reader(app), f"legacy fixed layouts ({len(LAYOUTS)})")
            print("\n".join(legacy.report()))
    if args.with_terms:
        _beside_terms(cases, scores)
    return 0


def master_gaps(app: App, truths: Iterable[dict[str, Any]]) -> Counter[str]:
    """What the drawn orders use that the app's master data lacks: an unknown customer or product, or
    no price for the customer, in the order's currency on its date, that agrees with the line's unit
    price (per the product's unit or per one of its packs). Empty: master data is complete."""
    gaps: Counter[str] = Counter()
    with master_data(app) as master:
        terms = terms_of(master)
        for truth in truths:
            customer_id, currency = truth["customer_id"], truth["currency"]
            if master.customer(customer_id) is None:
                gaps[f"customer {customer_id}"] += 1
            on = datetime.fromisoformat(truth["order_date"]).date()
            for line in truth["lines"]:
                product = master.product(line["sku"])
                if product is None:
                    gaps[f"product {line['sku']}"] += 1
                    continue
                rows = [*terms.prices_for(product.sku), *filter(None, [list_row(product)])]
                found = resolve_price(
                    rows,
                    sku=product.sku,
                    customer_id=customer_id,
                    group=None,
                    quantity=Decimal(line["quantity"]),
                    on=on,
                    currency=currency,
                )
                want = Decimal(line["unit_price"])
                factors = [Decimal(1), *(pack.factor for pack in terms.packs_for(product.sku))]
                if found is None:
                    gaps[f"price of {product.sku} for {customer_id} in {currency}"] += 1
                elif not any(close(want, found.unit_price * f, PRICE_TOLERANCE) for f in factors):
                    gaps[f"{customer_id}'s price of {product.sku} in {currency} ({found.unit_price})"] += 1
    return gaps


def _beside_terms(cases: list[Any], without: dict[str, Any]) -> None:
    """The same documents read with the commercial terms loaded: touchless and what held the rest."""
    from bench import by_family

    with demo_app(terms=True) as app:
        scores = by_family.score_cases(cases, app_reader(app), "with terms")
        gaps = master_gaps(app, (case.truth for case in cases))
    print(
        "  master data complete for every drawn order (customer, products, a price in the order's"
        " currency that agrees)"
        if not gaps
        else f"  master data INCOMPLETE: {'; '.join(f'{g} ({n} lines)' for g, n in gaps.most_common(8))}"
    )
    print("\n".join(by_family.table(scores, "text PDFs, with terms")))
    print("  Review reasons of the documents read fully right, with terms:")
    print("\n".join(held_report(scores)))
    print(
        f"  touchless without terms {without['all'].touchless}/{without['all'].documents},"
        f" with terms {scores['all'].touchless}/{scores['all'].documents}"
        f" (of {scores['all'].documents_right} read fully right)"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
