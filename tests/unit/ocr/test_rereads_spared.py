"""Re-reads spared where no reading could change the outcome (parsers.ocr.lookalike.doubt_lookalikes,
parsers.ocr.recheck.confirm; docs/fax.md, faxcost22).

The business rules: a header field printed once and read sure stays sure only when every reading of
its ink again says it alike; so once one reading says it otherwise it waits for a person whatever the
next reading says, and an order number whose letters read as "PO" with its "P" slipped waits however
it reads.  A field OCR read unsure is vouched for only when every reading says it alike (one unsure
or blurred reading may be stood in for by a third); so once a reading says another value it stays in
doubt.  In each such case the next reading is not asked for, and the outcome is the one the rule
gives; where the next reading can still decide (a reading alike, or blurred), it is asked for.  The
readings are scripted: what Tesseract says of a cut-out is not the rules' business here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr.images import PageImage
from parsers.ocr.lookalike import doubt_lookalikes
from tests.unit.ocr.recheck_support import Scripted, confirmed_date

SURE = 0.93  # as the page's reading gave each header field
DPI = 204.0
BOXES = {
    "po_number": (300.0, 40.0, 460.0, 70.0),
    "order_date": (300.0, 100.0, 460.0, 130.0),
    "requested_delivery_date": (300.0, 160.0, 460.0, 190.0),
}


class ByField:
    """A way of reading cut-outs that says, of each field's cut-out, the text `said` gives for it (the
    field known by the place of its box on the page), and notes which fields it was asked about."""

    def __init__(self, said: dict[str, str]) -> None:
        self.said = said
        self.asked: list[str] = []

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        out = []
        for crop in crops:
            # cut_out numbers the cut-outs by the fields' order: the fields of `BOXES`, in turn
            field = list(BOXES)[crop.number - 1]
            self.asked.append(field)
            word = Word(self.said[field], 20, 10, 180, 40, 0.95, rival=0.0)
            out.append(PageWords(crop.number, 200.0, 60.0, DPI, (word,), "ocr"))
        return out


def _order(po_number: str) -> tuple[CapturedOrder, PageImage, PageWords]:
    printed = {"po_number": po_number, "order_date": "23/11/2026", "requested_delivery_date": "30/11/2026"}
    words = tuple(Word(printed[f], *BOXES[f], SURE) for f in BOXES)
    page = PageWords(1, 1728.0, 400.0, DPI, words, "ocr")
    evidence = tuple(Evidence(f, SURE, Provenance(page=1, box=BOXES[f], raw=printed[f])) for f in BOXES)
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), DPI, (DPI, 196.0))
    return CapturedOrder(po_number=po_number, evidence=evidence), image, page


def _confidences(
    po_number: str, first: dict[str, str], second: dict[str, str]
) -> tuple[dict[str, float], ByField, ByField]:
    order, image, page = _order(po_number)
    one, two = ByField(first), ByField(second)
    (got,) = doubt_lookalikes([order], [image], [page], [one, two])
    return {f: e.confidence for f in BOXES if (e := got.evidence_for(f)) is not None}, one, two


AS_PRINTED = {
    "po_number": "PED-26/00123",
    "order_date": "23/11/2026",
    "requested_delivery_date": "30/11/2026",
}


def test_a_field_the_first_reading_says_otherwise_waits_and_is_not_read_the_second_way() -> None:
    first = {**AS_PRINTED, "po_number": "PED-26/00128"}  # a figure read as another
    got, one, two = _confidences("PED-26/00123", first, AS_PRINTED)
    assert got["po_number"] < 0.8  # waits for a person, as it would whatever the second way said
    assert got["order_date"] == SURE and got["requested_delivery_date"] == SURE
    assert one.asked == list(BOXES)
    assert two.asked == ["order_date", "requested_delivery_date"]


def test_a_field_the_second_reading_says_otherwise_still_waits() -> None:
    second = {**AS_PRINTED, "order_date": "28/11/2026"}
    got, _, two = _confidences("PED-26/00123", AS_PRINTED, second)
    assert got["order_date"] < 0.8
    assert got["po_number"] == SURE and got["requested_delivery_date"] == SURE
    assert two.asked == list(BOXES)


def test_an_order_number_with_its_p_slipped_waits_without_being_read_again() -> None:
    got, one, two = _confidences("FO-6900", {**AS_PRINTED, "po_number": "FO-6900"}, AS_PRINTED)
    assert got["po_number"] < 0.8
    assert got["order_date"] == SURE
    assert "po_number" not in one.asked and "po_number" not in two.asked


UNSURE = 0.55  # an order date its label is sure of, read by OCR with little confidence


def test_an_unsure_date_the_first_reading_says_otherwise_is_not_read_the_second_way() -> None:
    second, third = Scripted("24.11.2026", 0.95), Scripted("24.11.2026", 0.95)
    got = confirmed_date("24.11.2026", UNSURE, DPI, Scripted("24.11.2028", 0.95), second, third)
    assert got == UNSURE
    assert second.calls == 0 and third.calls == 0


def test_an_unsure_date_the_first_reading_blurs_or_says_unsure_is_still_read_the_second_way() -> None:
    for first in (Scripted("24.11.202€", 0.95), Scripted("24.11.2026", 0.6)):
        second, third = Scripted("24.11.2026", 0.95), Scripted("24.11.2026", 0.93)
        got = confirmed_date("24.11.2026", UNSURE, DPI, first, second, third)
        assert second.calls == 1 and third.calls == 1
        assert got >= 0.8  # the third reading stands in for the first, as the rule says
