"""Glyphs of an order number told apart by their ink, where its look-alike readings cannot.

The letter O and the figure 0, where an order number's look-alike readings differ.

In a part of an order number that is letters but for it, an O and a 0 are one letter to the reader
(`parsers.layout.header_mends.letter_o_places`: "0C/26/57898" is order OC/26/57898), yet two readings that
say one and the other are no agreement: the print may be a zero.  The ink settles it: a typeface's
figures share one width and its O is wider (Helvetica's O 778 units, its figures 556; Courier's O,
though it advances as far, is rounder than its 0); on the tuning faxes the O of "OC" is 15-20 px wide,
the word's figures 11-14 px.  A glyph no wider proves nothing, nor does a word whose glyphs touch or
break (its columns of ink must part it into exactly its characters).

A slash and a 7 that lost its bar, where every reading says the slash ("PO/2114" for PO72114 on a
normal fax, faxfa5).  A printed slash reaches past the figures beside it: below their baseline in every
DejaVu face (0.09 em, 2-3 px on a fax), above their tops in the PostScript faces.  A "/" whose ink keeps
within the band of the word's figures may be a 7's stem, as a Helvetica or Times slash may be (theirs
pass the figures by 0.02 em, less than a fax's pixel): the 7's stem keeps a figure's room, a slash only
about half of one, so the two are told apart by how far the glyph stands from the figure beside it.
In a monospaced face (a dot-matrix listing's Courier or DejaVu Sans Mono) a slash advances as far as a
figure, and a threshold can take its ends past the band ("26/03283" at normal resolution), yet it still
runs from the figures' top row to their baseline; the 7's stem starts under its lost bar, below the
figures' top, and only such a "/" is told (faxgl23).

A 4 that lost its crossbar, where every reading says a 1 ("P91459" for P94459).  A fax line that drops
the scan line of the bar leaves the 4's slanted stroke and its stem: ink as wide as a figure, yet its
lowest quarter only the stem.  A printed 1 is either narrow (Helvetica's and Times's flag reaches half a
figure, 0.48-0.7 of the word's other figures at fax resolutions) or stands on a foot as wide as itself
(the DejaVu faces, Courier).  A glyph read "1" at least `FOUR_WIDE` of the word's other figures wide
whose lowest quarter spans at most `FOUR_FOOT` of its width is such a 4 (faxfa6).  A face whose 4 has a
foot serif (Courier, DejaVu Serif) keeps a wide foot without its bar and is not told.

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

A letter touching the glyph after it (Helvetica's and Times's F overhangs a hyphen or figure after it:
"F-" one run of ink) is cut from its run where the ink of its top rows ends, the right edge of a P's bowl
or an F's or E's bar; only the word's first character is so cut (`told_glyphs`), where the letters of an
order number's prefix stand.

An 8 read as a 3, where every reading says the 3 ("03/12/2026" for 08/12 on a dot-matrix listing at
fine resolution, faxtl20): the fax took part of the ink of the 8's left strokes (white holes, a lost
scan line), and Tesseract's LSTM reads what is left as a 3 at its highest confidence with no 8 among its
alternatives (faxfd21, docs/fax.md).  A printed 3 is open on its left at the middle of each of its
bowls: its arms end at the top and bottom and its middle stroke starts near the centre, so the leftmost
ink in those rows stands past 0.4 of its width (0.4-0.8 in the tuning fonts, fine).  An 8 keeps its left
strokes there (0.0-0.2); a "3" whose ink reaches its left edge in the middle of both bowls is such an 8
(`three_inked_as_eight`).  An 8 whose left strokes are gone whole is a 3 to the ink too, and is not told.
Only a run of ink as wide and as tall as the word's other figures is told (a word parted wrongly into
as many runs as characters hands a "3" other ink), and specks touching none of its strokes are left out
(faxgl22).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

import numpy as np
from PIL import Image

from parsers.ocr.geometry import true_runs

# how much wider than the word's figures the glyph must be to be the letter O: Helvetica's O is 1.4 times
# its figures, a typeface whose O is barely wider (DejaVu Sans, 1.23) proves nothing
WIDER = 1.25
INK = 128  # grey below this is ink
# how far a slash's centre must stand from a figure beside it, in the word's figure pitch, to be a 7's
# stem: a figure advances as far as another (tabular figures), a slash a half of one or less (DejaVu Sans
# 0.34 em to its figures' 0.64, Helvetica and Times 0.28 to 0.56 and 0.5), so a printed slash's centre
# stands 0.75-0.8 of a pitch from its figure; the tuning fax's 7 without its bar, 0.88 (faxfa5)
SEVEN_PITCH = 0.84
# a "1" at least this share of the width of the word's other figures (neither 1 nor 4)...
FOUR_WIDE = 0.7
# ...whose lowest quarter spans no more than this share of its width is a 4 without its bar: measured on
# the tuning fonts set by reportlab at 8-12 points, fine and normal, thresholds 125-160 (docs/fax.md,
# faxfa6), printed 1s are narrower than 0.7 of the figures or stand on a foot of 0.5 of their width
# and more; a 4 whose bar's scan lines are lost keeps 0.71-1.0 of the figures' width on a stem of 0.2-0.4
FOUR_FOOT = 0.45
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

# a "3" whose leftmost ink in each tenth of its height across the middle of both bowls (the third and
# fourth tenths, the seventh and eighth) lies within this share of its width from its left edge is an 8
# that lost part of its left strokes: a printed 3's leftmost ink there is past 0.4 in at least one of
# them in every tuning font at fine resolution, an 8's at 0.2 at most (docs/fax.md, faxfd21)
EIGHT_LEFT = 0.3
EIGHT_TENTHS = (2, 3, 6, 7)
# ...where the ink it is told by is a figure's: as wide and as tall as the word's other figures (1s
# aside), within these shares of their median.  A word whose glyphs the ink parts wrongly yet into as many
# runs as characters (an H broken into its stems, a slash run into a 3) hands a "3" a stem or a letter's
# ink; a speck above or below a 3 stretches its height, and the tenths fall elsewhere (faxgl22)
FIGURE_WIDTH = (0.7, 1.4)
# ink apart from a glyph's largest piece and smaller than this share of it is a speck, not a stroke
SPECK = 0.15
FIGURES = "023456789"
FIGURE_HEIGHT = (0.85, 1.18)
# a "T"'s stem stands at the middle of its top bar: the centre of its stem's columns (those below the bar
# inked at least `T_STEM_INK` of the most inked one) within this share of the glyph's width from its
# middle.  An F or E whose arm and foot bar the fax line lost keeps its stem at the bar's left end
# ("T-95283" for F-95283, read at 0.87 at normal resolution, lead after faxln22): its centre stands at a
# quarter of the width or less
T_MIDDLE = 0.15
T_STEM_INK = 0.6


def ink_columns(image: Image.Image, box: tuple[float, float, float, float]) -> list[int]:
    """The widths of the runs of inked columns in `box` of `image`, left to right: a word's glyphs,
    where none touches another or breaks in two."""
    return [right - left for left, right, _, _ in ink_runs(image, box)]


def ink_runs(image: Image.Image, box: tuple[float, float, float, float]) -> list[tuple[int, int, int, int]]:
    """The runs of inked columns in `box` of `image`, left to right, each as the left and right column
    (the right one past it) and the top and bottom row (the bottom one past it) of its ink."""
    ink = _ink(image, box)
    runs: list[tuple[int, int, int, int]] = []
    for left, right in true_runs(np.asarray(ink.any(axis=0))):
        rows = np.flatnonzero(ink[:, left:right].any(axis=1))
        runs.append((left, right, int(rows[0]), int(rows[-1]) + 1))
    return runs


def _ink(image: Image.Image, box: tuple[float, float, float, float]) -> np.ndarray:
    """Which pixels of `box` of `image` are ink, row by row."""
    x0, y0, x1, y1 = (round(v) for v in box)
    return np.asarray(image.crop((x0, y0, x1, y1)).convert("L")) < INK


def one_a_barless_four(image: Image.Image, box: tuple[float, float, float, float], text: str) -> bool:
    """Whether a "1" of the word `text` (read from `box` of the upright page `image`) is inked as a 4
    whose crossbar the fax line lost: at least `FOUR_WIDE` as wide as the word's other figures, its
    lowest quarter spanning at most `FOUR_FOOT` of its width (the stem, no foot), its ink below the
    lowest of the word's other figures left out (a speck under a foot, faxpo23).  Only a word its ink
    parts into one glyph a character, with a figure other than 1 and 4 to measure by, tells."""
    runs = ink_runs(image, box)
    if "1" not in text or len(runs) != len(text):
        return False
    others = [
        (left, right, bottom)
        for c, (left, right, _, bottom) in zip(text, runs, strict=True)
        if c in "02356789"
    ]
    if not others:
        return False
    ink = _ink(image, box)
    wide = FOUR_WIDE * statistics.median(right - left for left, right, _ in others)
    # below the lowest of the other figures (a skewed word's figures step down), ink of the "1" is a
    # speck the fax line left, no part of its foot
    baseline = max(bottom for _, _, bottom in others)
    for c, (left, right, top, bottom) in zip(text, runs, strict=True):
        if c != "1" or right - left < wide:
            continue
        glyph = ink[top : min(bottom, baseline), left:right]
        if not len(glyph):
            continue
        spans = [_span(row) for row in glyph[-max(1, round(len(glyph) / 4)) :]]
        if max(spans) <= FOUR_FOOT * (right - left):
            return True
    return False


def three_inked_as_eight(image: Image.Image, box: tuple[float, float, float, float], text: str) -> bool:
    """Whether a "3" of the word `text` (read from `box` of the upright page `image`) is inked as an 8
    that lost part of its left strokes: in every tenth of its height of `EIGHT_TENTHS` (the middle of
    each bowl) its ink reaches within `EIGHT_LEFT` of its width of its left edge.  Only a word its ink
    parts into one glyph a character (its spaces aside) tells."""
    chars = text.replace(" ", "")
    if "3" not in chars:
        return False
    glyphs = told_glyphs(image, box, chars)
    if len(glyphs) != len(chars):
        return False
    return any(
        c == "3"
        and _figure_sized(glyph, [g for j, (d, g) in enumerate(glyphs) if j != i and d in FIGURES])
        and _left_inked(glyph)
        for i, (c, glyph) in enumerate(glyphs)
    )


def _figure_sized(glyph: np.ndarray, others: Sequence[np.ndarray]) -> bool:
    """Whether `glyph` is as wide and as tall as the figures `others` (`FIGURE_WIDTH`, `FIGURE_HEIGHT` of
    their median); with none to measure by, it is not."""
    if not others:
        return False
    height, width = (int(v) for v in glyph.shape)
    tall = statistics.median(int(g.shape[0]) for g in others)
    wide = statistics.median(int(g.shape[1]) for g in others)
    return bool(
        FIGURE_WIDTH[0] * wide <= width <= FIGURE_WIDTH[1] * wide
        and FIGURE_HEIGHT[0] * tall <= height <= FIGURE_HEIGHT[1] * tall
    )


def _left_inked(glyph: np.ndarray) -> bool:
    """Whether the ink of `glyph` reaches within `EIGHT_LEFT` of its width of its left edge in every
    tenth of its height of `EIGHT_TENTHS`, specks apart from its strokes left out (`_strokes`)."""
    height, width = glyph.shape
    glyph = _strokes(glyph)
    for tenth in EIGHT_TENTHS:
        rows = glyph[tenth * height // 10 : max(tenth * height // 10 + 1, (tenth + 1) * height // 10)]
        inked = np.flatnonzero(rows.any(axis=0))
        if not len(inked) or inked[0] > EIGHT_LEFT * width:
            return False
    return True


def _strokes(glyph: np.ndarray) -> np.ndarray:
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


def _span(row: np.ndarray) -> int:
    """How many columns from the first inked one of `row` to its last (none inked: 0)."""
    inked = np.flatnonzero(row)
    return int(inked[-1] - inked[0] + 1) if len(inked) else 0


def slash_within_figures(image: Image.Image, box: tuple[float, float, float, float], text: str) -> bool:
    """Whether a "/" of the word `text` (read from `box` of the upright page `image`) is inked as a 7
    whose bar the fax line lost: within the band of the word's figures, reaching neither below their
    bottom nor up to their top (the 7's stem starts below its bar's row; a printed slash a threshold kept
    within the band still runs from the figures' top, faxgl23), and standing a figure's pitch from a
    figure beside it.  Only a word its
    ink parts into one glyph a character, with two figures side by side, tells."""
    runs = ink_runs(image, box)
    if "/" not in text or len(runs) != len(text):
        return False
    figures = [run for c, run in zip(text, runs, strict=True) if c.isdigit()]
    centres = [(left + right) / 2 for left, right, _, _ in runs]
    pitches = [centres[i + 1] - centres[i] for i in range(len(text) - 1) if text[i : i + 2].isdigit()]
    if not figures or not pitches:
        return False
    top, bottom = min(r[2] for r in figures), max(r[3] for r in figures)
    pitch = statistics.median(pitches)
    for i, (c, run) in enumerate(zip(text, runs, strict=True)):
        if c != "/" or run[2] <= top or run[3] > bottom:
            continue  # reaching the figures' top (or past them): a slash, a 7 keeps its stem below its bar
        beside = [
            abs(centres[j] - centres[i]) for j in (i - 1, i + 1) if 0 <= j < len(text) and text[j].isdigit()
        ]
        if beside and max(beside) >= SEVEN_PITCH * pitch:
            return True
    return False


def letter_o_inked(
    image: Image.Image, box: tuple[float, float, float, float], text: str, places: Sequence[int]
) -> bool:
    """Whether the characters of the word `text` (read from `box` of the upright page `image`) at
    `places`, each a 0 or an O, are inked as letters O: the word parts into one glyph a character (a
    space in it parts nothing, so such a word never does), and
    each at `places` is `WIDER` than the widest of the word's other zeros, or, with none, than its
    figures' usual width."""
    widths = ink_columns(image, box)
    if not places or len(widths) != len(text) or any(text[i] not in "0Oo" for i in places):
        return False
    others = [(c, w) for i, (c, w) in enumerate(zip(text, widths, strict=True)) if i not in places]
    figures = [w for c, w in others if c.isdigit()]
    zeros = [w for c, w in others if c == "0"]
    if not figures:
        return False
    base = max(zeros) if zeros else statistics.median(figures)
    return all(widths[i] >= WIDER * base for i in places)


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
        top = max(_reach(row) for row in glyph[:rows])
        foot = max(_reach(row) for row in glyph[-rows:])
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
    ink = _ink(image, box)
    if len(runs) == len(text):
        return [(c, ink[t:b, left:right]) for c, (left, right, t, b) in zip(text, runs, strict=True)]
    left, right, t, b = runs[0]
    glyph = ink[t:b, left:right]
    end = max(_bar_end(row) for row in glyph[: max(1, round(len(glyph) / 6))])
    return [(text[0], glyph[:, :end])] if end else []


def _bar_end(row: np.ndarray) -> int:
    """The column past the ink `row` holds side by side from its first inked one (none inked: 0)."""
    inked = np.flatnonzero(row)
    return int(inked[0]) + _reach(row) if len(inked) else 0


def _reach(row: np.ndarray) -> int:
    """How many columns of ink `row` holds side by side from its first inked one (none inked: 0)."""
    inked = np.flatnonzero(row)
    if not len(inked):
        return 0
    gaps = np.flatnonzero(np.diff(inked) > 1)
    return int((inked[gaps[0]] if len(gaps) else inked[-1]) - inked[0] + 1)


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
    (`_strokes`)."""
    height, width = glyph.shape
    glyph = _strokes(glyph)
    low = round(BOWL_LOW * height)
    edge = [
        y
        for y in range(low)
        if glyph[y].any() and np.flatnonzero(glyph[y])[-1] >= width - 1 - BOWL_EDGE * width
    ]
    if not edge or edge[-1] + 1 < BOWL_DOWN * height:
        return False
    if max(_span(row) for row in glyph[: max(1, round(height / 6))]) < BOWL_CLOSE * width:
        return False  # no bar or bowl across the top: an F whose bar the line lost, its arm at the edge
    if any(b - a - 1 > BOWL_GAP * height for a, b in itertools.pairwise(edge)):
        return False  # the edge broken
    for y in range(max(2, edge[-1]), min(low + 1, height, edge[-1] + 3 + round(BOWL_GAP * height))):
        # two rows: a stroke stepping down to the stem as it curves, its join's lost pixel put back
        stroke = _joined(glyph[y - 1] | glyph[y])
        reach = _reach(stroke)
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
