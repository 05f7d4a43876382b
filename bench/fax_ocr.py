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
import hashlib
import io
import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pdfplumber

from bench import by_family, held_right, line_classes, line_dates
from bench.capture_accuracy import DAY, TODAY, Read, demo_app, held_report, master_gaps
from bench.garbled_headings import GarbledHeadings
from bench.order_history import Histories
from core.capture.domain.documents import Channel, InboundDocument
from core.capture.domain.layout import PageWords
from oms.bootstrap import App, make_reader
from oms.extract import master_data, result_json
from oms.ocr import ocr_parsers
from parsers.layout import extract_orders
from parsers.ocr import bands, cells, codes, cutouts, lookalike, recheck, tessapi
from parsers.ocr.engine import OcrOptions, PageOcr, SerialTesseract, ocr_page
from parsers.ocr.faxheader import strip_headers
from parsers.ocr.images import Limits, PageImage, load_pages
from samples.faxsim import FaxLine, fax_tiff
from samples.orders_gen import generate_drawn
from samples.orders_gen.check import differences

RESOLUTIONS = ("fine", "normal")
COUNT = int(os.environ.get("BENCH_FAX_DOCS", "4"))  # drawn orders per family


@dataclass(frozen=True)
class FaxCase:
    name: str
    family: str
    split: str
    resolution: str
    sender: str
    truth: dict[str, Any]
    tiff: bytes
    words: Counter[str]  # the words of the text PDF, the OCR's target


