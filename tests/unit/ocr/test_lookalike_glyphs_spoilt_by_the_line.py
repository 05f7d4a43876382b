"""Order numbers read right whose E, F or 3 the fax line spoilt: the ink guards must not hold them (issue
10, faxgl22; parsers.ocr.letter_glyphs.e_or_f_otherwise and three_inked_as_eight, through
parsers.ocr.lookalike.doubt_lookalikes).

The business rules. An F is told from an E by its foot measured
against its top bar: where the fax line lost the scan lines of the top bar, only the bar's serifs are
left and nothing is there to measure the foot by, so an F read "F" stays as sure as read. An E whose
foot bar's scan line the receiver filled with a copy of the row above keeps the ends of that bar apart
from its stem (the stem and the bar's end serif); an E read "E" so stays as sure as read. Dust beside a
3's open left is no stroke of an 8: it touches none of the 3's ink, and a date so specked stays as sure
as read. A "3" is told from an 8 only by a figure's ink: where the word's runs of ink fall to other
characters than read (an H parted into its stems by a lost line, a slash run into the 3 after it) no run
is the 3's, and the number stays as sure as read. The misreadings each guard was written for still wait
(test_lookalike_e_f_touching, test_lookalike_eight_read_as_three). Strips set by reportlab and faxed as
in test_lookalike_barless_four; the readings again each say what the page's reading said.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from tests.unit.ocr.test_lookalike_barless_four import DPI, READ, ROWS, SIZE, _confidence, _faxed
from tests.unit.ocr.test_lookalike_eight_read_as_three import _confidence as date_confidence


def _ink_rows(image: Image.Image, at: float) -> np.ndarray:
    """The rows of `image` holding ink of the number set from `at` on."""
    return np.flatnonzero((np.asarray(image)[:, round(at) - 4 :] < 128).any(axis=1))


def _lines_lost(image: Image.Image, first: int, count: int) -> Image.Image:
    """`image` with `count` scan lines from row `first` left white across the page, as a fax line
    loses them."""
    out = np.asarray(image).copy()
    out[first : first + count, :] = 255
    return Image.fromarray(out)


def _lines_repeated(image: Image.Image, first: int, count: int) -> Image.Image:
    """`image` with `count` scan lines from row `first` each a copy of the row above `first`, as a
    receiver fills the lines it lost."""
    out = np.asarray(image).copy()
    out[first : first + count, :] = out[first - 1]
    return Image.fromarray(out)


@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("font", ["DejaVuSans", "DejaVuSerif", "Courier"])
def test_an_f_whose_top_bar_the_line_lost_read_as_an_f_stays_as_sure_as_read(
    font: str, resolution: str
) -> None:
    image, at = _faxed("FN-2026-01234", font, ROWS[resolution])
    top = _ink_rows(image, at)[0]
    lost = _lines_lost(image, top, 2 if resolution == "fine" else 1)
    assert _confidence(lost, at, "FN-2026-01234", ROWS[resolution]) == READ


@pytest.mark.parametrize("font", ["DejaVuSerif", "Times-Roman"])
def test_an_e_whose_foot_bar_the_receiver_filled_from_the_row_above_stays_as_sure_as_read(font: str) -> None:
    # no 1 in it: a 1 whose foot serif is so filled is told as a 4 that lost its bar, by its own rule
    image, at = _faxed("PED-26-05590", font, ROWS["fine"])
    bottom = _ink_rows(image, at)[-1]
    filled = _lines_repeated(image, bottom - 1, 2)
    assert _confidence(filled, at, "PED-26-05590", ROWS["fine"]) == READ


def test_a_number_whose_runs_of_ink_fall_to_other_characters_than_read_stays_as_sure_as_read() -> None:
    # Helvetica at normal resolution: two scan lines lost across the middle part the H's into their stems,
    # while the slash runs into the 3 after it: as many runs as characters, none of them the 3's ink
    image, at = _faxed("HH/33310/26", "Helvetica", ROWS["normal"])
    lost = _lines_lost(image, _ink_rows(image, at)[0] + 3, 1)
    assert _confidence(lost, at, "HH/33310/26", ROWS["normal"]) == READ


# faces whose E keeps its top bar at both resolutions (DejaVu Serif's hairline bar goes at normal)
@pytest.mark.parametrize("resolution", list(ROWS))
@pytest.mark.parametrize("font", ["DejaVuSans", "DejaVuSansMono", "Courier"])
def test_an_e_read_as_an_f_still_waits_where_a_line_was_lost_below_its_top_bar(
    font: str, resolution: str
) -> None:
    # the top bar whole, a scan line lost lower down: the foot still tells the E
    image, at = _faxed("E-56955", font, ROWS[resolution])
    rows = _ink_rows(image, at)
    lost = _lines_lost(image, rows[len(rows) // 3], 1)
    assert _confidence(lost, at, "F-56955", ROWS[resolution]) < 0.8


def _specks_left_of_the_three(image: Image.Image, printed: str, font: str, at: float) -> Image.Image:
    """`image` with a speck of dust (two pixels square) at the left edge of the first 3 of `printed`, in
    the middle of each of its open bowls, clear of its ink: where an 8's left strokes would be."""
    out = np.asarray(image).copy()
    i = printed.index("3")
    left = round(at + pdfmetrics.stringWidth(printed[:i], font, SIZE) * DPI / 72)
    right = round(at + pdfmetrics.stringWidth(printed[: i + 1], font, SIZE) * DPI / 72)
    ink = out[:, left:right] < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    top, height, x = rows[0], rows[-1] + 1 - rows[0], left + cols[0]
    for share in (0.35, 0.65):
        y = top + int(share * height)
        assert not ink[y - 1 : y + 3, cols[0] : cols[0] + 3].any()  # clear of the 3's strokes
        out[y : y + 2, x : x + 2] = 0
    return Image.fromarray(out)


@pytest.mark.parametrize("resolution", list(ROWS))
# faces whose 3 stands clear of the figure before it, its left open by a speck's width
@pytest.mark.parametrize("font", ["Times-Roman", "DejaVuSans", "Courier"])
def test_a_date_whose_three_has_specks_by_its_open_left_stays_as_sure_as_read(
    font: str, resolution: str
) -> None:
    image, at = _faxed("13/12/2026", font, ROWS[resolution])
    specked = _specks_left_of_the_three(image, "13/12/2026", font, at)
    assert date_confidence(specked, at, "13/12/2026", ROWS[resolution], "requested_delivery_date") == READ
