"""A date the page read with a separator for another, read again (parsers.ocr.recheck.confirm).

The business rule: a date whose page reading had a separator OCR read as another ("23.11,2026", taken
for 23.11.2026) is vouched for when every reading of its ink again says the same figures in the same
order with the separators as printed ("23.11.2026"), a date as it stands, each with confidence.  A
reading with any other figure, or one that is a date only once mended, leaves it in doubt; and no field
but a date is read alike for another separator.

The readings are scripted here (what Tesseract says of the cut-out is not the rule's business); the
page is a blank image of a fax page's size, the field's box on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.recheck import Recheck
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm

BOX = (300.0, 80.0, 460.0, 110.0)
UNSURE = 0.72  # a date its label is sure of, read with a separator mended


def _says(text: str, confidence: float = 0.93) -> Callable[[Sequence[PageImage]], list[PageWords]]:
    def read(crops: Sequence[PageImage]) -> list[PageWords]:
        said = (Word(text, 20, 10, 180, 40, confidence),)
        return [PageWords(c.number, 200.0, 60.0, 204.0, said, "ocr") for c in crops]

    return read


def _confidence(path: str, printed: str, *again: str) -> float:
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), 204.0)
    page = PageWords(1, 1728.0, 400.0, 204.0, (Word(printed, *BOX, 0.9),), "ocr")
    found = Evidence(path, UNSURE, Provenance(page=1, box=BOX, raw=printed))
    order = CapturedOrder(evidence=(found,))
    (got,) = confirm([order], [Recheck(0, path, 1.0)], [image], [page], [_says(t) for t in again])
    vouched = got.evidence_for(path)
    assert vouched is not None
    return vouched.confidence


def test_a_date_read_again_with_its_separators_as_printed_is_vouched_for() -> None:
    assert _confidence("order_date", "23.11,2026", "23.11.2026", "23.11.2026") >= 0.8
    assert _confidence("requested_delivery_date", "08,12.26", "08.12.26", "08.12.26") >= 0.8
    # other figures, a reading that is a date only once mended, a field that is no date: in doubt
    assert _confidence("order_date", "23.11,2026", "23.11.2026", "28.11.2026") == UNSURE
    assert _confidence("order_date", "23.11,2026", "23.11.2026", "23.1l.2026") == UNSURE
    assert _confidence("order_date", "23.11,2026", "23.11.2026", "2311.2026") == UNSURE
    assert _confidence("po_number", "PO-26/114", "PO.26.114", "PO.26.114") == UNSURE
