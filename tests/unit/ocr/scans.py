"""Pages as scanners and phones spoil them, for the OCR tests: a PDF rasterised, then turned, skewed,
shaded, blurred, seen at an angle or JPEG-compressed, and packed as the file a user would send; and a
number printed once on a fax-wide strip, for the glyph tests, with its look-alike re-read."""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr import lookalike
from parsers.ocr.images import PageImage


def rasterise(pdf: bytes, dpi: float) -> Image.Image:
    """The first page in grey at `dpi`, as a flatbed scanner gives it."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def order_number_strip(printed: str, font: str, size: float, at: float, dpi: float) -> Image.Image:
    """ "Order no:" and `printed` after it, `at` points from the left, set in `font` at `size` points on
    a fax-wide strip, rasterised in grey at `dpi`: an order number printed once, for the glyph tests."""
    buf = io.BytesIO()
    sheet = canvas.Canvas(buf, pagesize=(612, 80))
    sheet.setFont(font, size)
    sheet.drawString(40, 40, "Order no:")
    sheet.drawString(at, 40, printed)
    sheet.save()
    return rasterise(buf.getvalue(), dpi)


DEJAVU = "/usr/share/fonts/truetype/dejavu"  # fonts-dejavu-core, installed by make install


def register_face(font: str) -> None:
    """Make a DejaVu face known to reportlab by its name (its own faces need nothing)."""
    if font.startswith("DejaVu") and font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, f"{DEJAVU}/{font}.ttf"))


def faxed_strip(
    printed: str, font: str, rows: float, *, size: float, at: float, dpi: float
) -> tuple[Image.Image, float]:
    """`printed` set in `font` at `size` points, `at` points from the left after its label on a fax-wide
    strip (`order_number_strip`), as the fax line stores it at `dpi` across and `rows` rows an inch
    (1 bit), and where `printed` starts on it, in pixels."""
    register_face(font)
    grey = order_number_strip(printed, font, size, at, dpi)
    grey = grey.resize((grey.width, round(grey.height * rows / dpi)), Image.Resampling.BOX)
    return grey.point(lambda v: 0 if v < 140 else 255).convert("L"), at * dpi / 72


def reread_confidence(
    image: Image.Image,
    at: float,
    read: str,
    rows: float,
    field: str,
    value: object,
    *,
    label: str,
    confidence: float,
    dpi: float,
) -> float:
    """The confidence of the order's `field` (`value`) after the look-alike re-read: the ink from `at`
    pixels on the fax strip `image` (after the word `label`) read by the page as `read` with
    `confidence`, and twice again alike."""
    ink = np.asarray(image) < 128
    left = round(at - 4)
    cols = np.flatnonzero(ink[:, left:].any(axis=0)) + left
    inked = np.flatnonzero(ink[:, left:].any(axis=1))
    box = (float(cols[0]), float(inked[0]), float(cols[-1] + 1), float(inked[-1] + 1))
    words = (Word(label, 110.0, box[1], 190.0, box[3], 0.93), Word(read, *box, confidence))
    page = PageWords(1, float(image.width), float(image.height), dpi, words, "ocr")
    where = Provenance(page=1, box=box, raw=read)
    order = CapturedOrder(**{field: value}, evidence=(Evidence(field, confidence, where),))  # type: ignore[arg-type]

    def reading(crops: Sequence[PageImage]) -> list[PageWords]:
        said = (Word(read, 0, 0, 90, 20, 0.9),)
        return [PageWords(c.number, 100.0, 30.0, dpi, said, "ocr") for c in crops]

    img = PageImage.from_image(1, image.convert("1"), dpi, (dpi, rows))
    (got,) = lookalike.doubt_lookalikes([order], [img], [page], [reading, reading])
    found = got.evidence_for(field)
    assert found is not None
    return found.confidence


def skewed(img: Image.Image, degrees: float) -> Image.Image:
    """The sheet laid on the glass `degrees` counter-clockwise off square."""
    return img.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=True)


def shaded(img: Image.Image) -> Image.Image:
    """Light from the left falling off to the right and a darker band across the middle, as a phone held
    over a desk lamp sees a sheet: paper from white down to about 40% grey."""
    h, w = img.height, img.width
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 - 0.5 * x / w - 0.15 * np.exp(-(((y - 0.45 * h) / (0.1 * h)) ** 2))
    out = np.asarray(img, dtype=np.float32) * light
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def keystoned(img: Image.Image, share: float = 0.015, desk: int = 70) -> Image.Image:
    """The sheet seen slightly from below (its top edge `share` of the width shorter each side), on a desk
    of grey `desk` showing round it."""
    w, h = img.size
    m = round(0.04 * w)
    k = share * w
    out_w, out_h = w + 2 * m, h + 2 * m
    corners = [(m + k, m), (out_w - m - k, m), (out_w - m, out_h - m), (m, out_h - m)]
    source = [(0, 0), (w, 0), (w, h), (0, h)]
    rows, rhs = [], []
    for (X, Y), (u, v) in zip(corners, source, strict=True):
        rows += [[X, Y, 1, 0, 0, 0, -u * X, -u * Y], [0, 0, 0, X, Y, 1, -v * X, -v * Y]]
        rhs += [u, v]
    coeffs = np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float))
    return img.transform(
        (out_w, out_h), Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC, fillcolor=desk
    )


def blurred(img: Image.Image, radius: float = 0.9) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(radius))


def as_file(
    img: Image.Image | list[Image.Image], fmt: str, dpi: float | tuple[float, float] | None, **extra: object
) -> bytes:
    """The page(s) saved as a user's file: PNG, JPEG (with `quality`), TIFF (with `compression`), PDF;
    `dpi` across and down (one number: both), or None to state none."""
    pages = img if isinstance(img, list) else [img]
    buf = io.BytesIO()
    if dpi:
        extra["dpi"] = dpi if isinstance(dpi, tuple) else (dpi, dpi)
    pages[0].save(buf, format=fmt, save_all=len(pages) > 1, append_images=pages[1:], **extra)
    return buf.getvalue()
