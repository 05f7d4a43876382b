"""Letters of an order number's prefix told apart by their ink, where every reading says the other:
an F read as a P, an E and an F, an F or E read as a T.  The word's ink is parted into glyphs (its
first letter cut from a glyph it touches) by `parsers.ocr.glyph_ink`.

An F read as a P, where every reading says the P ("P-56955" for F-56955 on a normal fax, faxfp20): a
serif F whose arm lost its crossing scan lines keeps the serif hanging from its top bar and the arm's
own serif, ink down its right side that the reader takes for a P's bowl.  A P's bowl is closed: white
its ink encloses (no way out to the glyph's edge), in the upper part of the glyph, bounded on its right by
ink at the glyph's right edge.  An F encloses nothing, or (its bar's serif run into its arm's) a space
bounded by the arm, short of the bar's reach.  A "P" whose ink shows no such bowl is such an F
(`p_without_bowl`), unless it shows a bowl the line opened (faxgl23): a high threshold takes the
hairline top of a Courier or serif P's bowl, or a join, yet the bowl's right side still runs down the
glyph's right edge from its top to the stroke closing it back to the stem at mid-height, where an F
keeps at its right edge only its bar's serif.  A word whose glyphs break (Times and DejaVu Serif at
normal resolution break their hairlines) is not told.

An E and an F, where every reading says the other (faxlet21): an E's foot bar reaches from its stem about
as far as its top bar, an F stands on its stem or a foot serif about half as wide (`e_or_f_otherwise`).
Only a whole top bar measures the foot (a bar whose scan lines the line lost leaves its serifs), and an
"E" whose lowest rows hold ink past a gap (the end of a foot bar the line broke or overwrote) is no F
(faxgl22).

A T read where the print is an F or an E whose arm and foot bar the fax line lost, its stem left
hanging from the left end of its top bar (a "Γ": "T-95283" for F-95283, read at 0.87 at normal
resolution, faxln22): a T's stem stands at the middle of its bar, and a "T" whose stem stands more
than `T_MIDDLE` of its width from the middle is such a letter (`t_stem_aside`).
"""

from __future__ import annotations

import itertools

import numpy as np
from PIL import Image

from parsers.ocr.glyph_ink import ink_reach, ink_span, strokes_only, told_glyphs

# a P's bowl reaches the glyph's right edge: the ink right of the space it encloses ends at most this
# share of the glyph's width short of the edge (an F's arm stops 0.15-0.3 of the width short of its bar)
BOWL_EDGE = 0.12
# ...and the space lies in the glyph's upper part: above this share of its height from the top
BOWL_LOW = 0.7
# a P whose bowl the fax line opened (its hairline top, or its joins, taken by a high threshold: Courier,
# DejaVu Serif at normal resolution) still shows the bowl's right side at the glyph's right edge
# (`BOWL_EDGE`) down to at least this share of its height from its top...
BOWL_DOWN = 0.4
# ...unbroken but for gaps of this share of its height (a lost scan line, doubled at normal)...
BOWL_GAP = 0.15
# ...and the stroke closing the bowl back to the stem, a row whose ink runs from its first inked column
# this share of the width or more, at the side's foot (an F whose arm the line lost has nothing across
# its middle but the stem)
BOWL_CLOSE = 0.5
# ...that stroke's join to the stem may be parted by this many white columns: a threshold takes a pixel of
# a join as it takes a hairline (a Times P on a fine fax, faxvo29); an F's arm lost to the line leaves
# the arm's whole length white between the stem and the arm's serif, never one column
JOIN_GAP = 1
# an E's foot bar reaches from its stem at least this share of its top bar's reach; an F's lowest rows are
# its stem (0.2 of its bar's reach in the sans faces) or its foot serif (0.36-0.57 in Times, Courier and
# DejaVu Serif), an E's 0.86-1.0 (reportlab at 10 points, fine and normal faxes; docs/fax.md, faxlet21)
EF_BAR = 0.75
# ...and tells only where its top bar is whole: reaching from its stem at least this share of the glyph's
# width (an E's and F's bar 0.85-1.0 of it); a bar the fax line lost (a scan line dropped or thinned
# away at normal resolution) leaves its serifs, 0.2-0.5 of the width, and the foot then says nothing
EF_TOP = 0.7
# a "T"'s stem stands at the middle of its top bar: the centre of its stem's columns (those below the bar
# inked at least `T_STEM_INK` of the most inked one) within this share of the glyph's width from its
# middle.  An F or E whose arm and foot bar the fax line lost keeps its stem at the bar's left end
# ("T-95283" for F-95283, read at 0.87 at normal resolution, lead after faxln22): its centre stands at a
# quarter of the width or less
T_MIDDLE = 0.15
T_STEM_INK = 0.6


