"""Page images for OCR: decoding TIFF, PNG and JPEG safely, with square pixels and the real resolution.

A fax at "normal" resolution (204 x 98 dpi) has pixels twice as tall as wide: its rows are doubled so
Tesseract sees the letters in their true shape, and it is told the horizontal resolution.  Sizes are
checked from the headers before any pixel is decoded, so a decompression bomb is refused unread.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from core.kernel.errors import ParseError

# Pixels at most 10% taller or wider than square are left as they are (204 x 196 "fine" faxes).
SQUARE_ENOUGH = 1.1
A4_WIDTH_INCHES = 8.27


@dataclass(frozen=True)
class Limits:
    """How much a parser agrees to decode: pages per document and pixels per page."""

    max_pages: int = 50
    max_pixels: int = 60_000_000  # an A4 page scanned at 600 dpi in grey is about 35 megapixels


@dataclass(frozen=True)
class PageImage:
    """One page ready for OCR, as plain bytes so it can travel to a worker process."""

    number: int  # 1-based
    mode: str  # "1" (bilevel) or "L" (grey)
    width: int
    height: int
    dpi: float  # the resolution of both axes (pixels are square)
    data: bytes
    source_dpi: tuple[float, float] | None = None  # as stated by the file, before squaring

    @classmethod
    def from_image(
        cls, number: int, image: Image.Image, dpi: float, source_dpi: tuple[float, float] | None = None
    ) -> PageImage:
        return cls(number, image.mode, image.width, image.height, dpi, image.tobytes(), source_dpi)

    def image(self) -> Image.Image:
        img = Image.frombytes(self.mode, (self.width, self.height), self.data)
        img.info["dpi"] = (self.dpi, self.dpi)
        return img


IMAGE_SIGNATURES = {
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"%PDF": "pdf",
}


def sniff(content: bytes) -> str | None:
    """The container format from the first bytes: tiff, png, jpeg, pdf, or None."""
    head = content[:1024]
    for magic, kind in IMAGE_SIGNATURES.items():
        if head.startswith(magic):
            return kind
    if b"%PDF-" in head:  # a PDF may carry a little junk before its header
        return "pdf"
    return None


def _open(content: bytes) -> Image.Image:
    """Open without decoding; Pillow's own bomb check becomes a ParseError like ours."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about damage it then raises for anyway
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(content))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ParseError(f"the image is too large to decode safely (decompression bomb?): {exc}") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ParseError(f"the image cannot be read: {exc}") from exc


def _check_size(img: Image.Image, page: int, limits: Limits) -> None:
    width, height = img.size
    if width <= 0 or height <= 0:
        raise ParseError(f"page {page} has no pixels ({width} x {height})")
    if width * height > limits.max_pixels:
        raise ParseError(
            f"page {page} is {width:,} x {height:,} pixels ({width * height / 1e6:.0f} megapixels), more"
            f" than the {limits.max_pixels / 1e6:.0f} allowed; it is not decoded (decompression bomb?)"
        )


def _stated_dpi(img: Image.Image) -> tuple[float, float] | None:
    dpi = img.info.get("dpi")
    try:
        x, y = float(dpi[0]), float(dpi[1])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return None
    # 72 and 96 are what software writes when it knows nothing; 1 is a common "unknown"
    if x < 50 or y < 25 or (x == y and x in (72.0, 96.0)):
        return None
    return (x, y)


def _guess_dpi(img: Image.Image) -> tuple[float, float]:
    """No usable resolution tag: a fax by its width, otherwise a page about as wide as A4."""
    width, height = img.size
    if width in (1728, 1723, 1731, 2048, 2432):  # the T.4 page widths at 204 dpi (A4, B4, A3)
        return (204.0, 98.0 if height < width else 196.0)
    estimate = max(100.0, min(600.0, width / A4_WIDTH_INCHES))
    return (estimate, estimate)


def squared(img: Image.Image, dpi: tuple[float, float]) -> tuple[Image.Image, float]:
    """The image with square pixels at its horizontal resolution (rows doubled for normal faxes)."""
    x, y = dpi
    if max(x, y) / min(x, y) <= SQUARE_ENOUGH:
        return img, x
    if x > y:
        factor = x / y
        whole = round(factor)
        if abs(factor - whole) / whole <= SQUARE_ENOUGH - 1:  # 204 x 98 (8 x 3.85 per mm): 2.08, doubled
            return img.resize((img.width, img.height * whole), Image.Resampling.NEAREST), x
        return img.resize((img.width, round(img.height * factor)), Image.Resampling.BILINEAR), x
    return img.resize((round(img.width * y / x), img.height), Image.Resampling.BILINEAR), y


def _normal_mode(img: Image.Image) -> Image.Image:
    if img.mode in ("1", "L"):
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("L")
    return img.convert("L")


def _frames(img: Image.Image, limits: Limits) -> Iterator[int]:
    count = getattr(img, "n_frames", 1)
    if count > limits.max_pages:
        raise ParseError(f"the image has {count} pages; at most {limits.max_pages} are read (OMS_MAX_PAGES)")
    yield from range(count)


def load_pages(content: bytes, limits: Limits) -> list[PageImage]:
    """Every page of a TIFF (any compression, G3/G4 included), PNG or JPEG, ready for OCR."""
    img = _open(content)
    pages: list[PageImage] = []
    try:
        for index in _frames(img, limits):
            img.seek(index)
            _check_size(img, index + 1, limits)
            stated = _stated_dpi(img)
            dpi = stated or _guess_dpi(img)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    warnings.simplefilter("error", Image.DecompressionBombWarning)
                    frame = ImageOps.exif_transpose(img) if img.format == "JPEG" else img.copy()
            except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning) as exc:
                raise ParseError(f"page {index + 1} of the image cannot be decoded: {exc}") from exc
            page, square_dpi = squared(_normal_mode(frame), dpi)
            pages.append(PageImage.from_image(index + 1, page, square_dpi, stated))
    except EOFError as exc:
        raise ParseError(f"the image ends early: {exc}") from exc
    finally:
        img.close()
    if not pages:
        raise ParseError("the image has no pages")
    return pages


def image_description(content: bytes) -> str | None:
    """The TIFF ImageDescription of the first page, where fax servers such as HylaFAX put the sender's id."""
    if sniff(content) != "tiff":
        return None
    try:
        with Image.open(io.BytesIO(content)) as img:
            value = getattr(img, "tag_v2", {}).get(270)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    return str(value).strip() or None if value else None
