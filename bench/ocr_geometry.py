"""Scans and photos in any orientation and quality: generated orders, printed and scanned or photographed
in ways that fax lines do not show, read back through the capture path.

Each order's pages are rendered at scanner resolution and spoilt one way per class (turned a quarter or
half, skewed 3°, scanned at 200 dpi with JPEG, photographed: uneven light, slight perspective, blur,
JPEG; the photo inside an image-only PDF; a fine fax fed upside down).  Reported per class: header
fields and lines right as bench.capture_accuracy scores them, for our pipeline as it is (`OcrOptions()`)
and, with `--plain`, with the geometry and lighting steps off (the pipeline before them) in the same
run; and the OCR cost per page against bare `tesseract --psm 3` on the same decoded page images.

    python -m bench.ocr_geometry [--count 12] [--seed 2026] [--classes rot90,photo] [--plain] [--cost-pages 6]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from bench.capture_accuracy import DAY, TODAY, Read, demo_app, score_documents
from core.capture.domain.documents import Channel, InboundDocument
from oms.bootstrap import App, make_reader
from oms.extract import master_data, result_json
from parsers.ocr.engine import OcrOptions, SerialTesseract, ocr_page
from parsers.ocr.images import Limits, PageImage, load_pages, sniff
from parsers.ocr.parser import ImageOcrParser, PdfOcrParser
from parsers.ocr.pdf import rasterise
from samples.orders_gen import generate

SEED = 2026
SCAN_DPI = 300


def _render(pdf: bytes, dpi: float) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def _save(pages: Sequence[Image.Image], fmt: str, resolution: float | None, **extra: Any) -> bytes:
    """The pages in one file; `resolution` the same both ways, or an `extra` dpi=(x, y) (a fax's)."""
    buf = io.BytesIO()
    if resolution:
        extra["dpi"] = (resolution, resolution)
    if fmt == "JPEG" and len(pages) > 1:  # one JPEG holds one page: the pages as JPEG inside a TIFF
        fmt, extra = "TIFF", {**extra, "compression": "jpeg"}
    pages[0].save(buf, format=fmt, save_all=len(pages) > 1, append_images=list(pages[1:]), **extra)
    return buf.getvalue()


def _skewed(img: Image.Image, angle: float) -> Image.Image:
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=True)


def _lit(img: Image.Image, rng: random.Random) -> Image.Image:
    """Light falling unevenly: brighter on one side, a vignette, a soft shadow band across the page."""
    h, w = img.height, img.width
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    side = rng.choice((-1, 1))
    light = 0.95 - 0.35 * (x / w if side > 0 else 1 - x / w)
    light -= 0.25 * (((x - w / 2) / w) ** 2 + ((y - h / 2) / h) ** 2)
    band = rng.uniform(0.3, 0.7) * h
    light -= 0.15 * np.exp(-(((y - band) / (0.08 * h)) ** 2))
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 5, (h, w))
    out = np.asarray(img, dtype=np.float32) * light + noise
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _perspective(img: Image.Image, rng: random.Random, margin: float) -> Image.Image:
    """The page seen slightly from one side, on a darker desk showing `margin` (share of the width)."""
    w, h = img.size
    m = margin * w
    out_w, out_h = round(w + 2 * m), round(h + 2 * m)
    k = rng.uniform(0.01, 0.02) * w  # one edge shorter than the other: keystone
    corners = [(m + k, m), (out_w - m - k, m), (out_w - m, out_h - m), (m, out_h - m)]
    source = [(0, 0), (w, 0), (w, h), (0, h)]
    rows = []
    for (X, Y), (u, v) in zip(corners, source, strict=True):
        rows.append([X, Y, 1, 0, 0, 0, -u * X, -u * Y])
        rows.append([0, 0, 0, X, Y, 1, -v * X, -v * Y])
    coeffs = np.linalg.solve(
        np.array(rows, dtype=float), np.array([c for p in source for c in p], dtype=float)
    )
    return img.transform(
        (out_w, out_h), Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC, fillcolor=70
    )


def _photo(pages: Sequence[Image.Image], rng: random.Random, margin: float) -> list[Image.Image]:
    out = []
    for page in pages:
        img = _perspective(page, rng, margin) if margin else page
        img = _lit(img, rng).filter(ImageFilter.GaussianBlur(0.9))
        out.append(img.convert("RGB"))
    return out


def _jpeg_pdf(pages: Sequence[Image.Image], dpi: float) -> bytes:
    """An image-only PDF of JPEG pages, as phone scanning apps write (Pillow embeds JPEG as DCTDecode)."""
    return _save(pages, "PDF", dpi, quality=60)


def _fax_bits(page: Image.Image, rng: random.Random) -> Image.Image:
    grey = page.resize((1728, round(page.height * 1728 / page.width)), Image.Resampling.BOX)
    grey = _skewed(grey, rng.uniform(-1, 1)).crop((0, 0, 1728, grey.height))
    level = rng.randint(130, 155)
    return grey.point(lambda v: 255 if v > level else 0).convert("1", dither=Image.Dither.NONE)


def _turned(pdf: bytes, how: Image.Transpose) -> bytes:
    return _save([p.transpose(how) for p in _render(pdf, SCAN_DPI)], "PNG", SCAN_DPI)


