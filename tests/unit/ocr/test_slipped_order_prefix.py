"""An order number printed once whose letters read as "PO" with its "P" slipped on the fax line
(parsers.ocr.lookalike.doubt_lookalikes, `slipped_prefix`).

The business rule: a fax line that loses the stroke closing the bowl of a "P" prints an "F" (a streak
under the bowl: an "R" or a "B"), and every reading of that ink says the same; "FO-6900" read alike
twice more is still far likelier order PO-6900 than an order numbered FO.  Such a number, printed once
and read sure, waits for a person; "PO-6900" read alike, and letters that are no slip of "PO", stay as
sure as they were read.  The cut-outs are read by the real Tesseract, as the parser reads them.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr import lookalike
from parsers.ocr.cutouts import Cell, cut_out
from parsers.ocr.engine import OcrOptions, SerialTesseract
from parsers.ocr.images import PageImage

DPI = 204.0  # a fine fax's columns
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core, installed by make install
READ = 0.89  # as the page's reading gave the order number


def _read_again(number: str) -> tuple[float, list[str]]:
    """The order number's confidence once its cut-out is read again, with what each reading said:
    "Order no: NUMBER" printed once on a fax-wide strip, read sure as NUMBER."""
    sheet = Image.new("1", (1728, 200), 1)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(FONT, 34)  # 12-point type at 204 dpi
    words: list[Word] = []
    x = 120.0
    for text in ("Order", "no:", number):
        x0, y0, x1, y1 = draw.textbbox((x, 80), text, font=font)
        draw.text((x, 80), text, font=font, fill=0)
        words.append(Word(text, float(x0), float(y0), float(x1), float(y1), 0.93 if text != number else READ))
        x = x1 + 20
    page = PageWords(1, 1728.0, 200.0, DPI, tuple(words), "ocr")
    image = PageImage.from_image(1, sheet, DPI, (DPI, 196.0))
    where = Provenance(page=1, box=(words[2].x0, words[2].y0, words[2].x1, words[2].y1), raw=number)
    order = CapturedOrder(po_number=number, evidence=(Evidence("po_number", READ, where),))
    reads = lookalike.ways_to_read(SerialTesseract().read_pages, OcrOptions())
    crops = cut_out([Cell("po_number", 1, where.box or (0, 0, 0, 0))], [image], [page])
    said = [" ".join(w.text for w in read(crops)[0].words) for read in reads]
    (got,) = lookalike.doubt_lookalikes([order], [image], [page], reads)
    found = got.evidence_for("po_number")
    assert found is not None
    return found.confidence, said


def test_an_order_number_read_alike_as_po_with_its_p_slipped_waits() -> None:
    confidence, said = _read_again("FO-6900")
    assert said == ["FO-6900", "FO-6900"]  # the readings agree: the ink says F, only the rule doubts
    assert confidence < 0.8


def test_an_order_number_read_alike_as_po_stays_as_sure_as_read() -> None:
    confidence, said = _read_again("PO-6900")
    assert said == ["PO-6900", "PO-6900"]
    assert confidence == READ


@pytest.mark.parametrize(
    ("number", "slipped"),
    [
        ("FO-6900", True),  # the "P" lost the stroke closing its bowl
        ("RO-2026-00417", True),  # a streak under the bowl read as a leg
        ("BO/26/14512", True),  # ... or as a second bowl
        ("HH-FO-00417", True),  # "PO" after the buyer's own letters
        ("fo 6900", True),
        ("PO-6900", False),
        ("PO26685", False),
        ("FN-2026-00123", False),  # letters of their own, not "PO" slipped
        ("OC/26/61549", False),
        ("F-08652", False),
        ("INFO-12", False),  # "FO" inside a longer word of letters
        ("26-44896", False),
    ],
)
def test_letters_standing_alone_that_are_po_slipped(number: str, slipped: bool) -> None:
    assert lookalike.slipped_prefix(number) is slipped
