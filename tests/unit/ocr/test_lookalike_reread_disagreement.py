"""An order number read again that says it otherwise (parsers.ocr.lookalike.steady, and
parsers.ocr.recheck.confirm for a number OCR was unsure of).

The business rule: a once-printed order number is pinned by nothing but its ink, so a reading of its
cut-out again vouches for the page's reading only when it names the same order.  What cannot change
the order it names does not gainsay it: a mark at its edge (the comma of "798/26,"), a space a reading
put inside it, a box rule read as a "|" beside it, or the case of a letter.  Any figure or letter read
as another, one read that the page's reading lacks (a leading "1": the page's reading may have dropped
it) or one the page's reading has that the reading again lacks, and a figure with a likely look-alike,
leaves the number doubtful for a person to check.  These are the ways the readings again disagreed
on the tuning faxes at seeds 162002 and 162502 (docs/fax.md, faxpo21); each reading is scripted here.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.recheck import Recheck
from parsers.ocr.images import PageImage
from parsers.ocr.lookalike import steady
from parsers.ocr.recheck import confirm
from tests.unit.ocr.recheck_support import BOX, Scripted


def _reading(*said: str, rival: float = 0.0) -> PageWords:
    """A reading of a cut-out that says the words `said` left to right, each with confidence."""
    words = tuple(
        Word(text, 20 + 200 * i, 10, 180 + 200 * i, 40, 0.9, rival=rival) for i, text in enumerate(said)
    )
    return PageWords(1, 800.0, 60.0, 204.0, words, "ocr")


@pytest.mark.parametrize(
    ("printed", "said"),
    [
        ("798/26,", ("798/26",)),  # the sentence's comma after the number
        ("PC26061916", ("PC2606", "1916.")),  # a space read inside it, a speck read as a full stop
        ("044111", ("|", "044111")),  # the form's box rule read beside it
        ("PO-41505", ("po-41505",)),  # the case of its letters
    ],
)
def test_a_reading_again_that_names_the_same_order_keeps_it_sure(printed: str, said: tuple[str, ...]) -> None:
    assert steady(printed, _reading(*said), letters=True)


@pytest.mark.parametrize(
    ("printed", "said"),
    [
        ("483/26,", ("483/20,",)),  # a figure read as another: which of the two is the print?
        ("054214", ("¡054211",)),
        ("PUR/2026/31429", ("|", "PUR/2026/31479")),
        ("553/26", ("1553/26", "|")),  # a leading figure the page's reading may have lost
        ("2684883", ("26184883",)),  # a hyphen lost on the page, read as a 1 again
        ("26/03445", ("26/0344",)),  # a figure the reading again lacks
        ("049783", ("|", "o49783")),  # a letter where the page read a figure
        ("P009032", ("PO09032",)),  # a figure where the page read a letter, no ink telling them apart
    ],
)
def test_a_reading_again_that_names_another_order_makes_it_doubtful(
    printed: str, said: tuple[str, ...]
) -> None:
    assert not steady(printed, _reading(*said), letters=True)


def test_a_reading_alike_with_a_likely_lookalike_figure_makes_it_doubtful() -> None:
    assert steady("038517", _reading("038517", rival=0.55), letters=True)
    assert not steady("038517", _reading("038517", rival=0.85), letters=True)


UNSURE = 0.4  # as OCR read the order number on the page, under a sure label


def _confirmed(printed: str, first: Scripted, second: Scripted, spare: Scripted | None = None) -> float:
    """The confidence of an order number the page read as `printed` at `UNSURE`, once `confirm` has
    read its box again with `first` and `second` (and `spare` when one of them said it unsure)."""
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), 204.0)
    page = PageWords(1, 1728.0, 400.0, 204.0, (Word(printed, *BOX, UNSURE),), "ocr")
    found = Evidence("po_number", UNSURE, Provenance(page=1, box=BOX, raw=printed))
    ways: Sequence[Scripted] = [first, second]
    (got,) = confirm(
        [CapturedOrder(evidence=(found,))], [Recheck(0, "po_number", 1.0)], [image], [page], ways, spare
    )
    vouched = got.evidence_for("po_number")
    assert vouched is not None
    return vouched.confidence


def test_an_unsure_order_number_read_again_alike_with_confidence_is_vouched_for() -> None:
    assert _confirmed("4514665439", Scripted("4514665439", 0.92), Scripted("4514665439", 0.9)) >= 0.8


@pytest.mark.parametrize(
    ("printed", "first", "second"),
    [
        ("4588752833", "4688752833", "4588752833"),  # one reading says another figure
        ("PUR/2026/31429", "PUR/2026/31479", "PUR/2026/31479"),  # both say the same other figure
        ("2684883", "26184883", "26184883"),  # both say a figure the page's reading lacks
        ("P009032", "PO09032", "PO09032"),  # both say a letter where the page read a figure
    ],
)
def test_an_unsure_order_number_read_again_otherwise_stays_doubtful(
    printed: str, first: str, second: str
) -> None:
    spare = Scripted(printed, 0.95)
    assert _confirmed(printed, Scripted(first, 0.92), Scripted(second, 0.9), spare) == UNSURE
    assert spare.calls == 0
