"""A date or an order number printed once whose "3" may be an 8 that lost part of its left strokes on
the fax line (parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.figure_glyphs.three_inked_as_eight).

The business rule: an 8 whose left strokes the fax line thinned (white holes where the toner did not
take, part of a scan line lost) is read "3" by every reading, at the engine's highest confidence
("03/12/2026" for a delivery date of 08/12/2026): the readings agreeing prove nothing, and the order
must wait for a person.  Such a glyph still has ink at its left edge in the middle of both bowls, where
a printed 3 is open (its arms end at the top and the bottom, its middle stroke starts near the centre).
Dates and order numbers printed with 3s stay as sure as they were read.  The strips are set by
reportlab, rasterised at a fax's 204 dpi across and put at the fax's rows an inch; the readings again
are given as such a fax's are (each said the page's reading): only the ink tells here.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from tests.unit.ocr.scans import faxed_strip, reread_confidence

DPI = 204.0
READ = 0.9  # as the page's reading gave the field
AT = 200  # where the value starts on the line, in points
SIZE = 10.0
FACES = ("Helvetica", "Courier", "DejaVuSans", "DejaVuSansMono")
ROWS = {"fine": 196.0, "normal": 98.0}


def _faxed(printed: str, font: str, rows: float) -> tuple[Image.Image, float]:
    """`printed` set in `font` after a label on a fax-wide strip, as the fax line stores it at `rows`
    rows an inch (1 bit), and where the value starts on it, in pixels."""
    return faxed_strip(printed, font, rows, size=SIZE, at=AT, dpi=DPI)


def _thin_left(image: Image.Image, printed: str, font: str, at: float) -> Image.Image:
    """`image` with every other pixel of the ink in the left 0.4 of the first 8 of `printed` left
    white, in the middle of each of its bowls (its second to fifth tenths of height, its sixth to
    ninth): white holes thinning its left strokes, each row of them keeping part of its ink."""
    out = np.asarray(image).copy()
    i = printed.index("8")
    left = round(at + pdfmetrics.stringWidth(printed[:i], font, SIZE) * DPI / 72)
    right = round(at + pdfmetrics.stringWidth(printed[: i + 1], font, SIZE) * DPI / 72)
    ink = out[:, left:right] < 128
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    top, height = rows[0], rows[-1] + 1 - rows[0]
    x0, width = left + cols[0], cols[-1] + 1 - cols[0]
    for lo, hi in ((0.15, 0.45), (0.55, 0.9)):
        for y in range(top + round(lo * height), top + round(hi * height)):
            for x in range(x0, x0 + round(0.4 * width)):
                if (x + y) % 2:
                    out[y, x] = 255
    return Image.fromarray(out)


def _confidence(image: Image.Image, at: float, read: str, rows: float, field: str) -> float:
    """The confidence of `field` after the look-alike re-read: its value on `image` read by the page
    as `read`, and twice again alike."""
    value: object = read
    if field != "po_number":
        day, month, year = (int(part) for part in read.replace(".", "/").split("/"))
        value = date(year, month, day)
    return reread_confidence(image, at, read, rows, field, value, label="Entrega", confidence=READ, dpi=DPI)


# Helvetica's "08" at 10 points runs into one blot at fax resolution: no glyph to measure there
@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", [f for f in FACES if f != "Helvetica"])
def test_a_delivery_date_whose_eight_lost_part_of_its_left_strokes_read_as_a_three_waits(
    font: str, resolution: str
) -> None:
    image, at = _faxed("08/12/2026", font, ROWS[resolution])
    thinned = _thin_left(image, "08/12/2026", font, at)
    got = _confidence(thinned, at, "03/12/2026", ROWS[resolution], "requested_delivery_date")
    assert got < 0.8


@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", FACES)
def test_an_order_number_whose_eight_lost_part_of_its_left_strokes_read_as_a_three_waits(
    font: str, resolution: str
) -> None:
    image, at = _faxed("PO-58207", font, ROWS[resolution])
    thinned = _thin_left(image, "PO-58207", font, at)
    assert _confidence(thinned, at, "PO-53207", ROWS[resolution], "po_number") < 0.8


@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", (*FACES, "Times-Roman", "DejaVuSerif"))
@pytest.mark.parametrize("printed", ["03/12/2026", "23.11.2026", "13/03/2026"])
def test_dates_printed_with_threes_stay_as_sure_as_read(printed: str, font: str, resolution: str) -> None:
    image, at = _faxed(printed, font, ROWS[resolution])
    assert _confidence(image, at, printed, ROWS[resolution], "requested_delivery_date") == READ


@pytest.mark.parametrize("resolution", ["fine", "normal"])
@pytest.mark.parametrize("font", (*FACES, "Times-Roman", "DejaVuSerif"))
def test_order_numbers_printed_with_threes_stay_as_sure_as_read(font: str, resolution: str) -> None:
    image, at = _faxed("PO-33937", font, ROWS[resolution])
    assert _confidence(image, at, "PO-33937", ROWS[resolution], "po_number") == READ
