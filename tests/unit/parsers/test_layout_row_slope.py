"""A page faxed half a degree askew: the slope its neighbouring words show is lost to whole pixels (on
a normal fax, to its doubled rows), so the slope is measured again along its long lines, and a row
whose code stands at the left and whose numbers stand 15 cm to the right stays one line."""

from __future__ import annotations

import math

from core.capture.domain.layout import PageWords, Word
from parsers.layout.geometry import read_page
from parsers.layout.straighten import page_slope

DPI = 204.0
SLOPE = math.tan(math.radians(0.6))  # the page's rows fall this much to the right
HEIGHT = 18  # pixels of a word's ink
WIDTH = 60  # pixels of a word
GAP = 14  # pixels between two words of a phrase


def _word(text: str, x: float, top: float) -> Word:
    """A word whose top follows the slope, on the doubled rows of a normal fax (even pixels)."""
    y = 2 * round((top + SLOPE * x) / 2)
    return Word(text, x, y, x + WIDTH, y + HEIGHT, 0.95)


def _prose(top: float) -> list[Word]:
    """A line of text across the page, word after word."""
    return [_word(f"word{i}", 100 + i * (WIDTH + GAP), top) for i in range(19)]


def _skewed_page() -> PageWords:
    words = [w for n in range(10) for w in _prose(200 + n * 40)]
    row = 700
    words += [_word("3", 40, row), _word("LLA-AJ-250", 70, row)]
    words += [_word(text, 1360 + i * 80, row) for i, text in enumerate(("6.000", "EA", "$13.820", "$82.92"))]
    words += _prose(760)
    return PageWords(1, 1728.0, 2200.0, DPI, tuple(words), "ocr")


def test_slope_measured_along_the_long_lines():
    assert abs(page_slope(_skewed_page()) - SLOPE) < 0.1 * SLOPE


def test_a_row_with_its_code_far_from_its_numbers_stays_one_line():
    lines = read_page(_skewed_page()).lines
    code = next(line for line in lines if any(t.text == "LLA-AJ-250" for t in line.toks))
    assert [t.text for t in code.toks] == ["3", "LLA-AJ-250", "6.000", "EA", "$13.820", "$82.92"]
