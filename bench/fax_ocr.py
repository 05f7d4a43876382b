"""Fax OCR benchmark: generated orders through the simulated fax line, read back by our pipeline.

Reports, separately for fine (204 x 196) and normal (204 x 98) faxes, header-field, line and whole-
document accuracy, the touchless rate and false accepts, scored like the text PDFs by
bench.capture_accuracy on the same capture path (`oms extract`'s), and the OCR cost per page against
the bare `tesseract` command on the same page images.  `--study` also compares the preprocessing
steps by word recall against the text PDFs.

`--cache DIR` keeps the faxes and what Tesseract read of each page under DIR (bench/out/ is ignored by
git), so a second run re-reads only the layout: seconds instead of minutes while working on the reader.
`--diffs` prints every document's wrong facts; `--classes` counts why lines are wrong (a code cut
in two or run into its neighbour, a digit misread, a row lost...: bench.line_classes) and on how many
lines read with their product the unit of measure is the product's.  The orders
are drawn (samples.orders_gen), reported per layout family and per split: `--families tuning` for
reader work, `--families held-out` only to measure; `--seed` starts every family's seeds there.
Each fax draws its own skew (up to 3°), streaks, and now and then a page fed upside down or sideways.

`--garble-headings` makes every table heading OCR read unreadable before the layout reader sees the
page (bench.garbled_headings): what it then reads is what the rows' geometry and arithmetic alone find,
as on a fax whose heading OCR garbled or one worded as no vocabulary has it.

`--with-terms` reads the faxes against the complete master data, commercial terms included (agreed prices
and the price lists in the buyers' currencies, as `bench.capture_accuracy --with-terms`), and says whether
it covers every drawn order.  Every run then says why the documents read fully right still waited for a
person, per reason and per owner (reading, master data or a rule: `bench.capture_accuracy.held_report`).

`--history` gives each document's customer the earlier orders a real customer keeps (two or three
accepted ones of the last weeks, numbered in the printed number's format: bench.order_history), so that
the decision learns the customer's order-number format as it does on arrival. `--line-dates` adds, per
resolution, how many lines of the documents printing a date per line were read with their date
(bench.line_dates). `--held` names each document read wholly right that waited, with its reasons, and
per reason the documents it held (bench.held_right). Without them, nothing printed changes.

    python -m bench.fax_ocr [--families tuning|held-out|all] [--count 4] [--seed S] [--study]
        [--cost-pages 12] [--cache DIR] [--diffs] [--classes] [--same-reads 20]
        [--resolution fine|normal] [--with-terms] [--garble-headings] [--history] [--line-dates] [--held]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import by_family, held_right, line_classes, line_dates
from bench.capture_accuracy import DAY, TODAY, Read, demo_app, held_report, master_gaps
from bench.fax_corpus import CachedOcr, FaxCase, corpus
from bench.fax_cost import STAGES, ocr_cost, same_reads, study
from bench.garbled_headings import GarbledHeadings
from bench.order_history import Histories
from core.capture.domain.documents import Channel, InboundDocument
from oms.bootstrap import App, make_reader
from oms.extract import master_data, read_or_error, result_json
from oms.ocr import ocr_parsers
from parsers.ocr.engine import OcrOptions, PageOcr
from parsers.ocr.images import Limits, load_pages
from samples.orders_gen.check import differences

RESOLUTIONS = ("fine", "normal")
COUNT = int(os.environ.get("BENCH_FAX_DOCS", "4"))  # drawn orders per family


def fax_reader(
    app: App, cache: Path | None, *, garble: bool = False, history: Histories | None = None
) -> Read:
    """The capture path of `oms extract` for faxes (as bench.capture_accuracy.app_reader), reading pages
    through a `CachedOcr` around the app's engine when `cache` is given; with `garble`, every table
    heading of the pages read made unreadable (bench.garbled_headings); with `history`, each order's
    prefix hold settled against its customer's earlier orders (bench.order_history)."""
    engine: PageOcr = app.ocr if cache is None else CachedOcr(app.ocr, cache)
    if garble:
        engine = GarbledHeadings(engine)
    read_doc = app.read if engine is app.ocr else make_reader(lambda: DAY, ocr_parsers(app.settings, engine))

    def read(content: bytes) -> dict[str, Any]:
        doc = InboundDocument(channel=Channel.FAX, content=content, received_at=DAY, original_name="bench")
        check = app.validate if history is None else history.deciding(content, app.validate, app.uow())
        with master_data(app) as master:
            return result_json("bench", str(Channel.FAX), read_or_error(read_doc, doc), master, TODAY, check)

    return read


