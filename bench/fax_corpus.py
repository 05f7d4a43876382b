"""The fax benchmark's documents (bench.fax_ocr): drawn orders faxed through the simulated line, each
fax's line drawn from its name, and what Tesseract read of each page kept on disk between runs."""

from __future__ import annotations

import hashlib
import io
import pickle
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from core.capture.domain.layout import PageWords
from parsers.ocr.engine import OcrOptions, PageOcr
from parsers.ocr.images import PageImage
from samples.faxsim import FaxLine, fax_tiff
from samples.orders_gen import generate_drawn


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