# a class: (the order's PDF, a random source) -> document bytes
Degrade = Callable[[bytes, random.Random], bytes]
CLASSES: dict[str, Degrade] = {
    "scan300": lambda pdf, rng: _save(_render(pdf, SCAN_DPI), "PNG", SCAN_DPI),
    "rot90": lambda pdf, rng: _save(
        [p.transpose(Image.Transpose.ROTATE_90) for p in _render(pdf, 300)], "PNG", 300
    ),
    "rot180": lambda pdf, rng: _save(
        [p.transpose(Image.Transpose.ROTATE_180) for p in _render(pdf, 300)], "PNG", 300
    ),
    "rot270": lambda pdf, rng: _save(
        [p.transpose(Image.Transpose.ROTATE_270) for p in _render(pdf, 300)], "PNG", 300
    ),
    "skew3": lambda pdf, rng: _save(
        [_skewed(p, rng.choice((-3.0, 3.0))) for p in _render(pdf, SCAN_DPI)], "PNG", SCAN_DPI
    ),
    "scan200-jpeg": lambda pdf, rng: _save(_render(pdf, 200), "JPEG", 200, quality=55),
    "photo": lambda pdf, rng: _save(_photo(_render(pdf, 250), rng, 0.04), "JPEG", None, quality=65),
    "photo-pdf": lambda pdf, rng: _jpeg_pdf(_photo(_render(pdf, 250), rng, 0.0), 250),
    "fax-upside-down": lambda pdf, rng: _save(
        [_fax_bits(p, rng).transpose(Image.Transpose.ROTATE_180) for p in _render(pdf, 204)],
        "TIFF",
        None,
        compression="group4",
        dpi=(204, 196),
    ),
}


@dataclass(frozen=True)
class Case:
    name: str
    truth: dict[str, Any]
    content: bytes


def corpus(kind: str, count: int, seed: int) -> list[Case]:
    return [
        Case(g.name, g.truth, CLASSES[kind](g.pdf, random.Random(f"{seed}:{kind}:{i}")))
        for i, g in enumerate(generate(count, seed))
    ]


def reader(app: App, options: OcrOptions) -> Read:
    """The capture path of `oms extract`, its OCR parsers reading in this process with `options`."""
    engine = SerialTesseract()
    parsers = [ImageOcrParser(engine, options=options), PdfOcrParser(engine, options=options)]
    read_doc = make_reader(lambda: DAY, parsers)

    def read(content: bytes) -> dict[str, Any]:
        doc = InboundDocument(channel=Channel.UPLOAD, content=content, received_at=DAY, original_name="bench")
        with master_data(app) as master:
            return result_json("bench", str(Channel.UPLOAD), read_doc(doc), master, TODAY)

    return read


def pages_of(content: bytes) -> list[PageImage]:
    return rasterise(content, Limits()) if sniff(content) == "pdf" else load_pages(content, Limits())


def ocr_cost(cases: Sequence[Case], max_pages: int, options: OcrOptions) -> tuple[float, float, int]:
    """(our seconds per page, bare tesseract's, pages): decoding included in ours, as bench.fax_ocr."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise SystemExit("tesseract is not installed")
    ours = bare = 0.0
    pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            if pages >= max_pages:
                break
            start = time.perf_counter()
            images = pages_of(case.content)
            for page in images:
                ocr_page(page, options)
            ours += time.perf_counter() - start
            for page in images:
                path = Path(tmp) / f"{case.name}-{page.number}.png"
                page.image().save(path, dpi=(page.dpi, page.dpi))
                cmd = [exe, str(path), "stdout", "-l", "eng+spa", "--dpi", str(round(page.dpi)), "--psm", "3"]
                start = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True)
                bare += time.perf_counter() - start
            pages += len(images)
    return ours / pages, bare / pages, pages


PLAIN = replace(OcrOptions(), orient=False, deskew=False, flatten=False)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ocr_geometry", description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=12, help="generated orders per class")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--classes", default=",".join(CLASSES), help=f"comma-separated, of {', '.join(CLASSES)}")
    ap.add_argument("--plain", action="store_true", help="also read with orientation, deskew, flatten off")
    ap.add_argument("--cost-pages", type=int, default=0, help="pages per class timed against bare tesseract")
    args = ap.parse_args(argv if argv is not None else [])
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    kinds = [k for k in args.classes.split(",") if k]
    variants = [("ours", OcrOptions())] + ([("plain", PLAIN)] if args.plain else [])
    print(f"OCR geometry: {args.count} generated orders per class (seed {args.seed})")
    with demo_app() as app:
        for kind in kinds:
            cases = corpus(kind, args.count, args.seed)
            for label, options in variants:
                docs = [(c.name, c.content, c.truth) for c in cases]
                print("\n".join(score_documents(docs, reader(app, options), f"{kind} {label}").report()[:3]))
            if args.cost_pages:
                ours, bare, n = ocr_cost(cases, args.cost_pages, OcrOptions())
                print(
                    f"    OCR cost: {ours:.2f} s per page, bare tesseract {bare:.2f} s,"
                    f" {n} pages: {ours / bare:.2f}x"
                )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
