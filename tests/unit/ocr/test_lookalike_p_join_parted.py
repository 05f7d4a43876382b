"""An order number whose printed "P" lost a pixel where its bowl's closing stroke joins the stem
(parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.letter_glyphs.p_without_bowl, faxvo29).

The business rule: a P is a stem with a bowl on its upper half, closed by a stroke back to the stem at
mid-height; an F is a stem with a top bar and an arm, and ink down its right side only as far as its
bar's serif.  A fax's threshold can take one column of that join (a Times P on a fine fax: its bowl's
white then reaches the glyph's edge through the gap), yet the bowl's right side still runs down the
glyph's right edge to the stroke closing it, one white column short of the stem: that P is printed and
read right, and the number stays as sure as read.  An F whose arm the line lost leaves the arm's whole
length white beside the stem, and still waits (tests.unit.ocr.test_lookalike_f_read_as_p); so does a P
whose join the line parted wider than a pixel, which the ink no longer tells from such an F.  The
pages are set and faxed as in test_lookalike_barless_four; the readings each say what the page's
reading said, so only the ink tells."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.unit.ocr.test_lookalike_barless_four import READ, ROWS, _confidence, _faxed, _glyph

NUMBER = "PO-2026-39769"


def _part_join(image: Image.Image, font: str, at: float, columns: int) -> Image.Image:
    """`image` with `columns` columns left white just right of the first letter's stem, in the rows of
    the glyph's middle (0.4 to 0.75 of its height) where ink runs on from the stem: the join of a P's
    closing stroke parted from its stem."""
    out = np.asarray(image).copy()
    ink = _glyph(image, NUMBER, font, at, 0)
    rows = np.flatnonzero(ink.any(axis=1))
    top, height = rows[0], len(rows)
    foot = ink[top + round(0.85 * height)]  # a row of the stem alone, above its foot serif
    stem = np.flatnonzero(foot)
    after = round(at) + stem[-1] + 1  # the first column right of the stem, on the page
    for y in range(top + round(0.4 * height), top + round(0.75 * height)):
        if ink[y, stem[-1] + 1]:
            out[y, after : after + columns] = 255
    return Image.fromarray(out)


def test_the_join_parted_lets_the_bowls_white_out() -> None:
    # the page as built: the bowl's white no longer enclosed, the P's closed bowl no longer shows
    image, at = _faxed(NUMBER, "Times-Roman", ROWS["fine"])
    parted = _part_join(image, "Times-Roman", at, 1)
    assert not np.array_equal(np.asarray(parted), np.asarray(image))
    assert _confidence(image, at, NUMBER, ROWS["fine"]) == READ  # the P as printed, joined


def test_a_printed_p_whose_join_lost_a_pixel_stays_as_sure_as_read() -> None:
    image, at = _faxed(NUMBER, "Times-Roman", ROWS["fine"])
    parted = _part_join(image, "Times-Roman", at, 1)
    assert _confidence(parted, at, NUMBER, ROWS["fine"]) == READ


@pytest.mark.parametrize("columns", [3, 4])
def test_a_p_whose_join_the_line_parted_wider_still_waits(columns: int) -> None:
    image, at = _faxed(NUMBER, "Times-Roman", ROWS["fine"])
    parted = _part_join(image, "Times-Roman", at, columns)
    assert _confidence(parted, at, NUMBER, ROWS["fine"]) < 0.8