def p_without_bowl(image: Image.Image, box: tuple[float, float, float, float], text: str) -> bool:
    """Whether a "P" of the word `text` (read from `box` of the upright page `image`) is inked without
    the closed bowl of one: its ink encloses no white in its upper part bounded on the right at the
    glyph's right edge, as an F's does not.  Only the glyphs `told_glyphs` cuts out tell."""
    glyphs = [glyph for c, glyph in told_glyphs(image, box, text) if c == "P"]
    return not all(_bowl(glyph) or _bowl_opened(glyph) for glyph in glyphs)


def e_or_f_otherwise(image: Image.Image, box: tuple[float, float, float, float], text: str) -> bool:
    """Whether an "F" of the word `text` (read from `box` of the upright page `image`) is inked with the
    foot bar of an E, or an "E" without one: an E's lowest rows reach from its stem `EF_BAR` of its top
    bar's reach or more, an F's stop at its stem or its foot serif.  Only the glyphs `told_glyphs` cuts
    out tell."""
    for c, glyph in told_glyphs(image, box, text):
        if c not in "EF":
            continue
        rows = max(1, round(len(glyph) / 6))
        top = max(ink_reach(row) for row in glyph[:rows])
        foot = max(ink_reach(row) for row in glyph[-rows:])
        if top < EF_TOP * glyph.shape[1]:
            continue  # the top bar lost: nothing to measure the foot by
        if c == "E" and foot < EF_BAR * top and any(_parted(row) for row in glyph[-rows:]):
            continue  # ink beyond the foot's gap: the end of an E's foot bar the line broke or lost
        if (foot >= EF_BAR * top) != (c == "E"):
            return True
    return False


