"""A header field read again, one of the two readings saying it only unsure (parsers.ocr.recheck.confirm).

The business rule: a field the layout is sure of but for its characters is vouched for when every
reading of its ink again says exactly what the page's reading said, each with confidence.  A reading
that says the same but unsure neither vouches nor gainsays: the field is read a third way, and that
reading, when it too says exactly the same with confidence, stands in for the unsure one.  A third
reading that says something else, or says it unsure, leaves the field in doubt; and a field one
reading gainsays is never read the third way at all.

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
UNSURE = 0.55  # as the layout gives a date its label is sure of, read by OCR with little confidence


class Scripted:
    """A way of reading cut-outs that says `text` at `confidence` of each, and counts its calls."""

    def __init__(self, text: str, confidence: float) -> None:
        self.text, self.confidence, self.calls = text, confidence, 0

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        self.calls += 1
        said = (Word(self.text, 20, 10, 180, 40, self.confidence),)
        return [PageWords(c.number, 200.0, 60.0, 204.0, said, "ocr") for c in crops]


def _confirmed(first: Scripted, second: Scripted, third: Scripted) -> float:
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), 204.0)
    page = PageWords(1, 1728.0, 400.0, 204.0, (Word("24.11.2026", *BOX, 0.55),), "ocr")
    found = Evidence("order_date", UNSURE, Provenance(page=1, box=BOX, raw="24.11.2026"))
    order = CapturedOrder(evidence=(found,))
    (got,) = confirm([order], [Recheck(0, "order_date", 1.0)], [image], [page], [first, second], third)
    vouched = got.evidence_for("order_date")
    assert vouched is not None
    return vouched.confidence


def test_a_third_reading_alike_with_confidence_stands_in_for_one_alike_but_unsure() -> None:
    third = Scripted("24.11.2026", 0.93)
    assert _confirmed(Scripted("24.11.2026", 0.95), Scripted("24.11.2026", 0.59), third) >= 0.8
    assert third.calls == 1


def test_a_third_reading_unsure_or_saying_otherwise_leaves_the_field_in_doubt() -> None:
    sure, unsure = Scripted("24.11.2026", 0.95), Scripted("24.11.2026", 0.59)
    assert _confirmed(sure, unsure, Scripted("24.11.2026", 0.6)) == UNSURE
    assert _confirmed(sure, unsure, Scripted("24.11.2028", 0.95)) == UNSURE


def test_a_field_one_reading_gainsays_is_not_read_a_third_way() -> None:
    third = Scripted("24.11.2026", 0.95)
    assert _confirmed(Scripted("24.11.2026", 0.95), Scripted("24.11.2028", 0.9), third) == UNSURE
    assert third.calls == 0
