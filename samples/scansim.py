"""Scanned and photographed pages: a PDF page as an office scanner (200 or 300 dpi, grey or 1-bit) or a
phone camera (uneven light, a slight perspective, JPEG) would deliver it, with skew, rotation, specks
and streaks.  Everything is decided by a seed.

    python -m samples.scansim order.pdf out.pdf --kind photo --dpi 200 --seed 3
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from samples.faxsim import streaks


@dataclass(frozen=True)
class Scanner:
    """How pages are captured: a flatbed or feeder scan, or a phone photo."""

    kind: str = "scan"  # "scan" | "photo"
    dpi: int = 300  # 200 or 300 for scans; photos are taken at about 150-200 dpi of the page
    seed: int = 0
    rotate: int = 0  # 0, 90, 180, 270
    skew: float = 1.5  # largest skew in degrees
    specks: float = 0.5
    streaks: float = 0.0
    bilevel: bool = False  # a 1-bit scan (scans only)
    quality: int = 80  # JPEG quality

    def __post_init__(self) -> None:
        if self.kind not in ("scan", "photo") or self.rotate not in (0, 90, 180, 270):
            raise ValueError("kind must be scan or photo; rotate 0, 90, 180 or 270")


def _light(img: Image.Image, rng: random.Random) -> Image.Image:
    """Uneven light: a gradient from a lit corner to a shaded one, and a soft shadow band."""
    w, h = img.size
    shade = Image.linear_gradient("L").resize((w, h)).rotate(rng.choice((0, 90, 180, 270)))
    depth = rng.uniform(0.25, 0.4)
    shade = shade.point(lambda v: 255 - int(v * depth))
    band = Image.new("L", (w, h), 255)
    x = rng.randrange(w // 2, w)
    ImageDraw.Draw(band).rectangle((x, 0, x + w // 6, h), fill=205)
    band = band.filter(ImageFilter.GaussianBlur(w / 25))
    return ImageChops.multiply(ImageChops.multiply(img, shade), band)


def _perspective(img: Image.Image, rng: random.Random) -> Image.Image:
    """A slight keystone: the camera was not held square over the page."""
    w, h = img.size
    d = [rng.uniform(0, 0.035) * w for _ in range(4)]
    quad = (d[0], d[1], d[2] * 0.5, h - d[3], w - d[2], h - d[1] * 0.5, w - d[3], d[0] * 0.5)
    return img.transform((w, h), Image.Transform.QUAD, quad, Image.Resampling.BILINEAR, fillcolor=90)


def capture_page(page: pdfium.PdfPage, scanner: Scanner, number: int) -> Image.Image:
    rng = random.Random(f"{scanner.seed}:{number}")
    dpi = scanner.dpi if scanner.kind == "scan" else rng.choice((150, 170, 200))
    img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    if scanner.rotate:
        img = img.rotate(scanner.rotate, expand=True, fillcolor=255)
    angle = rng.uniform(-scanner.skew, scanner.skew)
    img = img.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    if scanner.kind == "photo":
        img = _perspective(_light(img.filter(ImageFilter.GaussianBlur(0.6)), rng), rng)
    if scanner.specks:
        draw = ImageDraw.Draw(img)
        for _ in range(int(300 * scanner.specks)):
            x, y = rng.randrange(img.width), rng.randrange(img.height)
            draw.point((x, y), fill=rng.choice((0, 60, 120)))
    if scanner.bilevel and scanner.kind == "scan":
        img = img.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
    if scanner.streaks:
        img = img.convert("L")
        streaks(img, rng, scanner.streaks)
    img.info["dpi"] = (dpi, dpi)
    return img


def capture(pdf: bytes, scanner: Scanner) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [capture_page(doc[i], scanner, i + 1) for i in range(len(doc))]
    finally:
        doc.close()


def to_jpeg(page: Image.Image, scanner: Scanner) -> bytes:
    buf = io.BytesIO()
    page.convert("L").save(buf, format="JPEG", quality=scanner.quality, dpi=page.info.get("dpi", (200, 200)))
    return buf.getvalue()


def to_pdf(pages: Sequence[Image.Image], scanner: Scanner) -> bytes:
    """An image-only PDF: JPEG pages for grey scans and photos, as scanners and phone apps write."""
    frames = [Image.open(io.BytesIO(to_jpeg(p, scanner))) if p.mode != "1" else p for p in pages]
    buf = io.BytesIO()
    dpi = pages[0].info.get("dpi", (scanner.dpi, scanner.dpi))
    frames[0].save(buf, format="PDF", resolution=float(dpi[0]), save_all=True, append_images=frames[1:])
    return buf.getvalue()


def scan_pdf(pdf: bytes, scanner: Scanner) -> bytes:
    return to_pdf(capture(pdf, scanner), scanner)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.scansim", description=__doc__.splitlines()[0])
    ap.add_argument("pdf", type=Path)
    ap.add_argument("out", type=Path, help="an image-only PDF, or .jpg for the first page alone")
    ap.add_argument("--kind", choices=["scan", "photo"], default="scan")
    ap.add_argument("--dpi", type=int, choices=[200, 300], default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rotate", type=int, choices=[0, 90, 180, 270], default=0)
    args = ap.parse_args(argv)
    scanner = Scanner(kind=args.kind, dpi=args.dpi, seed=args.seed, rotate=args.rotate)
    pages = capture(args.pdf.read_bytes(), scanner)
    if args.out.suffix.lower() in (".jpg", ".jpeg"):
        args.out.write_bytes(to_jpeg(pages[0], scanner))
    else:
        args.out.write_bytes(to_pdf(pages, scanner))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
