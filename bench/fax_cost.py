"""What the fax benchmark (bench.fax_ocr) times and compares page by page: the preprocessing study's
word recall, the OCR cost of our pipeline against bare tesseract, and reads spawning tesseract against
reads with it kept loaded."""

from __future__ import annotations

import resource
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bench.fax_corpus import FaxCase
from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from parsers.ocr import bands, cells, codes, cutouts, lookalike, recheck, tessapi
from parsers.ocr.engine import OcrOptions, SerialTesseract, ocr_page
from parsers.ocr.faxheader import strip_headers
from parsers.ocr.images import Limits, PageImage, load_pages


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
