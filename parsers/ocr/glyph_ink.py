"""A word's ink parted into its glyphs, one run of inked columns a character, and the measures of a
glyph's ink that `parsers.ocr.figure_glyphs` and `parsers.ocr.letter_glyphs` tell an order number's
look-alikes apart by.

A letter touching the glyph after it (Helvetica's and Times's F overhangs a hyphen or figure after it:
"F-" one run of ink) is cut from its run where the ink of its top rows ends, the right edge of a P's bowl
or an F's or E's bar; only the word's first character is so cut (`told_glyphs`), where the letters of an
order number's prefix stand.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from parsers.ocr.geometry import true_runs

INK = 128  # grey below this is ink
# ink apart from a glyph's largest piece and smaller than this share of it is a speck, not a stroke
SPECK = 0.15


def ink_columns(image: Image.Image, box: tuple[float, float, float, float]) -> list[int]:
    """The widths of the runs of inked columns in `box` of `image`, left to right: a word's glyphs,
    where none touches another or breaks in two."""
    return [right - left for left, right, _, _ in ink_runs(image, box)]


def ink_runs(image: Image.Image, box: tuple[float, float, float, float]) -> list[tuple[int, int, int, int]]:
    """The runs of inked columns in `box` of `image`, left to right, each as the left and right column
    (the right one past it) and the top and bottom row (the bottom one past it) of its ink."""
    ink = ink_in(image, box)
    runs: list[tuple[int, int, int, int]] = []
    for left, right in true_runs(np.asarray(ink.any(axis=0))):
        rows = np.flatnonzero(ink[:, left:right].any(axis=1))
        runs.append((left, right, int(rows[0]), int(rows[-1]) + 1))
    return runs


def ink_in(image: Image.Image, box: tuple[float, float, float, float]) -> np.ndarray:
    """Which pixels of `box` of `image` are ink, row by row."""
    x0, y0, x1, y1 = (round(v) for v in box)
    return np.asarray(image.crop((x0, y0, x1, y1)).convert("L")) < INK


def told_glyphs(
    image: Image.Image, box: tuple[float, float, float, float], text: str
) -> list[tuple[str, np.ndarray]]:
    """(character, its ink) for the glyphs of the word `text` (read from `box` of the upright page
    `image`) the ink tells apart: each one where the word parts into one run of inked columns a
    character; where it parts into fewer (a glyph touching the next: Helvetica's and Times's F
    overhangs the glyph after it, "F-" one run), only the first character's, cut from the first run at
    the reach of its top rows' ink from the run's left edge (a P's bowl or an F's or E's bar ends
    there, at the letter's right edge); a word broken into more runs tells nothing."""
    runs = ink_runs(image, box)
    if not text or not runs or len(runs) > len(text):
        return []
    ink = ink_in(image, box)
    if len(runs) == len(text):
        return [(c, ink[t:b, left:right]) for c, (left, right, t, b) in zip(text, runs, strict=True)]
    left, right, t, b = runs[0]
    glyph = ink[t:b, left:right]
    end = max(_bar_end(row) for row in glyph[: max(1, round(len(glyph) / 6))])
    return [(text[0], glyph[:, :end])] if end else []


def _bar_end(row: np.ndarray) -> int:
    """The column past the ink `row` holds side by side from its first inked one (none inked: 0)."""
    inked = np.flatnonzero(row)
    return int(inked[0]) + ink_reach(row) if len(inked) else 0


def ink_reach(row: np.ndarray) -> int:
    """How many columns of ink `row` holds side by side from its first inked one (none inked: 0)."""
    inked = np.flatnonzero(row)
    if not len(inked):
        return 0
    gaps = np.flatnonzero(np.diff(inked) > 1)
    return int((inked[gaps[0]] if len(gaps) else inked[-1]) - inked[0] + 1)


def ink_span(row: np.ndarray) -> int:
    """How many columns from the first inked one of `row` to its last (none inked: 0)."""
    inked = np.flatnonzero(row)
    return int(inked[-1] - inked[0] + 1) if len(inked) else 0


def strokes_only(glyph: np.ndarray) -> np.ndarray:
    """`glyph` without the ink that touches none of its largest piece (side by side or at a corner) and
    is smaller than `SPECK` of it: dust the fax line laid beside a 3's open left reaches its left edge
    as an 8's strokes would (faxgl22), while the strokes an 8 keeps, thinned or holed, touch its body."""
    pieces: list[list[tuple[int, int]]] = []
    seen = np.zeros_like(glyph, dtype=bool)
    height, width = glyph.shape
    for y, x in zip(*np.nonzero(glyph), strict=True):
        if seen[y, x]:
            continue
        seen[y, x] = True
        piece, todo = [], [(int(y), int(x))]
        while todo:
            cy, cx = todo.pop()
            piece.append((cy, cx))
            for ny in range(max(0, cy - 1), min(height, cy + 2)):
                for nx in range(max(0, cx - 1), min(width, cx + 2)):
                    if glyph[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        todo.append((ny, nx))
        pieces.append(piece)
    if len(pieces) < 2:
        return glyph
    largest = max(len(p) for p in pieces)
    out = np.zeros_like(glyph, dtype=bool)
    for piece in pieces:
        if len(piece) >= SPECK * largest:
            for y, x in piece:
                out[y, x] = True
    return out
