"""An order number printed once whose "P" may be an F the fax line spoilt
(parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.letter_glyphs.p_without_bowl).

The business rule: a P is a stem with a closed bowl on its upper half; an F is a stem with a top bar and a
shorter arm, nothing closed.  When the reader says "P" for ink that closes no bowl (an F whose arm the
line lost, its serifs left down its right side, read "P-56955" for order F-56955), the readings agreeing
prove nothing and the order must wait for a person.  A printed P keeps its bowl closed on the fax, and a
number read with one stays as sure as it was read.  The pages are set by reportlab and faxed as in
test_lookalike_barless_four (204 dpi across, 196 or 98 rows an inch, 1 bit); the readings again each say
what the page's reading said, so only the ink tells.  Where a word's glyphs touch or break (Helvetica's
and Times's F overhangs the glyph after it; Times and DejaVu Serif break their hairlines at normal
resolution) the ink tells nothing and this rule leaves the number to the others.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from tests.unit.ocr.test_lookalike_barless_four import READ, ROWS, SIZE, _confidence, _faxed

# faces whose F stands clear of the glyph after it at both resolutions
CLEAR_F = ("Courier", "DejaVuSans", "DejaVuSansMono")
# faces whose P-numbers part into their glyphs on a fax of that resolution
PARTED = [(f, r) for f in ("Helvetica", "Courier", "DejaVuSans", "DejaVuSansMono") for r in ROWS] + [
    ("Times-Roman", "fine"),
    ("DejaVuSerif", "fine"),
]


def _lose_arm(image: Image.Image, printed: str, font: str, at: float) -> Image.Image:
    """`image` with the arm of the F that starts `printed` lost: every row of the glyph's middle third
    left white right of the stem, as lost scan lines leave it."""
    out = np.asarray(image).copy()
    left = round(at)
    right = round(at + pdfmetrics.stringWidth(printed[0], font, SIZE) * 204.0 / 72)
    ink = out[:, left:right] < 128
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    stem = left + cols[0] + max(2, (cols[-1] - cols[0] + 1) // 3)
    third = len(rows) // 3
    out[rows[third] : rows[2 * third] + 1, stem:right] = 255
    return Image.fromarray(out)


# DejaVu Serif breaks its hairlines at normal resolution: nothing to measure there
@pytest.mark.parametrize(
    ("font", "resolution"), [(f, r) for f in CLEAR_F for r in ROWS] + [("DejaVuSerif", "fine")]
)
def test_an_f_read_as_a_p_waits(font: str, resolution: str) -> None:
    image, at = _faxed("F-56955", font, ROWS[resolution])
    assert _confidence(image, at, "P-56955", ROWS[resolution]) < 0.8


@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("font", CLEAR_F)
def test_an_f_whose_arm_the_line_lost_read_as_a_p_waits(font: str, resolution: str) -> None:
    image, at = _faxed("F-56955", font, ROWS[resolution])
    lost = _lose_arm(image, "F-56955", font, at)
    assert _confidence(lost, at, "P-56955", ROWS[resolution]) < 0.8


@pytest.mark.parametrize(("font", "resolution"), PARTED)
@pytest.mark.parametrize("number", ["P-56955", "PO-2026-1170", "P91259", "PF-56955"])
def test_a_printed_p_stays_as_sure_as_read(number: str, font: str, resolution: str) -> None:
    image, at = _faxed(number, font, ROWS[resolution])
    assert _confidence(image, at, number, ROWS[resolution]) == READ


@pytest.mark.parametrize(("font", "resolution"), PARTED)
def test_a_second_letter_f_read_as_p_waits(font: str, resolution: str) -> None:
    image, at = _faxed("PF-56955", font, ROWS[resolution])
    assert _confidence(image, at, "PP-56955", ROWS[resolution]) < 0.8
