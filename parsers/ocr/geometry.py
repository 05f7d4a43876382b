"""Which way up a page is and how far askew, from its ink alone, and the page turned to read upright.

Text lines make the ink's projection sharp across them: the axis (rows or columns) and the small angle
where the profile is sharpest give a quarter turn and the skew; which of the two ways along that axis
is up comes from the letters (ascenders and capitals stand above the x-height band far more often than
descenders hang below it).  Only a page whose ink leaves either in doubt is asked of Tesseract's own
orientation detection (`--psm 0`, a second or more a page), so an upright page costs a few tens of
milliseconds.  Figures: parsers/ocr/README.md.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytesseract
from PIL import Image

from parsers.ocr import tessapi

if TYPE_CHECKING:
    from core.capture.domain.layout import PageWords
    from parsers.ocr.images import PageImage

log = logging.getLogger(__name__)

PROBE_DPI = 150.0  # the ink is looked at this coarsely: a line of 10-point text is about 15 pixels high
MAX_POINTS = 40_000  # ink pixels sampled for the skew search: plenty for a line's slope
MAX_SKEW = 4.0  # degrees searched either way
COARSE, FINE = 0.25, 0.05  # degrees between angles tried, then around the best one
MIN_SKEW = 0.2  # degrees; straightening less than this only blurs the letters
AXIS_RATIO = 1.25  # one axis's profile this much sharper than the other's tells the lines' direction
UPRIGHT = 0.12  # ink above the x-height band minus ink below, over both: this far from 0 says which way
MIN_INK = 4_000  # probe pixels of ink below which a page is left as it is (blank, or a few marks)
STRIPS = 6  # the page is cut into this many strips along its lines (columns of text do not line up)


@dataclass(frozen=True)
class Orientation:
    """How a page must be turned to read upright: `quarters` counter-clockwise quarter turns, then
    `skew` degrees counter-clockwise; `asked` when Tesseract's orientation detection decided it."""

    quarters: int = 0
    skew: float = 0.0
    asked: bool = False

    @property
    def degrees(self) -> float:
        """The whole turn, counter-clockwise, as `PageWords.rotation` records it."""
        return round(90.0 * self.quarters + self.skew, 2)

    @classmethod
    def from_degrees(cls, degrees: float) -> Orientation:
        quarters = round(degrees / 90)
        return cls(quarters % 4, round(degrees - 90 * quarters, 2))


UPRIGHT_PAGE = Orientation()
TRANSPOSE = {1: Image.Transpose.ROTATE_90, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_270}


def ink_points(img: Image.Image, dpi: float) -> np.ndarray:
    """(y, x) of every inked pixel of the page looked at about PROBE_DPI: darker than the paper around it
    by a good part of the paper's brightness (a photo's shaded corner is not ink)."""
    return np.argwhere(_inked(img, dpi))


