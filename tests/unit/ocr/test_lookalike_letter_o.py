"""An order number whose letter O a reading again says as a zero (parsers.ocr.lookalike.steady,
parsers.ocr.figure_glyphs).

The business rule: in a part of an order number that is letters but for it ("OC" of "OC/26/57898"),
an O and a 0 name one order, but two readings that say one and the other do not agree on the print,
which may be a zero.  The ink settles it: a typeface's figures share one width and its O is wider
(Helvetica's O 778 units, its figures 556; Courier's O is rounder than its 0), so an O clearly wider
than the word's figures is the letter, and readings that differ only there agree.  A zero printed
there, or a word whose glyphs touch (no glyph's width to tell), proves nothing: the number waits for
a person.  A reading again that differs in a figure still makes it doubtful.  The pages are set by
reportlab and rasterised at a fine fax's 204 dpi.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.header_mends import letter_o_places
from parsers.ocr import lookalike
from parsers.ocr.images import PageImage
from tests.unit.ocr.scans import order_number_strip

DPI = 204.0
READ = 0.89  # as the page's reading gave the order number
AT = 200  # where the number starts on the line, in points


def _confidence(printed: str, font: str, page_read: str, again: Sequence[str], size: float = 9) -> float:
    """The order number's confidence after the look-alike re-read: `printed` set in `font` at `size`
    points after its label on a fax-wide strip, read by the page as `page_read`, and read again as each
    of `again`."""
    grey = order_number_strip(printed, font, size, AT, DPI)
    image = grey.point(lambda v: 0 if v < 128 else 255).convert("1")
    ink = np.asarray(grey) < 128
    left = round((AT - 2) * DPI / 72)
    cols = np.flatnonzero(ink[:, left:].any(axis=0)) + left
    rows = np.flatnonzero(ink[:, left:].any(axis=1))
    box = (float(cols[0]), float(rows[0]), float(cols[-1] + 1), float(rows[-1] + 1))
    words = (Word("Order", 110.0, box[1], 190.0, box[3], 0.93), Word(page_read, *box, READ))
    page = PageWords(1, float(image.width), float(image.height), DPI, words, "ocr")
    where = Provenance(page=1, box=box, raw=page_read)
    order = CapturedOrder(po_number=page_read, evidence=(Evidence("po_number", READ, where),))

    def reading(text: str) -> lookalike.ReadCells:
        return lambda crops: [
            PageWords(c.number, 100.0, 30.0, DPI, (Word(text, 0, 0, 90, 20, 0.9),), "ocr") for c in crops
        ]

    img = PageImage.from_image(1, image, DPI, (DPI, 196.0))
    (got,) = lookalike.doubt_lookalikes([order], [img], [page], [reading(t) for t in again])
    found = got.evidence_for("po_number")
    assert found is not None
    return found.confidence


def test_an_o_wider_than_the_figures_is_the_letter_whichever_way_a_reading_says_it() -> None:
    assert _confidence("OC/26/57898", "Helvetica", "OC/26/57898", ["OC/26/57898", "0C/26/57898"]) == READ


def test_an_o_wider_than_the_words_zeros_is_the_letter_though_both_readings_say_0() -> None:
    assert _confidence("OC/26/04988", "Helvetica", "OC/26/04988", ["0C/26/04988", "0C/26/04988"]) == READ


def test_a_zero_printed_where_the_letters_stand_waits() -> None:
    assert _confidence("0C/26/57898", "Helvetica", "OC/26/57898", ["OC/26/57898", "0C/26/57898"]) < 0.8


def test_a_courier_o_is_told_by_its_ink_too() -> None:
    # Courier's figures and letters advance alike, but its O's ink is rounder and wider than its 0's
    assert _confidence("OC/26/57898", "Courier", "OC/26/57898", ["OC/26/57898", "0C/26/57898"]) == READ
    assert _confidence("0C/26/57898", "Courier", "OC/26/57898", ["OC/26/57898", "0C/26/57898"]) < 0.8


def test_glyphs_that_touch_prove_nothing() -> None:
    # at 10 points the "6" and the "/" after it run into one another: the word does not part into
    # its characters, so no glyph's width can be told
    assert _confidence("OC/26/57898", "Helvetica", "OC/26/57898", ["OC/26/57898", "0C/26/57898"], 10) < 0.8


def test_a_reading_again_with_another_figure_still_waits() -> None:
    assert _confidence("OC/26/57898", "Helvetica", "OC/26/57898", ["OC/26/57898", "0C/26/57896"]) < 0.8


@pytest.mark.parametrize(
    ("number", "places"),
    [
        ("0C/26/66103", [0]),  # "OC" with its O read as a zero
        ("OC/26/66103", [0]),
        ("P0-4471", [1]),
        ("PO05963", []),  # letters run into figures: the zero may be a figure
        ("26/04988", []),  # zeros among figures are figures
        ("OC/26/04988", [0]),
    ],
)
def test_where_an_o_and_a_zero_name_one_letter(number: str, places: list[int]) -> None:
    assert letter_o_places(number) == places
