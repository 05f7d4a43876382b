"""An order number whose printed "P" lost the thin top of its bowl on the fax line
(parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.letter_glyphs.p_without_bowl).

The business rule: a P is a stem with a bowl on its upper half, closed by a stroke back to the stem at
mid-height; an F is a stem with a top bar and an arm, and ink down its right side only as far as its
bar's serif.  A high threshold can take the hairline top of a P's bowl (Courier, the serif faces), so
its bowl no longer encloses white, yet its right side still runs down the glyph's right edge to the
stroke closing it: that P is printed and read right, and the number stays as sure as read.  An F whose
arm the line lost, read "P", still waits for a person.  The pages are set and faxed as in
test_lookalike_barless_four; the readings each say what the page's reading said, so only the ink tells.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.unit.ocr.test_lookalike_barless_four import READ, ROWS, _confidence, _faxed, _glyph
from tests.unit.ocr.test_lookalike_f_read_as_p import _lose_arm


def _thin_bowl_top(image: Image.Image, printed: str, font: str, at: float) -> Image.Image:
    """`image` with the top of the first letter's bowl (or bar) taken between its stem and its right
    side: the rows of the glyph's top whose ink spans half its width or more left white from a third of
    its width to 0.6 of it, as a threshold takes a hairline."""
    out = np.asarray(image).copy()
    ink = _glyph(image, printed, font, at, 0)
    cols = np.flatnonzero(ink.any(axis=0))
    width = cols[-1] - cols[0] + 1
    start = round(at) + cols[0]
    for y in np.flatnonzero(ink.any(axis=1)):
        inked = np.flatnonzero(ink[y])
        if inked[-1] - inked[0] + 1 < 0.5 * width:
            break
        out[y, start + max(2, width // 3) : start + round(0.6 * width)] = 255
    return Image.fromarray(out)


@pytest.mark.parametrize("number", ["PO-89441", "PC26003449", "P-56955"])
def test_a_printed_p_whose_bowl_top_the_line_thinned_stays_as_sure_as_read(number: str) -> None:
    image, at = _faxed(number, "Courier", ROWS["fine"])
    thinned = _thin_bowl_top(image, number, "Courier", at)
    assert _confidence(thinned, at, number, ROWS["fine"]) == READ


@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("printed", ["F-56955", "FO-2026-1170"])
def test_an_f_whose_arm_the_line_lost_read_as_a_p_still_waits(printed: str, resolution: str) -> None:
    image, at = _faxed(printed, "Courier", ROWS[resolution])
    lost = _lose_arm(image, printed, "Courier", at)
    assert _confidence(lost, at, "P" + printed[1:], ROWS[resolution]) < 0.8
