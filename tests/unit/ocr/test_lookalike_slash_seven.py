"""An order number printed once whose "/" may be a 7 that lost its bar on the fax line
(parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.figure_glyphs.slash_within_figures).

The business rule: a 7 whose bar the fax line dropped is a lone slanted stroke, and every reading of
that ink says "/" ("PO/2114" for order PO72114): the readings agreeing prove nothing.  A printed slash
reaches past the figures beside it, below their baseline in the DejaVu faces and above their tops in
the PostScript ones, while a 7's stem keeps within them.  So an order number printed once and read
sure whose slash keeps within its figures' band waits for a person; a slash printed as such, and a
number whose glyphs run together (nothing to measure), stay as sure as they were read.  A 7's stem keeps a
figure's room (figures advance alike), a slash about half of one, which tells a Helvetica or Times
slash (within the figures' band at a fax's pixel) from the stem.  The readings again are given as the
tuning fax's were (both said "PO/2114"): only the ink tells here.
"""

from __future__ import annotations

import pytest

from tests.unit.ocr.slash_support import MONO, READ, SANS, number_strip, read_again


def _confidence(
    printed: str, read: str, *, bar_lost: bool = False, face: str = SANS, size: int = 28
) -> float:
    """The confidence of the order number `printed` in `face` at `size` px (10-point type at 204 dpi)
    on a fax-wide strip, read by the page and twice again as `read`; with `bar_lost`, the top of every
    7 of it wiped as a fax line drops a 7's bar."""
    return read_again(number_strip(printed, bar_lost=bar_lost, face=face, size=size), read)


def test_a_seven_without_its_bar_read_as_a_slash_waits() -> None:
    assert _confidence("PO72114", "PO/2114", bar_lost=True) < 0.8


def test_a_printed_slash_stays_as_sure_as_read() -> None:
    assert _confidence("PO/2114", "PO/2114") == READ


@pytest.mark.parametrize("number", ["PUR/2026/04097", "OC/26/57898", "26/4471"])
def test_slashes_printed_in_a_monospaced_face_stay_as_sure_as_read(number: str) -> None:
    assert _confidence(number, number, face=MONO) == READ


def test_a_number_without_a_slash_is_left_to_the_other_rules() -> None:
    assert _confidence("PO72114", "PO72114") == READ
