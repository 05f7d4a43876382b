"""An order number printed once whose "1" may be a 4 that lost its crossbar on the fax line
(parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.figure_glyphs.one_a_barless_four).

The business rule: when the fax line drops the scan line that carries a 4's crossbar, what is left is
the 4's slanted stroke on its stem, and every reading of that ink says "1" ("P91459" for order P94459):
the readings agreeing prove nothing, and the order must wait for a person.  Such a glyph is as wide as
a figure yet stands on its stem alone.  A printed 1 is either narrow (Helvetica's and Times's flag
reaches about half a figure) or stands on a foot as wide as itself (the DejaVu faces, Courier), also
when the line drops a scan line through it, or leaves a speck under its foot (the speck is below the
figures' baseline, no part of the glyph); numbers printed with 1s stay as sure as they were read.
The pages are set by reportlab, rasterised at a fax's 204 dpi across, and for a normal fax put at
98 rows an inch as the fax line does; a lost scan line is a row left white across the page.  The
readings again are given as such a fax's are (each said the page's reading): only the ink tells here.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from tests.unit.ocr.scans import faxed_strip, reread_confidence

DPI = 204.0
READ = 0.9  # as the page's reading gave the order number
AT = 200  # where the number starts on the line, in points
SIZE = 10.0
FACES = ("Helvetica", "Times-Roman", "Courier", "DejaVuSans", "DejaVuSansMono", "DejaVuSerif")
ROWS = {"fine": 196.0, "normal": 98.0}


def _faxed(printed: str, font: str, rows: float) -> tuple[Image.Image, float]:
    """`printed` set in `font` after its label on a fax-wide strip, as the fax line stores it at `rows`
    rows an inch (1 bit), and where the number starts on it, in pixels."""
    return faxed_strip(printed, font, rows, size=SIZE, at=AT, dpi=DPI)


def _glyph(image: Image.Image, printed: str, font: str, at: float, i: int) -> np.ndarray:
    """The ink of the character `i` of `printed` on `image`, as the rows of its columns (all rows)."""
    left = at + pdfmetrics.stringWidth(printed[:i], font, SIZE) * DPI / 72
    right = left + pdfmetrics.stringWidth(printed[i], font, SIZE) * DPI / 72
    return np.asarray(image)[:, round(left) : round(right)] < 128


def _lose_bar(image: Image.Image, printed: str, font: str, at: float) -> Image.Image:
    """`image` with the crossbar of the first 4 of `printed` lost: each row of its lower two thirds
    whose ink spans most of the glyph left white under it, as a lost scan line on a page fed skewed
    crosses that 4 at its bar (and the next 4 at another height)."""
    out = np.asarray(image).copy()
    i = printed.index("4")
    left = round(at + pdfmetrics.stringWidth(printed[:i], font, SIZE) * DPI / 72)
    ink = _glyph(image, printed, font, at, i)
    rows = np.flatnonzero(ink.any(axis=1))
    width = np.flatnonzero(ink.any(axis=0))
    for y in rows[len(rows) // 3 :]:
        inked = np.flatnonzero(ink[y])
        if len(inked) and inked[-1] - inked[0] + 1 >= 0.8 * (width[-1] - width[0] + 1):
            out[y, left : left + ink.shape[1]] = 255
    return Image.fromarray(out)


def _lose_foot(image: Image.Image, printed: str, font: str, at: float) -> Image.Image:
    """`image` with the lowest scan line of the 1s left white across the page."""
    out = np.asarray(image).copy()
    i = printed.index("1")
    rows = np.flatnonzero(_glyph(image, printed, font, at, i).any(axis=1))
    out[rows[-1], :] = 255
    return Image.fromarray(out)


def _confidence(image: Image.Image, at: float, read: str, rows: float) -> float:
    """The order number's confidence after the look-alike re-read: the number on `image` read by the
    page as `read`, and twice again alike."""
    return reread_confidence(
        image, at, read, rows, "po_number", read, label="Order", confidence=READ, dpi=DPI
    )


# Times at normal resolution breaks its hairlines apart: no glyph to measure there
@pytest.mark.parametrize(
    ("font", "resolution"),
    [(f, r) for f in ("Helvetica", "DejaVuSans", "DejaVuSansMono") for r in ROWS] + [("Times-Roman", "fine")],
)
def test_a_four_without_its_bar_read_as_a_one_waits(font: str, resolution: str) -> None:
    image, at = _faxed("P94459", font, ROWS[resolution])
    lost = _lose_bar(image, "P94459", font, at)
    assert _confidence(lost, at, "P91459", ROWS[resolution]) < 0.8


@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", FACES)
@pytest.mark.parametrize("number", ["P91159", "PO-2026-1170", "31/1986"])
def test_printed_ones_stay_as_sure_as_read(number: str, font: str, resolution: str) -> None:
    image, at = _faxed(number, font, ROWS[resolution])
    assert _confidence(image, at, number, ROWS[resolution]) == READ


@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", FACES)
def test_a_one_whose_foot_the_line_lost_stays_as_sure_as_read(font: str, resolution: str) -> None:
    image, at = _faxed("P91259", font, ROWS[resolution])
    lost = _lose_foot(image, "P91259", font, at)
    assert _confidence(lost, at, "P91259", ROWS[resolution]) == READ


def test_a_four_read_right_is_left_to_the_other_rules() -> None:
    image, at = _faxed("P94459", "Helvetica", ROWS["normal"])
    assert _confidence(_lose_bar(image, "P94459", "Helvetica", at), at, "P94459", ROWS["normal"]) == READ


def _speck_under(image: Image.Image, printed: str, font: str, at: float, i: int) -> Image.Image:
    """`image` with a speck the fax line left under the character `i` of `printed`, apart from it by
    white rows (about a third of the glyph's height, as under the "1" of spreadsheet order 26-91403 on a
    fine tuning fax, faxpo23): a dot two pixels wide and two rows tall under the stem."""
    out = np.asarray(image).copy()
    ink = _glyph(image, printed, font, at, i)
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    left = round(at + pdfmetrics.stringWidth(printed[:i], font, SIZE) * DPI / 72)
    middle = left + (cols[0] + cols[-1]) // 2
    below = rows[-1] + 1 + max(2, round(0.35 * (rows[-1] - rows[0] + 1)))
    out[below : below + 2, middle : middle + 2] = 0
    return Image.fromarray(out)


# the faces whose printed 1 stands on a foot as wide as a figure: the only 1s as wide as a 4
FOOTED = ("Courier", "DejaVuSans", "DejaVuSansMono")


@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", FOOTED)
def test_a_printed_one_with_a_speck_under_its_foot_stays_as_sure_as_read(font: str, resolution: str) -> None:
    image, at = _faxed("26-91403", font, ROWS[resolution])
    specked = _speck_under(image, "26-91403", font, at, 4)
    assert _confidence(specked, at, "26-91403", ROWS[resolution]) == READ


@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", ("DejaVuSans", "DejaVuSansMono"))
def test_a_four_without_its_bar_with_a_speck_under_it_still_waits(font: str, resolution: str) -> None:
    image, at = _faxed("26-94403", font, ROWS[resolution])
    lost = _lose_bar(image, "26-94403", font, at)
    specked = _speck_under(lost, "26-94403", font, at, 4)
    assert _confidence(specked, at, "26-91403", ROWS[resolution]) < 0.8
