"""A header value read again from a cut-out that holds its own ink alone (parsers.ocr.cutouts.cut_out with
`alone`, for parsers.ocr.recheck.confirm and parsers.ocr.lookalike.doubt_lookalikes).

The business rule: an order number or date is read again alone to vouch for what the page's reading
said of it, so what is read again must be the value's ink and nothing else.  The margin the cut-out
takes round the value (a third of its height above and below, more than half of it to either side)
must not bring in the ink of a line set close above or below, the other words the page's reading
found there, nor a box's or a table's rule: read again with them, a value reads as other characters
(an order number as "soos" with the next line's tops, a date as "[26126" with a box's corner, "084737"
as "1084737" with the box's rule: docs/fax.md, faxon27 and faxcut28) and waits for a person though
its own ink reads it right with confidence.  Ink beside the value that no word was read from and no
rule makes stays in the cut-out: it may be a character of the value the page's reading lost, and a
reading of the value without it would agree with the page and still be short.

The pages are built here: the value's figures as upright strokes, its neighbours' words and rules
drawn round it.  The readings again are scripted to read the ink: the value, with confidence, when the
cut-out holds exactly its ink, and other characters, unsure, when it holds more (what Tesseract made of
such cut-outs on the tuning faxes).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.recheck import Recheck
from parsers.ocr.cutouts import Cell, cut_out
from parsers.ocr.images import PageImage
from parsers.ocr.lookalike import doubt_lookalikes
from parsers.ocr.recheck import confirm

DPI = 204.0
SIZE = (1728, 600)  # a fine fax page's width
HEIGHT = 20  # the value's figures, in page pixels (a 10-point figure on a fine fax)
PRINTED = "0845629"  # seven figures, drawn as seven upright strokes
PITCH, STROKE = 12, 4
VALUE = (300, 200, 300 + PITCH * (len(PRINTED) - 1) + STROKE, 200 + HEIGHT)
BOX = (float(VALUE[0]), float(VALUE[1]), float(VALUE[2]), float(VALUE[3]))  # its box as the page read it


def _strokes(ink: np.ndarray, x0: int, y0: int, x1: int, height: int = HEIGHT) -> None:
    """Upright strokes `height` tall from `y0`, one every `PITCH` pixels from `x0` to before `x1`:
    the figures or letters of a word."""
    for x in range(x0, x1 - STROKE + 1, PITCH):
        ink[y0 : y0 + height, x : x + STROKE] = True


def _page(*neighbours: str) -> tuple[PageImage, PageWords, int]:
    """A fax page with the value `PRINTED` at `VALUE` and the named `neighbours` drawn round it; the
    page, the words its reading found, and how many pixels of ink the value has."""
    ink = np.zeros((SIZE[1], SIZE[0]), dtype=bool)
    x0, y0, x1, y1 = VALUE
    _strokes(ink, x0, y0, x1)
    own = int(ink.sum())
    words = [Word(PRINTED, x0, y0, x1, y1, 0.6)]
    if "line below" in neighbours:  # the next line's tops 4 pixels under the figures' feet
        _strokes(ink, 296, y1 + 4, 392)
        words.append(Word("Contact", 296, y1 + 4, 392 - PITCH + STROKE, y1 + 4 + HEIGHT, 0.95))
    if "line above" in neighbours:  # the line above's feet 5 pixels over the figures' tops
        _strokes(ink, 290, y0 - 5 - HEIGHT, 410)
        words.append(Word("No.pedido", 290, y0 - 5 - HEIGHT, 410 - PITCH + STROKE, y0 - 5, 0.95))
    if "box rule" in neighbours:  # the box's left rule 8 pixels before the first figure, not read
        ink[150:270, x0 - 10 : x0 - 8] = True
    if "rule across" in neighbours:  # a table's rule 3 pixels over the figures, not read
        ink[y0 - 4 : y0 - 2, 150:600] = True
    if "lost figure" in neighbours:  # a stroke after the last figure that no word was read from
        ink[y0:y1, x1 + 6 : x1 + 6 + STROKE] = True
    image = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8), mode="L").convert("1")
    page = PageWords(1, float(SIZE[0]), float(SIZE[1]), DPI, tuple(words), "ocr")
    return PageImage.from_image(1, image, DPI), page, own


def _ink(crop: PageImage) -> int:
    return int((np.asarray(crop.image().convert("L")) < 128).sum())


class InkReading:
    """A reading again of cut-outs that says `PRINTED` at 0.95 of a cut-out holding exactly `own`
    pixels of ink (the value's), and "soos" at 0.33 of one holding more or less."""

    def __init__(self, own: int) -> None:
        self.own = own

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        out = []
        for crop in crops:
            text, confidence = (PRINTED, 0.95) if _ink(crop) == self.own else ("soos", 0.33)
            said = (Word(text, 10, 10, crop.width - 10, crop.height - 10, confidence),)
            out.append(PageWords(crop.number, crop.width, crop.height, DPI, said, "ocr"))
        return out


NEIGHBOURS = [("line below",), ("line above",), ("box rule",), ("rule across",), ("line below", "box rule")]


@pytest.mark.parametrize("neighbours", NEIGHBOURS)
def test_the_cut_out_holds_the_value_s_ink_and_none_of_its_neighbours(neighbours: tuple[str, ...]) -> None:
    image, page, own = _page(*neighbours)
    cell = Cell("po_number", 1, BOX)
    # the premise: the margin round the value takes in the neighbour's ink
    assert _ink(cut_out([cell], [image], [page])[0]) > own
    assert _ink(cut_out([cell], [image], [page], alone=True)[0]) == own


def _confirmed(image: PageImage, page: PageWords, own: int) -> float:
    """The confidence of an order number the page read as `PRINTED` unsure (0.6) once `confirm` has read
    its cut-out again twice."""
    found = Evidence("po_number", 0.6, Provenance(page=1, box=BOX, raw=PRINTED))
    order = CapturedOrder(evidence=(found,), po_number=PRINTED)
    reads = [InkReading(own), InkReading(own)]
    (got,) = confirm([order], [Recheck(0, "po_number", 1.0)], [image], [page], reads)
    vouched = got.evidence_for("po_number")
    assert vouched is not None
    return vouched.confidence


@pytest.mark.parametrize("neighbours", NEIGHBOURS)
def test_an_unsure_value_whose_own_ink_reads_alike_is_vouched_for_whatever_stands_round_it(
    neighbours: tuple[str, ...],
) -> None:
    assert _confirmed(*_page(*neighbours)) >= 0.8


def test_ink_beside_the_value_that_no_word_was_read_from_stays_in_the_cut_out() -> None:
    image, page, own = _page("lost figure", "line below")
    assert _confirmed(image, page, own) == 0.6


def test_a_value_read_sure_beside_a_box_rule_stays_sure_when_its_own_ink_reads_alike() -> None:
    image, page, own = _page("box rule")
    page = PageWords(1, page.width, page.height, DPI, (Word(PRINTED, *BOX, 0.96),), "ocr")
    found = Evidence("po_number", 0.96, Provenance(page=1, box=BOX, raw=PRINTED))
    order = CapturedOrder(evidence=(found,), po_number=PRINTED)
    (got,) = doubt_lookalikes([order], [image], [page], [InkReading(own), InkReading(own)])
    assert got.evidence_for("po_number") == found
    # and one whose cut-out holds ink no word was read from stays in doubt
    image, page, own = _page("lost figure")
    page = PageWords(1, page.width, page.height, DPI, (Word(PRINTED, *BOX, 0.96),), "ocr")
    (got,) = doubt_lookalikes([order], [image], [page], [InkReading(own), InkReading(own)])
    doubted = got.evidence_for("po_number")
    assert doubted is not None and doubted.confidence == DOUBTFUL
