"""A total with tax read a figure off, which the order's own sums mend (parsers.ocr.recheck.confirm).

The business rule: on a scan, a total with tax OCR read one figure off ("59,45" under a net total of
45,00 and a tax of 9,45 at a printed 21 %) is taken as the net plus the tax, the one sum the order's
figures allow, but doubtful: a person confirms a mended figure.  When the net total is the lines' sum
and the tax its share at the rate printed, and every reading of the total's ink again says the mended
figures ("54,45") with confidence, the sums and a second reading of the printed figure agree, and the
total is vouched for.  A reading again that says what the page first read, or anything else, leaves it
doubtful.

The readings are scripted (what Tesseract says of the cut-out is not the rule's business); the page
image is blank, of the page's size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, row, word

FLOOR = 0.8  # validation's floor: a field under it waits for a person


def _order(total_read: str) -> PageWords:
    """Order PED-26/00123 of C-1001: 250 screws at 0,18 for 45,00; net 45,00, IVA 21 % 9,45, and a
    total OCR read as `total_read` (printed 54,45)."""
    lines = header_rows(delivery=None)
    lines.append(cells(160, *HEADING))
    lines.append(cells(160 + STEP, *row("TOR-M8-40", "250", "0,18", "45,00")))
    lines.append(cells(160 + 3 * STEP, (380, "Base imponible"), (500, "45,00")))
    lines.append(cells(160 + 4 * STEP, (380, "IVA 21 %"), (500, "9,45")))
    lines.append([*cells(160 + 5 * STEP, (380, "Total")), word(total_read, 500, 160 + 5 * STEP, conf=0.85)])
    return page(*lines)


def _says(text: str, confidence: float) -> Callable[[Sequence[PageImage]], list[PageWords]]:
    def read(crops: Sequence[PageImage]) -> list[PageWords]:
        said = (Word(text, 10, 10, 10 + 12 * len(text), 40, confidence),)
        return [PageWords(c.number, 400.0, 60.0, 204.0, said, "ocr") for c in crops]

    return read


def _total(printed: PageWords, *again: Callable[[Sequence[PageImage]], list[PageWords]]) -> tuple[str, float]:
    extraction = extract_orders([printed])
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
    orders = list(extraction.orders)
    (got,) = confirm(orders, extraction.rechecks, [image], [printed], list(again)) if again else orders
    found = got.evidence_for("total")
    assert found is not None
    return str(got.total), found.confidence


def test_a_mended_total_its_ink_read_again_says_is_vouched_for() -> None:
    value, before = _total(_order("59,45"))
    assert value == "54.45"
    assert before < FLOOR  # mended, and nothing read again: a person confirms it
    assert _total(_order("59,45"), _says("54,45", 0.93), _says("54,45", 0.9)) == (
        "54.45",
        0.9,
    )  # as sure as its least sure reading again

    # read again as the page first read it, or unsure by one way, or another figure: still doubtful
    assert _total(_order("59,45"), _says("59,45", 0.95), _says("59,45", 0.95))[1] < FLOOR
    assert _total(_order("59,45"), _says("54,45", 0.95), _says("54,45", 0.6))[1] < FLOOR
    assert _total(_order("59,45"), _says("54,45", 0.95), _says("51,45", 0.95))[1] < FLOOR
