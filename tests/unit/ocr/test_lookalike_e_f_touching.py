"""An order number printed once whose E or F may be read as the other, or whose F touches the glyph after
it and is read as a P (issue 10, faxlet21; parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.letter_glyphs).

The business rules: an E stands on a foot bar that reaches from its stem about as far as its top bar; an
F stands on its stem, or on a foot serif about half as wide as its bar.  A "F" whose ink has such a foot
bar is an E read wrong, an "E" without one an F: the readings agreeing prove nothing and the order waits.
A P's bowl is closed; an F encloses nothing.  Where an F's bar runs into the hyphen after it (Helvetica
and Times: "F-" one run of ink), the letter is still the ink from the run's left edge to where its top
rows' ink ends, so "P-56955" read for F-56955 waits there too.  Numbers read as printed stay as sure as
read in every face and at both resolutions.  Strips set by reportlab and faxed as in
test_lookalike_barless_four; the readings again each say what the page's reading said.
"""

from __future__ import annotations

import pytest

from tests.unit.ocr.test_lookalike_barless_four import FACES, READ, ROWS, _confidence, _faxed

# faces whose E and F stand clear of the glyph after them at both resolutions
CLEAR = ("Courier", "DejaVuSans", "DejaVuSansMono")
# faces (and resolutions) whose F runs into the hyphen after it, whole
TOUCHING_F = [("Helvetica", "fine"), ("Helvetica", "normal"), ("Times-Roman", "fine")]


@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("font", [*CLEAR, "Helvetica"])
def test_an_e_read_as_an_f_waits(font: str, resolution: str) -> None:
    image, at = _faxed("E-56955", font, ROWS[resolution])
    assert _confidence(image, at, "F-56955", ROWS[resolution]) < 0.8


@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("font", CLEAR)
def test_an_f_read_as_an_e_waits(font: str, resolution: str) -> None:
    image, at = _faxed("F-56955", font, ROWS[resolution])
    assert _confidence(image, at, "E-56955", ROWS[resolution]) < 0.8


@pytest.mark.parametrize(("font", "resolution"), TOUCHING_F)
def test_an_f_run_into_its_hyphen_read_as_a_p_or_an_e_waits(font: str, resolution: str) -> None:
    image, at = _faxed("F-56955", font, ROWS[resolution])
    assert _confidence(image, at, "P-56955", ROWS[resolution]) < 0.8
    assert _confidence(image, at, "E-56955", ROWS[resolution]) < 0.8


PRINTED = ["F-56955", "E-56955", "FE-5695", "P-56955", "PO-2026-1170", "PUR/2026/337"]


@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("font", FACES)
@pytest.mark.parametrize("number", PRINTED)
def test_numbers_read_as_printed_stay_as_sure_as_read(number: str, font: str, resolution: str) -> None:
    image, at = _faxed(number, font, ROWS[resolution])
    assert _confidence(image, at, number, ROWS[resolution]) == READ