def t_stem_aside(image: Image.Image, box: tuple[float, float, float, float], text: str) -> bool:
    """Whether a "T" of the word `text` (read from `box` of the upright page `image`) is inked with its stem
    at one end of its top bar, as an F or E whose arm and foot bar the fax line lost is (a "Γ"): a T's
    stem stands at its bar's middle (`T_MIDDLE`).  Only the glyphs `told_glyphs` cuts out tell."""
    for c, glyph in told_glyphs(image, box, text):
        if c != "T":
            continue
        height, width = glyph.shape
        below = glyph[height // 2 :].sum(axis=0)  # under the bar: the stem, and its foot serif if any
        if not below.any():
            continue
        stem = np.flatnonzero(below >= T_STEM_INK * below.max())
        centre = (stem[0] + stem[-1] + 1) / 2
        if abs(centre / width - 0.5) > T_MIDDLE:
            return True
    return False


def _parted(row: np.ndarray) -> bool:
    """Whether `row` holds ink past a gap after its first run of ink."""
    inked = np.flatnonzero(row)
    return bool(len(inked)) and bool((np.diff(inked) > 1).any())


def _bowl(glyph: np.ndarray) -> bool:
    """Whether the ink `glyph` encloses white above `BOWL_LOW` of its height whose rows' ink reaches the
    glyph's right edge (to `BOWL_EDGE` of its width)."""
    height, width = glyph.shape
    inside = _enclosed(glyph)
    rows = [y for y in range(min(height, round(BOWL_LOW * height))) if inside[y].any()]
    if not rows:
        return False
    reach = max(int(np.flatnonzero(glyph[y])[-1]) for y in rows)
    return bool(reach >= width - 1 - BOWL_EDGE * width)


def _bowl_opened(glyph: np.ndarray) -> bool:
    """Whether `glyph` shows a P's bowl whose top or joins the fax line thinned away (faxgl23): a bar or
    bowl across its top rows (`BOWL_CLOSE` of its width); the bowl's right side, rows whose ink reaches
    the glyph's right edge (to `BOWL_EDGE` of its width), unbroken but for `BOWL_GAP` of its height,
    down to `BOWL_DOWN` of its height; and where the side ends, above `BOWL_LOW` of the height, the
    stroke closing the bowl back to the stem: two rows whose ink runs from its first inked column
    `BOWL_CLOSE` of the width or more (across a join parted by `JOIN_GAP` columns at most), to within a
    pixel of the side's ink in the row above them.  An F
    whose arm the line lost keeps at its right edge only its bar's serif and nothing across its middle
    but its stem; an F whose arm stands ends that arm apart from its bar's serif, and one whose bar the
    line lost has nothing across its top.  Specks apart from the strokes are left out first
    (`strokes_only`)."""
    height, width = glyph.shape
    glyph = strokes_only(glyph)
    low = round(BOWL_LOW * height)
    edge = [
        y
        for y in range(low)
        if glyph[y].any() and np.flatnonzero(glyph[y])[-1] >= width - 1 - BOWL_EDGE * width
    ]
    if not edge or edge[-1] + 1 < BOWL_DOWN * height:
        return False
    if max(ink_span(row) for row in glyph[: max(1, round(height / 6))]) < BOWL_CLOSE * width:
        return False  # no bar or bowl across the top: an F whose bar the line lost, its arm at the edge
    if any(b - a - 1 > BOWL_GAP * height for a, b in itertools.pairwise(edge)):
        return False  # the edge broken
    for y in range(max(2, edge[-1]), min(low + 1, height, edge[-1] + 3 + round(BOWL_GAP * height))):
        # two rows: a stroke stepping down to the stem as it curves, its join's lost pixel put back
        stroke = _joined(glyph[y - 1] | glyph[y])
        reach = ink_reach(stroke)
        above = np.flatnonzero(glyph[y - 2])
        parts = np.flatnonzero(np.diff(above) > 1)
        if reach < BOWL_CLOSE * width or not len(parts):
            continue  # no stroke across, or the row above it no side apart from the stem
        end = int(np.flatnonzero(stroke)[0]) + reach - 1
        if above[parts[-1] + 1] - end - 1 <= 1:
            return True
    return False


def _joined(row: np.ndarray) -> np.ndarray:
    """`row` with each run of at most `JOIN_GAP` white columns between two inked ones inked."""
    out = row.copy()
    inked = np.flatnonzero(row)
    for a, b in itertools.pairwise(inked):
        if 1 < b - a <= JOIN_GAP + 1:
            out[a + 1 : b] = True
    return out


def _enclosed(glyph: np.ndarray) -> np.ndarray:
    """The white pixels of `glyph` with no way to its edge through white side by side (not corners:
    ink touching at a corner, as a fax's curve does, still closes)."""
    out = np.pad(~glyph, 1, constant_values=True)
    reached = np.zeros_like(out)
    reached[0, :] = reached[-1, :] = reached[:, 0] = reached[:, -1] = True
    while True:
        grown = reached.copy()
        grown[1:, :] |= reached[:-1, :]
        grown[:-1, :] |= reached[1:, :]
        grown[:, 1:] |= reached[:, :-1]
        grown[:, :-1] |= reached[:, 1:]
        grown &= out
        if (grown == reached).all():
            break
        reached = grown
    return np.asarray((out & ~reached)[1:-1, 1:-1])
