"""Clean-up of a page image before OCR: healing lost scan lines, deskewing, smoothing, upscaling.

Each step runs only when named: on 1-bit faxes each can hurt as often as help, so which are on is
decided by measurement (`python -m bench.fax_ocr --study`, figures in parsers/ocr/README.md).  A
median despeckle was measured too and dropped: it ate thin strokes and decimal points.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

import numpy as np
from PIL import Image, ImageChops, ImageFilter, ImageOps

from parsers.ocr.geometry import joined_runs, paper_white

PROBE_WIDTH = 400  # deskew measures on a copy this wide: fast, and enough for a line's slope
MAX_SKEW = 3.0  # degrees searched either way (a sheet on a fax feeder rarely goes further)
TARGET_DPI = 300.0
LOST_ROW_INK = 2  # a row with at most this many inked pixels counts as blank
MAX_LOST_ROWS = 6  # three lost scan lines of a normal fax, rows doubled
MIN_SHARED_INK = 12  # pixels inked both above and below a blank run for it to be a lost line
BLUR_RADIUS = 0.7  # pixels; rounds off the steps that doubling the rows of a normal fax leaves
# Pillow's Gaussian blur is three box passes each way, each box no wider than the radius either side:
# a pixel's blurred value depends on no pixel farther than this (either way, each axis)
BLUR_REACH = 3 * math.ceil(BLUR_RADIUS)
BLUR_JOIN = 16  # pixels: inked pieces of a strip nearer than this are blurred as one (each call costs)


def _row_profile_sharpness(img: Image.Image) -> float:
    """How crisp the rows are: text lines lying level give high jumps between ink and gap rows."""
    rows = img.resize((1, img.height), Image.Resampling.BOX).tobytes()  # one byte per row ("L")
    return float(sum((a - b) ** 2 for a, b in pairwise(rows)))


def skew_angle(img: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that sets the text lines level, by projection profiles."""
    grey = img.convert("L")
    scale = PROBE_WIDTH / grey.width
    probe = grey.resize((PROBE_WIDTH, max(1, round(grey.height * scale))), Image.Resampling.BOX)

    def sharpness(angle: float) -> float:
        turned = probe.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
        return _row_profile_sharpness(turned)

    best = max((a / 2 for a in range(int(-MAX_SKEW * 2), int(MAX_SKEW * 2) + 1)), key=sharpness)
    return max((best + d / 10 for d in range(-4, 5)), key=sharpness)


def deskew(img: Image.Image, dpi: float) -> Image.Image:
    angle = skew_angle(img)
    if abs(angle) < 0.1:
        return img
    if img.mode == "1":  # turn in grey, then back to one bit: what Tesseract would threshold anyway
        turned = img.convert("L").rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
        return turned.point(_THRESHOLD).convert("1", dither=Image.Dither.NONE)
    return img.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)


_THRESHOLD = [0 if v < 128 else 255 for v in range(256)]


def _ink_per_row(img: Image.Image) -> list[int]:
    """Inked pixels in each row (approximately: from the row's mean grey)."""
    ink = ImageOps.invert(img.convert("L"))
    means = ink.resize((1, img.height), Image.Resampling.BOX).tobytes()  # one byte per row
    return [round(m * img.width / 255) for m in means]


def heal(img: Image.Image, dpi: float) -> Image.Image:
    """Fill scan lines lost on the line: blank rows cutting through letters get the ink both sides share.

    A blank run of at most MAX_LOST_ROWS rows whose neighbours above and below are inked in the same
    columns is a lost scan line (a real gap between text lines has blank rows on both sides).
    """
    rows = _ink_per_row(img)
    grey = img.convert("L")
    healed = 0
    y = 1
    while y < len(rows) - 1:
        if rows[y] > LOST_ROW_INK or rows[y - 1] <= LOST_ROW_INK:
            y += 1
            continue
        end = y
        while end < len(rows) and rows[end] <= LOST_ROW_INK and end - y < MAX_LOST_ROWS:
            end += 1
        if end < len(rows) and rows[end] > LOST_ROW_INK:
            above = grey.crop((0, y - 1, grey.width, y))
            below = grey.crop((0, end, grey.width, end + 1))
            shared = ImageChops.lighter(above, below)  # ink (dark) only where both rows are inked
            if sum(_ink_per_row(shared)) >= MIN_SHARED_INK:
                for row in range(y, end):
                    grey.paste(shared, (0, row))
                healed += 1
        y = end + 1
    if not healed:
        return img
    return grey.convert("1", dither=Image.Dither.NONE) if img.mode == "1" else grey