def _pdf_words(pdf: bytes) -> Counter[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return Counter(w["text"] for page in doc.pages for w in page.extract_words())


def fax_line(name: str, resolution: str, sender: str) -> FaxLine:
    """How this order's fax goes: skew up to 3°, streaks on some, and about one page in ten fed turned."""
    rng = random.Random(f"fax:{name}:{resolution}")
    turned = rng.random()
    rotate = 180 if turned < 0.06 else 90 if turned < 0.1 else 0
    streaks = rng.choice((0.0, 0.0, 1.0))
    return FaxLine(
        resolution=resolution,
        seed=rng.randrange(10**6),
        sender=sender,
        skew=rng.uniform(0.5, 3.0),
        rotate=rotate,
        streaks=streaks,
    )


def corpus(
    count: int, families: tuple[str, ...], seed: int | None, resolution: str, cache: Path | None = None
) -> list[FaxCase]:
    """`count` drawn orders of each family, each faxed from its customer's number."""
    cases = []
    for order in generate_drawn(count, families, seed):
        sender = order.drawn.facts.customer.fax
        line = fax_line(order.name, resolution, sender)
        kept = cache / "faxes" / f"{resolution}-{order.name}.tif" if cache else None
        if kept is not None and kept.exists():
            tiff = kept.read_bytes()
        else:
            tiff = fax_tiff(order.pdf, line)
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                kept.write_bytes(tiff)
        cases.append(
            FaxCase(
                name=order.name,
                family=order.family,
                split=order.split,
                resolution=resolution,
                sender=sender,
                truth=order.truth,
                tiff=tiff,
                words=_pdf_words(order.pdf),
            )
        )
    return cases


class CachedOcr:
    """A `PageOcr` that keeps what `inner` read of each page on disk, keyed by the page's pixels and the
    options, so the layout reader can be run again on the same faxes without Tesseract."""

    def __init__(self, inner: PageOcr, directory: Path) -> None:
        self.inner = inner
        self.directory = directory / "words"
        self.directory.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def key(page: PageImage, options: OcrOptions) -> str:
        digest = hashlib.sha256(page.data)
        digest.update(repr((page.number, page.mode, page.width, page.height, page.dpi, options)).encode())
        if options.whitelist:  # out of the options' repr, so that keys of whole pages stay as they were
            digest.update(f"whitelist={options.whitelist}".encode())
        if options.rivals:  # the same: a read asked for its figures' alternatives is a read of its own
            digest.update(b"rivals")
        return digest.hexdigest()[:32]

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        paths = [self.directory / f"{self.key(p, options)}.pickle" for p in pages]
        todo = [i for i, path in enumerate(paths) if not path.exists()]
        if todo:
            for i, words in zip(todo, self.inner.read_pages([pages[i] for i in todo], options), strict=True):
                paths[i].write_bytes(pickle.dumps(words))
        # our own files, written just above or by an earlier run of this benchmark
        return [pickle.loads(path.read_bytes()) for path in paths]


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
            return result_json("bench", str(Channel.FAX), read_doc(doc), master, TODAY, check)

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


# -- preprocessing study: which steps help Tesseract on our faxes ------------------------------
def word_recall(cases: Sequence[FaxCase], steps: tuple[str, ...]) -> tuple[float, float, float]:
    """(recall, precision, seconds per page) of the words read with `steps`, header lines left out."""
    hit = truth = read = pages = 0
    seconds = 0.0
    options = OcrOptions(preprocess=steps, preprocess_normal=steps)
    for case in cases:
        images = load_pages(case.tiff, Limits())
        start = time.perf_counter()
        words = [ocr_page(page, options) for page in images]
        seconds += time.perf_counter() - start
        stripped, _ = strip_headers(words)
        got = Counter(w.text for page in stripped for w in page.words)
        hit += sum((got & case.words).values())
        truth += sum(case.words.values())
        read += sum(got.values())
        pages += len(images)
    return hit / truth, hit / max(read, 1), seconds / max(pages, 1)


def study(cases_by_resolution: dict[str, list[FaxCase]], variants: Sequence[tuple[str, ...]]) -> None:
    print("preprocessing study: word recall / precision against the text PDFs, seconds per page")
    for resolution, cases in cases_by_resolution.items():
        for steps in variants:
            recall, precision, seconds = word_recall(cases, steps)
            label = "+".join(steps) or "none"
            print(
                f"  {resolution:6s} {label:22s} recall {recall:6.2%}  precision {precision:6.2%}"
                f"  {seconds:.2f} s"
            )


# -- OCR cost: our pipeline against bare tesseract on the same page images -------------------------
class CountedReads:
    """`SerialTesseract().read_pages` that counts the cut-outs it reads: the re-reads' Tesseract calls, a
    figure two trees can be compared by where seconds on a shared machine cannot."""

    def __init__(self) -> None:
        self.crops = 0

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        self.crops += len(pages)
        return SerialTesseract().read_pages(pages, options)


@dataclass(frozen=True)
class Cost:
    """Per page over the pages timed: our seconds, bare tesseract's, ours spent reading again, and the
    cut-outs read again by kind (number cells, header fields, item codes, row bands); and the same as
    CPU seconds (`cpu`: ours, bare, and ours by stage, `STAGES`), which the load of a shared machine
    does not enter as it does the wall clock."""

    ours: float
    bare: float
    pages: int
    again: float
    crops: tuple[float, float, float, float]
    cpu: CpuCost


# what `ocr_cost` times by CPU, in the order the pipeline runs them (header fields: rechecked and
# read again for look-alikes)
STAGES = ("page read", "bands", "number cells", "header fields", "item codes")


@dataclass(frozen=True)
class CpuCost:
    """CPU seconds per page: ours (this process's, and any child it spawned while ours ran), bare
    tesseract's (its process's, as a child of ours), and ours by stage (`STAGES`)."""

    ours: float
    bare: float
    stages: tuple[float, ...]


class CpuClock:
    """CPU seconds spent since it was made: this process's (`time.process_time`, Tesseract kept loaded
    included) and its finished children's (`resource.getrusage(RUSAGE_CHILDREN)`: a spawned
    `tesseract`), told apart."""

    def __init__(self) -> None:
        self.start = self.now()

    @staticmethod
    def now() -> tuple[float, float]:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time(), children.ru_utime + children.ru_stime

    def lap(self) -> tuple[float, float]:
        """(own, children's) CPU seconds since the last lap (or since made), and a new lap begun."""
        now = self.now()
        own, children = now[0] - self.start[0], now[1] - self.start[1]
        self.start = now
        return own, children


def ocr_cost(cases: Sequence[FaxCase], max_pages: int, options: OcrOptions) -> Cost:
    """What our pipeline and bare tesseract cost over the first `max_pages` pages (`Cost`).

    Ours: decode the TIFF page, square its pixels, preprocess, Tesseract to TSV, words parsed, and the
    number cells of lines that do not add up read again (parsers.ocr.cells), the header fields the
    layout offers read again (parsers.ocr.recheck, a third way where one reading is unsure), a normal
    fax's unsure item codes (parsers.ocr.codes; the layout reading that finds those is not timed) and the
    header fields printed once and read sure (parsers.ocr.lookalike, counted with the header fields).  Bare:
    `tesseract page.png stdout -l eng+spa --dpi D --psm 3` on the page already decoded and squared
    (it cannot read a 204 x 98 page correctly otherwise), run the same way one page at a time.  Timed by
    the wall clock and, stage by stage, by CPU time (`CpuClock`): ours in this process (and in children
    spawned while ours runs), bare tesseract's as its child's.
    """
    exe = shutil.which("tesseract")
    if exe is None:
        raise SystemExit("tesseract is not installed")
    ours = bare = again_seconds = 0.0
    cpu = dict.fromkeys(STAGES, 0.0)
    bare_cpu = 0.0
    pages = 0
    langs = "+".join(options.languages)
    number_reads, field_reads, code_reads = CountedReads(), CountedReads(), CountedReads()
    band_reads = CountedReads()
    readers = cutouts.ways_to_read(number_reads.read_pages, options)
    code_readers = codes.ways_to_read(code_reads.read_pages, options)
    field_readers = cutouts.ways_to_read(field_reads.read_pages, options, whitelist="")
    spare = recheck.spare_way(field_reads.read_pages, options)
    lookalike_readers = lookalike.ways_to_read(field_reads.read_pages, options)

    def spent(stage: str, clock: CpuClock) -> None:
        cpu[stage] += sum(clock.lap())

    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            if pages >= max_pages:
                break
            start = time.perf_counter()
            clock = CpuClock()
            images = load_pages(case.tiff, Limits())
            words = [ocr_page(page, options) for page in images]
            spent("page read", clock)
            ours += time.perf_counter() - start
            stripped, _ = strip_headers(words)
            extraction = extract_orders(stripped)
            start = time.perf_counter()
            clock = CpuClock()
            if options.reread_numbers:
                band_way = bands.way_to_read(band_reads.read_pages, options)
                extraction, stripped = bands.reread_rows(
                    extraction, images, stripped, band_way, extract_orders
                )
                spent("bands", clock)
            orders = extraction.orders
            if options.reread_numbers:
                orders = tuple(
                    cells.reread_numbers(orders, images, stripped, readers, quantities=extraction.quantities)
                )
                spent("number cells", clock)
                rechecks = extraction.rechecks
                orders = tuple(recheck.confirm(orders, rechecks, images, stripped, field_readers, spare))
                spent("header fields", clock)
                orders = tuple(codes.reread_codes(orders, images, stripped, code_readers))
                spent("item codes", clock)
                lookalike.doubt_lookalikes(orders, images, stripped, lookalike_readers)
                spent("header fields", clock)
            again_seconds += time.perf_counter() - start
            ours += time.perf_counter() - start
            for page in images:
                path = Path(tmp) / f"{case.name}-{page.number}.png"
                page.image().save(path, dpi=(page.dpi, page.dpi))
                cmd = [exe, str(path), "stdout", "-l", langs, "--dpi", str(round(page.dpi)), "--psm", "3"]
                start = time.perf_counter()
                clock = CpuClock()
                subprocess.run(cmd, check=True, capture_output=True)
                bare_cpu += clock.lap()[1]
                bare += time.perf_counter() - start
            pages += len(images)
    crops = (
        number_reads.crops / pages,
        field_reads.crops / pages,
        code_reads.crops / pages,
        band_reads.crops / pages,
    )
    stages = tuple(cpu[s] / pages for s in STAGES)
    mine = CpuCost(sum(cpu.values()) / pages, bare_cpu / pages, stages)
    return Cost(ours / pages, bare / pages, pages, again_seconds / pages, crops, mine)


def same_reads(
    cases: Sequence[FaxCase], max_pages: int, options: OcrOptions
) -> tuple[int, int, float, float]:
    """(pages read alike, pages, seconds per page spawning `tesseract`, seconds per page with Tesseract
    kept loaded): every page read through our whole pipeline both ways, words, boxes and confidences
    compared.  Nothing to compare without tesserocr."""
    if not tessapi.available():
        raise SystemExit("tesserocr is not installed (make install builds it)")
    alike = pages = 0
    spawned = loaded = 0.0
    spawning = replace(options, keep_loaded=False)
    for case in cases:
        for page in load_pages(case.tiff, Limits()):
            if pages >= max_pages:
                return alike, pages, spawned / max(pages, 1), loaded / max(pages, 1)
            start = time.perf_counter()
            one = ocr_page(page, spawning)
            spawned += time.perf_counter() - start
            start = time.perf_counter()
            two = ocr_page(page, options)
            loaded += time.perf_counter() - start
            alike += one == two
            pages += 1
            if one != two:
                print(f"    {case.resolution} {case.name} page {page.number}: read differently")
    return alike, pages, spawned / max(pages, 1), loaded / max(pages, 1)


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
