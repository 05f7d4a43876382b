"""An order number printed once whose "T" may be an F that lost its arm
(parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.letter_glyphs.t_stem_aside).

The business rule: a T's stem stands at the middle of its top bar; an F whose arm (and foot serif beside
it) the fax lost is a bar with a stem at its left end, a "Γ", and every reading of it may say "T"
("T-95283" for order F-95283, read at 0.87 on a normal fax): the readings agreeing prove nothing, and the
order must wait for a person.  A printed T, in every face the generator sets and at both fax
resolutions, stays as sure as it was read.  Strips set by reportlab and faxed as in
test_lookalike_barless_four; the readings again each say what the page's reading said.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from tests.unit.ocr.test_lookalike_barless_four import DPI, FACES, READ, ROWS, SIZE, _confidence, _faxed


def _lose_arm(image: Image.Image, printed: str, font: str, at: float) -> Image.Image:
    """`image` with the first letter of `printed` (an F) left as its top bar and its stem: all ink right
    of the stem below the bar made white, as a fax that lost the arm's scan lines and its foot serif
    leaves it."""
    out = np.asarray(image).copy()
    left = round(at)
    right = round(at + pdfmetrics.stringWidth(printed[0], font, SIZE) * DPI / 72)
    ink = out[:, left:right] < 128
    rows = np.flatnonzero(ink.any(axis=1))
    top, bottom = rows[0], rows[-1] + 1
    bar = top + max(2, (bottom - top) // 5)  # the top bar's rows kept
    below = ink[bar:bottom].sum(axis=0)
    stem_right = int(np.flatnonzero(below >= 0.6 * below.max())[-1])
    out[bar:bottom, left + stem_right + 1 : right] = 255
    return Image.fromarray(out)


# the serif faces at normal resolution break the F's hairline bar from its stem: no glyph to measure there
@pytest.mark.parametrize(
    ("font", "resolution"),
    [(f, r) for f in ("Helvetica", "DejaVuSans", "Courier") for r in ROWS]
    + [("DejaVuSerif", "fine"), ("Times-Roman", "fine")],
)
def test_an_f_that_lost_its_arm_read_as_a_t_waits(font: str, resolution: str) -> None:
    image, at = _faxed("F-95283", font, ROWS[resolution])
    lost = _lose_arm(image, "F-95283", font, at)
    assert _confidence(lost, at, "T-95283", ROWS[resolution]) < 0.8


@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("font", FACES)
@pytest.mark.parametrize("number", ["T-95283", "TR-2026-0417"])
def test_a_printed_t_stays_as_sure_as_read(number: str, font: str, resolution: str) -> None:
    image, at = _faxed(number, font, ROWS[resolution])
    assert _confidence(image, at, number, ROWS[resolution]) == READ


@pytest.mark.parametrize("resolution", list(ROWS))
def test_an_f_read_as_an_f_is_left_to_the_other_rules(resolution: str) -> None:
    image, at = _faxed("F-95283", "DejaVuSans", ROWS[resolution])
    assert _confidence(image, at, "F-95283", ROWS[resolution]) == READ
