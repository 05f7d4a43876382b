"""A simulated fax line: PDF pages in, what a fax server receives out (1-bit G4/G3 TIFF or image-only PDF).

Each page is rendered as the sending machine's scanner would see it (204 dpi across), skewed as paper
on a feeder is, given the sending machine's header line, sampled at the fax resolution (196 rows per
inch "fine" or 98 "normal"), thresholded to 1 bit and spoilt by specks, streaks from dirt on the
sender's scanner glass and lost scan lines; a page fed sideways or upside down arrives turned 90° or
180°.  Everything is decided by a seed, so the same call gives the same bytes.  Scans and phone photos
(200/300 dpi, JPEG) are samples.scansim's.

    python -m samples.faxsim order.pdf fax.tif --resolution normal --seed 7 [--pdf fax.pdf]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

FAX_DPI_X = 204
ROWS_PER_INCH = {"fine": 196, "normal": 98}
FAX_WIDTH = 1728  # pixels across an ITU-T T.4 page, whatever the paper
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf")  # fax headers print bold
HEADER_ROWS = 44  # the header strip the sending machine adds, in 204-dpi rows (about 5.5 mm)


@dataclass(frozen=True)
class FaxLine:
    """How one transmission goes: who sends to whom, when, at what resolution, and how badly."""

    resolution: str = "fine"  # "fine" (204 x 196 dpi) or "normal" (204 x 98 dpi)
    seed: int = 0
    sender: str = "+34 912 345 678"
    recipient: str = "+34 976 550 100"  # our fax (outbound.confirmation.Letterhead)
    station: str | None = None  # the sending machine's name, printed in the header when set
    sent_at: datetime = field(default_factory=lambda: datetime(2026, 11, 26, 10, 15, tzinfo=UTC))
    header: bool = True
    skew: float = 2.0  # the largest skew in degrees; each page draws its own within +/- this
    rotate: int = 0  # 0, 90, 180 or 270: the page was fed turned (the header line stays upright)
    streaks: float = 0.0  # scale of vertical streaks (dirt on the sending scanner's glass; 0 for none)
    specks: float = 1.0  # scale of speck noise (0 for none)
    dropouts: float = 1.0  # scale of lost or repeated scan lines (0 for none)
    threshold: int | None = None  # grey level that becomes black; drawn per page when None
    tsi_tag: bool = False  # write the sender into the TIFF ImageDescription, as HylaFAX does

    def __post_init__(self) -> None:
        if self.resolution not in ROWS_PER_INCH:
            raise ValueError(f"resolution must be one of {sorted(ROWS_PER_INCH)}")
        if self.rotate not in (0, 90, 180, 270):
            raise ValueError("rotate must be 0, 90, 180 or 270")

    @property
    def dpi(self) -> tuple[int, int]:
        return (FAX_DPI_X, ROWS_PER_INCH[self.resolution])


def header_text(line: FaxLine, page: int, pages: int) -> str:
    """The header a sending machine prints: date, time, station, numbers, page of pages."""
    parts = [f"{line.sent_at:%d/%m/%Y %H:%M}"]
    if line.station:
        parts.append(line.station)
    parts += [f"FROM {line.sender}", f"TO {line.recipient}", f"P.{page:03d}/{pages:03d}"]
    return "  ".join(parts)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if FONT.exists():
        return ImageFont.truetype(str(FONT), size)
    return ImageFont.load_default(size=size)


def _scan(page: pdfium.PdfPage) -> Image.Image:
    """The page in grey at 204 dpi square, centred on a fax-wide sheet."""
    grey = page.render(scale=FAX_DPI_X / 72, grayscale=True).to_pil().convert("L")
    sheet = Image.new("L", (FAX_WIDTH, grey.height), 255)
    if grey.width > FAX_WIDTH:
        grey = grey.resize((FAX_WIDTH, round(grey.height * FAX_WIDTH / grey.width)), Image.Resampling.LANCZOS)
    sheet.paste(grey, ((FAX_WIDTH - grey.width) // 2, 0))
    return sheet


def _with_header(img: Image.Image, text: str) -> Image.Image:
    out = Image.new("L", (img.width, img.height + HEADER_ROWS), 255)
    out.paste(img, (0, HEADER_ROWS))
    ImageDraw.Draw(out).text((24, 10), text, fill=0, font=_font(22))
    return out


def _specks(img: Image.Image, rng: random.Random, scale: float) -> None:
    """Black specks (dust on the glass) and white holes (toner that did not take)."""
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(int(400 * scale)):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((0, 0, 1, 1, 2))
        draw.ellipse((x, y, x + r, y + r), fill=0)
    for _ in range(int(1500 * scale)):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((0, 1))
        draw.rectangle((x, y, x + r, y + r), fill=255)


def streaks(img: Image.Image, rng: random.Random, scale: float) -> None:
    """Vertical lines down the page, thin black or broken grey, where dirt sat on the scanner glass."""
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(max(1, round(rng.randint(1, 3) * scale))):
        x, width = rng.randrange(w), rng.choice((1, 1, 2, 3))
        top = rng.randrange(0, h // 3)
        bottom = rng.randrange(2 * h // 3, h)
        for y in range(top, bottom, 7 if rng.random() < 0.5 else 1):
            draw.rectangle((x, y, x + width - 1, y + 5), fill=0)


def turn(grey: Image.Image, degrees: int) -> Image.Image:
    """The page as fed turned by `degrees`, laid on a fax-wide sheet again when it comes out landscape."""
    if not degrees:
        return grey
    turned = grey.rotate(degrees, expand=True, fillcolor=255)
    if turned.width <= FAX_WIDTH:
        sheet = Image.new("L", (FAX_WIDTH, turned.height), 255)
        sheet.paste(turned, ((FAX_WIDTH - turned.width) // 2, 0))
        return sheet
    scale = FAX_WIDTH / turned.width
    return turned.resize((FAX_WIDTH, round(turned.height * scale)), Image.Resampling.LANCZOS)


def _dropouts(img: Image.Image, rng: random.Random, scale: float) -> None:
    """Scan lines lost on the line: a row left white, or a copy of the row above (as receivers regenerate)."""
    w, h = img.size
    for _ in range(int(6 * scale)):
        y = rng.randrange(1, h - 3)
        rows = rng.choice((1, 1, 2, 3))
        if rng.random() < 0.5:
            img.paste(255, (0, y, w, y + rows))
        else:
            above = img.crop((0, y - 1, w, y))
            for k in range(rows):
                img.paste(above, (0, y + k))


def transmit_page(page: pdfium.PdfPage, line: FaxLine, number: int, pages: int) -> Image.Image:
    """One page as the receiving fax server stores it: 1-bit, fax resolution, dpi recorded."""
    rng = random.Random(f"{line.seed}:{number}")
    grey = turn(_scan(page), line.rotate)
    angle = rng.uniform(-line.skew, line.skew) if line.skew else 0.0
    if angle:
        grey = grey.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    if line.header:
        grey = _with_header(grey, header_text(line, number, pages))
    rows = round(grey.height * ROWS_PER_INCH[line.resolution] / FAX_DPI_X)
    grey = grey.resize((grey.width, rows), Image.Resampling.BOX)
    level = line.threshold if line.threshold is not None else rng.randint(125, 160)
    bits = grey.point(lambda v: 255 if v > level else 0).convert("1", dither=Image.Dither.NONE)
    if line.specks:
        _specks(bits, rng, line.specks)
    if line.streaks:
        streaks(bits, rng, line.streaks)
    if line.dropouts:
        _dropouts(bits, rng, line.dropouts)
    bits.info["dpi"] = line.dpi
    return bits


def transmit(pdf: bytes, line: FaxLine) -> list[Image.Image]:
    """Every page of the PDF after the fax line."""
    doc = pdfium.PdfDocument(pdf)
    try:
        count = len(doc)
        return [transmit_page(doc[i], line, i + 1, count) for i in range(count)]
    finally:
        doc.close()


def to_tiff(pages: Sequence[Image.Image], line: FaxLine, compression: str = "group4") -> bytes:
    """A multi-page CCITT TIFF (compression "group4" or "group3") with the fax resolution in its tags."""
    buf = io.BytesIO()
    extra: dict[str, object] = {}
    if line.tsi_tag:
        extra["description"] = line.sender
    first, rest = pages[0], list(pages[1:])
    first.save(
        buf, format="TIFF", compression=compression, dpi=line.dpi, save_all=True, append_images=rest, **extra
    )
    return buf.getvalue()


def to_pdf(pages: Sequence[Image.Image], line: FaxLine) -> bytes:
    """An image-only PDF of the received pages, as fax-to-PDF gateways write."""
    buf = io.BytesIO()
    first, rest = pages[0], list(pages[1:])
    first.save(buf, format="PDF", dpi=line.dpi, save_all=True, append_images=rest)
    return buf.getvalue()


def fax_tiff(pdf: bytes, line: FaxLine, compression: str = "group4") -> bytes:
    return to_tiff(transmit(pdf, line), line, compression)


def fax_pdf(pdf: bytes, line: FaxLine) -> bytes:
    return to_pdf(transmit(pdf, line), line)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.faxsim", description=__doc__.splitlines()[0])
    ap.add_argument("pdf", type=Path)
    ap.add_argument("tiff", type=Path)
    ap.add_argument("--resolution", choices=sorted(ROWS_PER_INCH), default="fine")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--sender", default=FaxLine.sender)
    ap.add_argument("--compression", choices=["group4", "group3"], default="group4")
    ap.add_argument("--rotate", type=int, choices=[0, 90, 180, 270], default=0)
    ap.add_argument("--skew", type=float, default=FaxLine.skew, help="largest skew in degrees")
    ap.add_argument("--streaks", type=float, default=0.0)
    ap.add_argument("--pdf", dest="image_pdf", type=Path, help="also write an image-only PDF here")
    args = ap.parse_args(argv)
    line = FaxLine(
        resolution=args.resolution,
        seed=args.seed,
        sender=args.sender,
        rotate=args.rotate,
        skew=args.skew,
        streaks=args.streaks,
    )
    pages = transmit(args.pdf.read_bytes(), line)
    args.tiff.write_bytes(to_tiff(pages, line, args.compression))
    if args.image_pdf:
        args.image_pdf.write_bytes(to_pdf(pages, line))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