def upscale(img: Image.Image, dpi: float) -> Image.Image:
    """Grey resampling to about 300 dpi, where Tesseract's models read best; smooths doubled fax rows."""
    if dpi >= TARGET_DPI * 0.9:
        return img
    factor = TARGET_DPI / dpi
    grey = img.convert("L")
    return grey.resize((round(grey.width * factor), round(grey.height * factor)), Image.Resampling.BILINEAR)


def smooth(img: Image.Image, dpi: float) -> Image.Image:
    """A slight blur to grey: Tesseract binarises again, with rounder letters and fewer lone specks.

    White paper with no ink within `BLUR_REACH` pixels stays white under the blur, so only the pieces
    around ink are blurred, each cut out with that reach of its surroundings (where the blur of a cut-out
    can differ from the whole page's): the same pixels as the page blurred whole, for about two thirds of
    the work on a fax page, most of which is paper."""
    grey = img.convert("L")
    blur = ImageFilter.GaussianBlur(BLUR_RADIUS)
    ink = np.asarray(grey) != 255
    height, width = ink.shape
    out = Image.new("L", grey.size, 255)
    out.info.update(grey.info)  # as the blurred copy would carry it (its dpi, the page's turn)
    for top, bottom in joined_runs(_widened(ink.any(axis=1), BLUR_REACH), 0):
        above, below = max(top - BLUR_REACH, 0), min(bottom + BLUR_REACH, height)
        across = _widened(ink[above:below].any(axis=0), BLUR_REACH)
        for left, right in joined_runs(across, BLUR_JOIN):
            before, after = max(left - BLUR_REACH, 0), min(right + BLUR_REACH, width)
            piece = grey.crop((before, above, after, below)).filter(blur)
            out.paste(piece.crop((left - before, top - above, right - before, bottom - above)), (left, top))
    return out


def _widened(flags: np.ndarray, reach: int) -> np.ndarray:
    """`flags` (1-D, bool) set wherever one is set within `reach` places either way."""
    counts = np.concatenate(([0], np.cumsum(flags)))
    at = np.arange(len(flags))
    return np.asarray(counts[np.minimum(at + reach + 1, len(flags))] > counts[np.maximum(at - reach, 0)])


FLATTEN_PROBE_DPI = 50.0  # the paper's brightness changes slowly: it is measured on a page this coarse
UNEVEN = 0.8  # paper darker than this share of its brightest in places: the light is uneven


def flatten(img: Image.Image, dpi: float) -> Image.Image:
    """A grey page with the paper made evenly white: each pixel divided by the paper's brightness around
    it, so a photo's shaded side, a vignette or a desk around the sheet no longer fool Tesseract's one
    global threshold.  Pages with even paper (scans, 1-bit faxes) are left as they are."""
    if img.mode != "L":
        return img
    step = max(1, round(dpi / FLATTEN_PROBE_DPI))
    probe = paper_white(img.reduce(step) if step > 1 else img, block=8)
    lo, hi = np.percentile(np.asarray(probe), [2, 98])
    if hi <= 0 or lo >= UNEVEN * hi:
        return img
    paper = np.asarray(probe.resize(img.size, Image.Resampling.BILINEAR), dtype=np.uint16)
    flat = np.minimum(255, np.asarray(img, dtype=np.uint16) * 255 // np.maximum(paper, 1))
    out = Image.fromarray(flat.astype(np.uint8), mode="L")
    out.info.update(img.info)
    return out


STEPS: dict[str, Callable[[Image.Image, float], Image.Image]] = {
    "deskew": deskew,
    "upscale": upscale,
    "smooth": smooth,
    "heal": heal,
}


def prepare(img: Image.Image, steps: Sequence[str], dpi: float | None = None) -> Image.Image:
    """The image after the named steps, in order; unknown names are a programming error."""
    stated = dpi or float(img.info.get("dpi", (300.0, 300.0))[0])
    for name in steps:
        img = STEPS[name](img, stated)
    return img
