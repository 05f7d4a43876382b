"""Figures of an order number told apart from their look-alikes by their ink, where its readings
cannot: the letter O and the figure 0, a slash and a 7 that lost its bar, a 1 and a 4 that lost its
crossbar, a 3 and an 8 that lost part of its left strokes.  The word's ink is parted into glyphs by
`parsers.ocr.glyph_ink`.

The letter O and the figure 0, where an order number's look-alike readings differ.  In a part of an
order number that is letters but for it, an O and a 0 are one letter to the reader
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

import statistics
from collections.abc import Sequence

import numpy as np
from PIL import Image

from parsers.ocr.glyph_ink import ink_columns, ink_in, ink_runs, ink_span, strokes_only, told_glyphs

# how much wider than the word's figures the glyph must be to be the letter O: Helvetica's O is 1.4 times
# its figures, a typeface whose O is barely wider (DejaVu Sans, 1.23) proves nothing
WIDER = 1.25
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
FIGURE_HEIGHT = (0.85, 1.18)
FIGURES = "023456789"


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
    ink = ink_in(image, box)
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
        spans = [ink_span(row) for row in glyph[-max(1, round(len(glyph) / 4)) :]]
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
    tenth of its height of `EIGHT_TENTHS`, specks apart from its strokes left out (`strokes_only`)."""
    height, width = glyph.shape
    glyph = strokes_only(glyph)
    for tenth in EIGHT_TENTHS:
        rows = glyph[tenth * height // 10 : max(tenth * height // 10 + 1, (tenth + 1) * height // 10)]
        inked = np.flatnonzero(rows.any(axis=0))
        if not len(inked) or inked[0] > EIGHT_LEFT * width:
            return False
    return True