def _inked(img: Image.Image, dpi: float) -> np.ndarray:
    """Where the page looked at about PROBE_DPI is inked (`ink_points`), as a mask of its probe."""
    step = max(1, round(dpi / PROBE_DPI))
    probe = img.convert("L")
    if step > 1:
        probe = probe.reduce(step)
    a = np.asarray(probe)
    if img.mode == "1":
        return a < 128
    paper = np.asarray(paper_white(probe), dtype=np.int16)
    return a < paper - np.maximum(40, paper * 3 // 10)


def paper_white(img: Image.Image, block: int = 16) -> Image.Image:
    """The paper's own brightness around each pixel of a grey page: the brightest grey of each block, or
    of a neighbour's where that is brighter (a block all ink, a bold title or a logo, is no paper),
    smoothed back to the page's size."""
    a = np.asarray(img)
    h, w = a.shape
    bh, bw = -(-h // block), -(-w // block)
    padded = np.pad(a, ((0, bh * block - h), (0, bw * block - w)), mode="edge")
    coarse = padded.reshape(bh, block, bw, block).max(axis=(1, 3))
    grown = np.pad(coarse, 1, mode="edge")
    coarse = np.max([grown[i : i + bh, j : j + bw] for i in range(3) for j in range(3)], axis=0)
    return Image.fromarray(coarse.astype(np.uint8), mode="L").resize((w, h), Image.Resampling.BILINEAR)


def _sharpness(profile: np.ndarray) -> float:
    """How sharply a projection profile jumps between ink and gap, independent of the amount of ink."""
    return float(np.sum(np.diff(profile) ** 2) / (np.sum(profile**2) + 1e-9))


def _profile(along: np.ndarray, across: np.ndarray, angle: float) -> np.ndarray:
    """Ink counted per line across the lines that run `angle` degrees off the `along` axis."""
    t = np.deg2rad(angle)
    position = across * np.cos(t) - along * np.sin(t)
    return np.bincount((position - position.min()).astype(np.int64))


def skew_of(along: np.ndarray, across: np.ndarray) -> tuple[float, float]:
    """(angle, sharpness): the small angle whose lines make the sharpest profile, coarse then fine."""

    def score(angle: float) -> float:
        return _sharpness(_profile(along, across, angle).astype(np.float64))

    steps = round(MAX_SKEW / COARSE)
    best = max((k * COARSE for k in range(-steps, steps + 1)), key=score)
    best = max((best + k * FINE for k in range(-5, 6)), key=score)
    return round(best, 2), score(best)


def upright_score(points: np.ndarray) -> float:
    """Ink above the x-height band minus ink below it, over both, for lines along the rows: near +0.5 for
    upright Latin text, near -0.5 upside down, near 0 for figures only, capitals only or no script."""
    y, x = points[:, 0] - points[:, 0].min(), points[:, 1]
    above = below = 0.0
    edges = np.linspace(x.min(), x.max() + 1, STRIPS + 1)
    for lo, hi in pairwise(edges):
        rows = np.bincount(y[(x >= lo) & (x < hi)].astype(np.int64))
        for start, end in true_runs(rows > 0):
            line = rows[start:end]
            if not 4 <= end - start <= 90:
                continue
            band = np.nonzero(line >= 0.5 * line.max())[0]
            above += float(line[: band[0]].sum())
            below += float(line[band[-1] + 1 :].sum())
    return (above - below) / (above + below + 1e-9)


def true_runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of every run of True."""
    edges = np.diff(np.concatenate(([0], flags.astype(np.int8), [0])))
    return list(zip(np.nonzero(edges == 1)[0].tolist(), np.nonzero(edges == -1)[0].tolist(), strict=True))


def joined_runs(values: np.ndarray | bytes, join: int) -> list[tuple[int, int]]:
    """(start, end), end exclusive, of every run of non-zero places of the 1-D `values` (flags, or ink
    per row or column as bytes), runs apart by at most `join` zero places taken as one."""
    array = np.frombuffer(values, np.uint8) if isinstance(values, bytes) else np.asarray(values)
    edges = np.diff(np.concatenate(([0], (array != 0).astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    if not len(starts):
        return []
    parted = starts[1:] - ends[:-1] > join  # between run k and run k + 1
    starts = starts[np.concatenate(([True], parted))]
    ends = ends[np.concatenate((parted, [True]))]
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def _turned_points(points: np.ndarray, quarters: int, skew: float) -> np.ndarray:
    """The (y, x) points as they lie once the page is turned `quarters` and then `skew` degrees."""
    y, x = points[:, 0], points[:, 1]
    for _ in range(quarters % 4):  # counter-clockwise: what was the right edge becomes the top
        y, x = -x, y
    t = np.deg2rad(skew)
    return np.column_stack((y * np.cos(t) - x * np.sin(t), x * np.cos(t) + y * np.sin(t)))


def measure(img: Image.Image, dpi: float, ask: bool = True, keep_loaded: bool = True) -> Orientation:
    """How to turn the page to read it upright; Tesseract decides only what the ink leaves in doubt
    (`asked`, with its model kept loaded when `keep_loaded`)."""
    points = ink_points(img, dpi)
    if len(points) < MIN_INK:
        return UPRIGHT_PAGE
    sample = points[:: len(points) // MAX_POINTS + 1].astype(np.float32)
    y, x = sample[:, 0], sample[:, 1]
    row_skew, rows = skew_of(x, y)  # lines along the rows
    col_skew, cols = skew_of(-y, x)  # lines along the columns (the page lies on its side)
    if rows >= AXIS_RATIO * cols:
        quarters, skew = 0, row_skew
    elif cols >= AXIS_RATIO * rows:
        # on its side: a quarter turn one way or the other puts its lines along the rows
        quarters, skew = 1, col_skew
    else:
        return asked(img, dpi, keep_loaded) if ask else UPRIGHT_PAGE
    # skew was measured before the quarter turn; a profile's angle keeps its sense through it
    up = upright_score(_turned_points(points.astype(np.float32), quarters, skew))
    if up <= -UPRIGHT:
        quarters += 2
    elif up < UPRIGHT:
        return asked(img, dpi, keep_loaded) if ask else Orientation(quarters, skew)
    return Orientation(quarters % 4, skew if abs(skew) >= MIN_SKEW else 0.0)


_ROTATE = re.compile(r"Rotate:\s*(\d+)")


def asked(img: Image.Image, dpi: float, keep_loaded: bool = True) -> Orientation:
    """Tesseract's orientation detection (needs osd.traineddata); upright when it cannot tell.  With
    tesserocr installed and `keep_loaded`, the OSD model stays loaded between pages
    (parsers.ocr.tessapi); otherwise the `tesseract` command is spawned (pytesseract)."""
    try:
        if keep_loaded and tessapi.available():
            with tempfile.TemporaryDirectory(prefix="oms-osd-") as tmp:
                path = Path(tmp) / "page.png"
                img.save(path, format="PNG", compress_level=1)
                clockwise = tessapi.orientation(path, dpi)
            if clockwise is None:
                log.info("orientation detection gave no answer: too few characters")
                return Orientation(asked=True)
        else:
            said = pytesseract.image_to_osd(img, config=f"--psm 0 --dpi {round(dpi)}")
            found = _ROTATE.search(str(said))
            clockwise = int(found.group(1)) if found else 0  # what the page needs turning by
    except (pytesseract.TesseractError, RuntimeError, OSError) as exc:
        log.info("orientation detection gave no answer: %s", exc)
        return Orientation(asked=True)
    return Orientation(quarters=(4 - clockwise // 90) % 4, asked=True)


def row_skew(img: Image.Image, dpi: float) -> float:
    """The skew (degrees counter-clockwise to set it level) of a page whose lines run across it; 0 for a
    page with too little ink to tell."""
    inked = _inked(img, dpi)
    # the sample's points, in the order `ink_points` gives them, found without listing every inked pixel
    # as a (y, x) pair first: that listing cost a fax page more than the skew search itself
    found = np.flatnonzero(inked)
    if len(found) < MIN_INK:
        return 0.0
    along, across = np.divmod(found[:: len(found) // MAX_POINTS + 1], inked.shape[1])
    return skew_of(across.astype(np.float32), along.astype(np.float32))[0]


def turn(img: Image.Image, orientation: Orientation) -> Image.Image:
    """The page turned upright: quarter turns without loss, the skew in grey (white filling the corners),
    the size kept."""
    if orientation.quarters:
        img = img.transpose(TRANSPOSE[orientation.quarters])
    if orientation.skew:
        img = img.convert("L").rotate(orientation.skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return img


class UprightPages:
    """The pages' images, each turned the way its words were read, turned once however many cut-outs are
    taken from it (row bands, number cells, header fields), also across the re-reads of one document
    (`upright_image`).  The images are shared: read them, never draw on them."""

    def __init__(self, images: Sequence[PageImage], pages: Sequence[PageWords]) -> None:
        self.images = {i.number: i for i in images}
        self.words = {p.number: p for p in pages}

    def __call__(self, number: int) -> Image.Image:
        return upright_image(self.images[number], self.words[number].rotation)


# pages kept turned: the pages of the document being read (each re-read takes its cut-outs from them)
UPRIGHT_KEPT = 8


@lru_cache(maxsize=UPRIGHT_KEPT)
def upright_image(image: PageImage, rotation: float) -> Image.Image:
    """The page `image` turned by `rotation` degrees counter-clockwise, as its words were read (`turn`);
    kept for the next re-read of the same page: a fine fax page turned in grey costs several times what
    reading a header field's cut-out does, and each kind of cut-out is taken from it.  Shared: never
    drawn on."""
    return turn(image.image(), Orientation.from_degrees(rotation))


def sheared_turn(img: Image.Image, skew: float) -> Image.Image:
    """A 1-bit page turned `skew` degrees counter-clockwise by three shears (Paeth's rotation: across,
    down, across), each moving whole rows or columns of pixels by whole pixels: the same turn as
    `turn` within a pixel, the size kept and white filling the corners, but every pixel stays black or
    white, so thin strokes are not blurred to grey and thinned when Tesseract thresholds again."""
    ink = np.asarray(img.convert("L")) < 128
    phi = np.radians(-skew)  # counter-clockwise on screen is clockwise in the y-down plane
    across = -np.tan(phi / 2)
    ink = _shear(ink, across, axis=1)
    ink = _shear(ink, np.sin(phi), axis=0)
    ink = _shear(ink, across, axis=1)
    out = Image.fromarray(np.where(ink, np.uint8(0), np.uint8(255)), mode="L").convert(
        "1", dither=Image.Dither.NONE
    )
    out.info.update(img.info)
    return out


def _shear(ink: np.ndarray, share: float, axis: int) -> np.ndarray:
    """`ink` with each row (axis 1: moved along x by `share` × its distance from the centre row) or each
    column (axis 0: moved along y by `share` × its distance from the centre column) shifted by whole
    pixels, nothing wrapping round."""
    grid = ink if axis == 1 else ink.T
    rows, cols = grid.shape
    shifts = np.rint(share * (np.arange(rows) - rows / 2)).astype(np.int64)
    moved: np.ndarray = np.zeros_like(grid)
    # the shifts only grow (or only shrink) down the rows: each run of rows moved alike is copied as one
    # slice, where an index for every pixel cost a normal fax page set level a fifth of its reading
    edges = np.flatnonzero(np.diff(shifts)) + 1
    for start, end in zip((0, *edges.tolist()), (*edges.tolist(), rows), strict=True):
        shift = int(shifts[start])
        if shift >= cols or -shift >= cols:
            continue  # moved off the page whole
        if shift >= 0:
            moved[start:end, shift:] = grid[start:end, : cols - shift]
        else:
            moved[start:end, : cols + shift] = grid[start:end, -shift:]
    return moved if axis == 1 else moved.T
