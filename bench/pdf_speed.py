"""Text-PDF reading speed, parse only: Comanda's words and layout reading (`parsers.pdf_text.read_words`
then `parsers.layout.extract_orders`) against bare pdfplumber (open, `extract_words` on every page) on
the same drawn orders in the same run.

    python -m bench.pdf_speed [--count N] [--rounds R] [--capture]

With `--capture`, also the whole capture path `oms extract` takes on the same documents (format
detection by every reader's score, parsing, master-data resolution and validation on a temporary SQLite
database holding the demo master data, the JSON result), to show what it adds to the parse.

Reported as documents per second of process CPU time (the machine is shared; on an idle machine wall
time is the same) and as the ratio to the baseline. The aim is at least 20 documents per second.

Every round starts with the layout reader's remembered answers forgotten (`parsers.layout.memo.clear`),
so later rounds do not read the same documents from memory."""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack

import pdfplumber

from parsers.layout import extract_orders, memo
from parsers.pdf_text import read_words
from samples.orders_gen import SPLIT, generate_drawn

COUNT = int(os.environ.get("BENCH_PDF_SPEED_DOCS", "4"))  # drawn orders per family


def bare(docs: Sequence[bytes]) -> None:
    for content in docs:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            for page in pdf.pages:
                page.extract_words()


def ours(docs: Sequence[bytes]) -> None:
    for content in docs:
        extract_orders(read_words(content))


def words_only(docs: Sequence[bytes]) -> None:
    for content in docs:
        read_words(content)


Run = Callable[[Sequence[bytes]], object]


def _rates(runs: Sequence[Run], docs: Sequence[bytes], rounds: int) -> list[float]:
    """Documents per CPU second of each run, the best of `rounds` (other processes only ever slow a round
    down). The runs take turns within each round, so a spell of load on the machine falls on all of
    them alike rather than on whichever ran then."""
    best = [float("inf")] * len(runs)
    for _ in range(rounds):
        for i, run in enumerate(runs):
            memo.clear()
            start = time.process_time()
            run(docs)
            best[i] = min(best[i], time.process_time() - start)
    return [len(docs) / b if b > 0 else float("inf") for b in best]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=COUNT, help="drawn orders per tuning family")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--capture", action="store_true", help="also the whole capture path, per document")
    args = ap.parse_args(argv if argv is not None else [])
    docs = [o.pdf for o in generate_drawn(args.count, SPLIT.tuning_families)]
    pages = sum(len(read_words(d)) for d in docs)
    runs: list[Run] = [bare, words_only, ours]
    with ExitStack() as stack:
        if args.capture:
            from bench.capture_accuracy import app_reader, demo_app

            read = app_reader(stack.enter_context(demo_app()))
            read(docs[0])  # the first read loads the master data into the repository's memory
            runs.append(lambda ds: [read(d) for d in ds])
        base, words, full, *whole = _rates(runs, docs, args.rounds)
    print(f"Text-PDF speed, parse only: {len(docs)} drawn orders ({pages} pages), best of {args.rounds}")
    print(f"  bare pdfplumber open + extract_words   {base:6.1f} docs/s (CPU)")
    print(f"  Comanda words (PDFium)                 {words:6.1f} docs/s  {words / base:4.1f}x the baseline")
    print(f"  Comanda words + layout reading         {full:6.1f} docs/s  {full / base:4.1f}x the baseline")
    for rate in whole:
        print(
            f"  whole capture path                     {rate:6.1f} docs/s  {rate / base:4.1f}x the baseline"
        )
        print(
            f"    (detect, parse, validate: {1000 / rate - 1000 / full:.1f} ms per document over the parse)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
