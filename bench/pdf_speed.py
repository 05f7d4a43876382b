"""Text-PDF reading speed, parse only: Comanda's words and layout reading (`parsers.pdf_text.read_words`
then `parsers.layout.extract_orders`) against bare pdfplumber (open, `extract_words` on every page) on
the same drawn orders in the same run.

    python -m bench.pdf_speed [--count N] [--rounds R]

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


def _rate(run: Callable[[Sequence[bytes]], None], docs: Sequence[bytes], rounds: int) -> float:
    """Documents per CPU second, the best of `rounds` (other processes only ever slow a round down)."""
    best = float("inf")
    for _ in range(rounds):
        memo.clear()
        start = time.process_time()
        run(docs)
        best = min(best, time.process_time() - start)
    return len(docs) / best if best > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=COUNT, help="drawn orders per tuning family")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv if argv is not None else [])
    docs = [o.pdf for o in generate_drawn(args.count, SPLIT.tuning_families)]
    pages = sum(len(read_words(d)) for d in docs)
    base = _rate(bare, docs, args.rounds)
    words = _rate(words_only, docs, args.rounds)
    full = _rate(ours, docs, args.rounds)
    print(f"Text-PDF speed, parse only: {len(docs)} drawn orders ({pages} pages), best of {args.rounds}")
    print(f"  bare pdfplumber open + extract_words   {base:6.1f} docs/s (CPU)")
    print(f"  Comanda words (PDFium)                 {words:6.1f} docs/s  {words / base:4.1f}x the baseline")
    print(f"  Comanda words + layout reading         {full:6.1f} docs/s  {full / base:4.1f}x the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
