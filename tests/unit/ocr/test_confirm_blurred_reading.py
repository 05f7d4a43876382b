"""A header field read again, one reading losing a character to a symbol (parsers.ocr.recheck.confirm).

The business rule: a field the layout is sure of but for its characters is vouched for when every
reading of its ink again says exactly what the page's reading said, each with confidence.  A reading
that says it but for one letter or figure read as a symbol that is no letter, figure or mark
("23/11/202€" for "23/11/2026") lost that character to the fax and says no other value: like a
reading alike but unsure, it neither vouches nor gainsays, and the field is read a third way, which
must say it exactly with confidence to stand in for it.  A reading with another figure, a mark
for a figure (a value that may end early), or two characters lost gainsays the field, which stays in
doubt and is not read a third way.

The readings are scripted here (what Tesseract says of the cut-out is not the rule's business); the
page is a blank image of a fax page's size, the field's box on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.recheck import Recheck
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm

BOX = (300.0, 80.0, 460.0, 110.0)
UNSURE = 0.49  # as the page's reading gave the date


class Scripted:
    """A way of reading cut-outs that says `text` at `confidence` of each, and counts its calls."""

    def __init__(self, text: str, confidence: float) -> None:
        self.text, self.confidence, self.calls = text, confidence, 0

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        self.calls += 1
        said = (Word(self.text, 20, 10, 180, 40, self.confidence),)
        return [PageWords(c.number, 200.0, 60.0, 204.0, said, "ocr") for c in crops]


def _confirmed(first: Scripted, second: Scripted, third: Scripted) -> float:
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), 102.0)
    page = PageWords(1, 1728.0, 400.0, 102.0, (Word("23/11/2026", *BOX, UNSURE),), "ocr")
    found = Evidence("order_date", UNSURE, Provenance(page=1, box=BOX, raw="23/11/2026"))
    order = CapturedOrder(evidence=(found,))
    (got,) = confirm([order], [Recheck(0, "order_date", 1.0)], [image], [page], [first, second], third)
    vouched = got.evidence_for("order_date")
    assert vouched is not None
    return vouched.confidence


def test_a_reading_that_lost_a_figure_to_a_symbol_is_stood_in_for_by_a_third_reading_alike() -> None:
    third = Scripted("23/11/2026", 0.9)
    assert _confirmed(Scripted("23/11/202€", 0.91), Scripted("23/11/2026", 0.87), third) >= 0.8
    assert third.calls == 1


def test_the_third_reading_must_say_it_exactly_with_confidence() -> None:
    blurred, alike = Scripted("23/11/202€", 0.91), Scripted("23/11/2026", 0.87)
    assert _confirmed(blurred, alike, Scripted("23/11/2028", 0.95)) == UNSURE
    assert _confirmed(blurred, alike, Scripted("23/11/2026", 0.6)) == UNSURE
    assert _confirmed(blurred, alike, Scripted("23/11/202€", 0.95)) == UNSURE


def test_the_other_reading_must_say_it_with_confidence() -> None:
    third = Scripted("23/11/2026", 0.95)
    assert _confirmed(Scripted("23/11/202€", 0.91), Scripted("23/11/2026", 0.6), third) == UNSURE


def test_a_reading_with_another_figure_a_mark_or_two_characters_lost_gainsays_it() -> None:
    alike = Scripted("23/11/2026", 0.9)
    for gainsaying in ("23/11/2028", "23/11/202.", "23/11/20€€", "23/11/202"):
        third = Scripted("23/11/2026", 0.95)
        assert _confirmed(Scripted(gainsaying, 0.91), alike, third) == UNSURE
        assert third.calls == 0