def print_differences(cases: Sequence[FaxCase], read: Read) -> None:
    """Every document's wrong facts, its decision and what held it: what to look at when working on the
    reader or the decision."""
    for case in cases:
        got = read(case.tiff)
        orders = got.get("orders") or []
        first = orders[0] if orders else {"lines": []}
        wrong = differences(case.truth, first)
        decision = first.get("decision", "-")
        print(
            f"  {case.resolution} {case.name}: {decision}, {len(wrong)} wrong"
            + (f" ({got['error']})" if got.get("error") else "")
        )
        for text in wrong:
            print(f"      {text}")
        for problem in first.get("problems") or [] if decision != "accept" else []:
            print(f"      held: {problem['code']} on {problem.get('field')}: {problem['message']}")


def remembered(read: Read) -> Read:
    """`read` that reads each document once: the scores, `--diffs` and `--classes` share one read."""
    seen: dict[bytes, dict[str, Any]] = {}

    def again(content: bytes) -> dict[str, Any]:
        if content not in seen:
            seen[content] = read(content)
        return seen[content]

    return again


def print_classes(cases: Sequence[FaxCase], read: Read, title: str) -> None:
    """Why the lines were read wrong, counted by class over all `cases` (bench.line_classes)."""
    found: list[tuple[str, str]] = []
    lines = right = judged = 0
    for case in cases:
        orders = read(case.tiff).get("orders") or []
        found += line_classes.classify(case.truth, orders[0] if orders else {"lines": []})
        lines += len(case.truth["lines"])
        unit_right, unit_judged = line_classes.units(case.truth, orders[0] if orders else {"lines": []})
        right, judged = right + unit_right, judged + unit_judged
    print("\n".join(line_classes.table(found, lines, title)))
    print(
        f"  Units of measure, {title}: the product's on {right} of {judged} lines read with their product"
        " and a unit"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fax_ocr", description=__doc__.splitlines()[0])
    by_family.add_options(ap, COUNT)
    ap.add_argument("--study", action="store_true", help="also compare preprocessing steps (slow)")
    ap.add_argument("--cost-pages", type=int, default=12, help="pages timed against bare tesseract (0: none)")
    ap.add_argument("--resolution", action="append", choices=RESOLUTIONS, help="only these resolutions")
    ap.add_argument(
        "--cache", type=Path, help="keep faxes and OCR words here; later runs re-read only the layout"
    )
    ap.add_argument(
        "--same-reads",
        type=int,
        default=0,
        help="pages read both spawning tesseract and with it kept loaded (tesserocr), compared",
    )
    ap.add_argument("--diffs", action="store_true", help="print every document's wrong facts")
    ap.add_argument("--classes", action="store_true", help="count why lines are wrong (bench.line_classes)")
    ap.add_argument(
        "--held",
        action="store_true",
        help="name each document read wholly right that waited, with its reasons (bench.held_right)",
    )
    ap.add_argument(
        "--with-terms",
        action="store_true",
        help="read against the master data with commercial terms (agreed prices, buyers' currencies)",
    )
    ap.add_argument(
        "--garble-headings",
        action="store_true",
        help="make every table heading OCR read unreadable: the rows found by geometry alone",
    )
    ap.add_argument(
        "--history",
        action="store_true",
        help="give each customer earlier orders of its printed number's format (bench.order_history)",
    )
    ap.add_argument(
        "--line-dates",
        action="store_true",
        help="also score the dates of the lines of documents printing one per line (bench.line_dates)",
    )
    args = ap.parse_args(argv if argv is not None else [])
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    options = OcrOptions()
    families = by_family.chosen(args)
    resolutions = tuple(args.resolution or RESOLUTIONS)
    cases = {r: corpus(args.count, families, args.seed, r, args.cache) for r in resolutions}
    pages = sum(len(load_pages(c.tiff, Limits())) for c in cases[resolutions[0]])
    print(
        f"Fax capture: {args.count} drawn orders per family, {len(families)} families"
        f" ({', '.join(families)}),"
        f" seeds from {args.seed or 'the split defaults'}, {pages} pages, each faxed at"
        f" {' and '.join(resolutions)} resolution; preprocessing: fine"
        f" {'+'.join(options.preprocess) or 'none'}, normal {'+'.join(options.preprocess_normal) or 'none'}"
    )
    if args.study:
        study(cases, [(), ("heal",), ("heal", "deskew"), ("heal", "smooth"), ("heal", "deskew", "smooth")])
    history = None
    if args.history:
        history = Histories.of(((c.tiff, c.truth, c.name) for r in resolutions for c in cases[r]), DAY)
        print(f"  {Histories.SAID}")
    with demo_app(terms=args.with_terms) as app:
        reader = remembered(fax_reader(app, args.cache, garble=args.garble_headings, history=history))
        gaps = master_gaps(app, (c.truth for c in cases[resolutions[0]]))
        print(
            f"  master data {'with' if args.with_terms else 'without'} commercial terms: "
            + (
                "complete for every drawn order"
                if not gaps
                else f"INCOMPLETE: {'; '.join(f'{g} ({n} lines)' for g, n in gaps.most_common(4))}"
            )
        )
        for resolution in resolutions:
            docs = [by_family.Case(c.name, c.family, c.split, c.tiff, c.truth) for c in cases[resolution]]
            scores = by_family.score_cases(docs, reader, f"{resolution} faxes")
            print("\n".join(by_family.table(scores, f"{resolution} faxes")))
            if args.line_dates:
                read = ((c.family, c.truth, reader(c.tiff)) for c in cases[resolution])
                print(line_dates.summary(line_dates.tally(read), f"{resolution} faxes"))
            print("\n".join(by_family.misses(scores, 1)))
            print(f"  Review reasons of the {resolution} faxes read fully right:")
            print("\n".join(held_report(scores)))
            if args.held:
                read_right = ((c.name, c.truth, reader(c.tiff)) for c in cases[resolution])
                print("\n".join(held_right.report(read_right, f"{resolution} faxes")))
            if args.diffs:
                print_differences(cases[resolution], reader)
            if args.classes:
                print_classes(cases[resolution], reader, f"{resolution} faxes")
    for resolution in resolutions if args.same_reads else ():
        alike, n, spawned, loaded = same_reads(cases[resolution], args.same_reads, options)
        print(
            f"  Same reads, {resolution} faxes: {alike} of {n} pages read alike (words, boxes, confidences)"
            f" spawning tesseract ({spawned:.2f} s per page) and with it kept loaded ({loaded:.2f} s)"
        )
    for resolution in resolutions if args.cost_pages else ():
        cost = ocr_cost(cases[resolution], args.cost_pages, options)
        numbers, fields, codes_again, rows_again = cost.crops
        print(
            f"  OCR cost, {resolution} faxes: {cost.ours:.2f} s per page through our pipeline,"
            f" {cost.bare:.2f} s for bare tesseract on the same {cost.pages} page images:"
            f" {cost.ours / cost.bare:.2f}x (number cells read again: {cost.again:.2f} s per page,"
            f" {cost.again / cost.bare:.2f}x; cut-outs read again per page: {numbers:.2f} number cells,"
            f" {fields:.2f} header fields, {codes_again:.2f} item codes,"
            f" {rows_again:.2f} row bands)"
            f"; CPU: {cost.cpu.ours:.2f} s per page ours, {cost.cpu.bare:.2f} s bare:"
            f" {cost.cpu.ours / cost.cpu.bare:.2f}x ("
            + ", ".join(f"{s} {t / cost.cpu.bare:.3f}x" for s, t in zip(STAGES, cost.cpu.stages, strict=True))
            + ")"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
