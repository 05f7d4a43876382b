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
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr import lookalike
from parsers.ocr.images import PageImage

DPI = 204.0
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core, installed by make install
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
READ = 0.88  # as the page's reading gave the order number on the tuning fax


def _confidence(
    printed: str, read: str, *, bar_lost: bool = False, face: str = SANS, size: int = 28
) -> float:
    """The confidence of the order number `printed` in `face` at `size` px (10-point type at 204 dpi)
    on a fax-wide strip, read by the page and twice again as `read`; with `bar_lost`, the top of every
    7 of it wiped as a fax line drops a 7's bar."""
    sheet = Image.new("1", (1728, 120), 1)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(face, size)
    x, y = 400, 40
    draw.text((x, y), printed, font=font, fill=0)
    if bar_lost:
        for i, c in enumerate(printed):
            if c == "7":
                left = x + draw.textlength(printed[:i], font=font)
                x0, y0, x1, y1 = draw.textbbox((left, y), "7", font=font)
                draw.rectangle((x0, y0, x1, y0 + (y1 - y0) // 4), fill=1)
    return read_again(sheet, read)


def read_again(sheet: Image.Image, read: str) -> float:
    """The confidence of the order number on the fax-wide strip `sheet` (1 bit, 204 dpi across, a normal
    fax's rows), read by the page and twice again as `read`."""
    box = tuple(float(v) for v in sheet.convert("L").point(lambda v: 255 - v).getbbox() or (0, 0, 0, 0))
    words = (Word("Pedido", 300.0, box[1], 380.0, box[3], 0.93), Word(read, *box, READ))
    page = PageWords(1, 1728.0, 120.0, DPI, words, "ocr")
    where = Provenance(page=1, box=box, raw=read)
    order = CapturedOrder(po_number=read, evidence=(Evidence("po_number", READ, where),))

    def reading(crops: list[PageImage]) -> list[PageWords]:
        said = (Word(read, 0, 0, 90, 20, 0.88),)
        return [PageWords(c.number, 100.0, 30.0, DPI, said, "ocr") for c in crops]

    image = PageImage.from_image(1, sheet, DPI, (DPI, 98.0))
    (got,) = lookalike.doubt_lookalikes([order], [image], [page], [reading, reading])
    found = got.evidence_for("po_number")
    assert found is not None
    return found.confidence


def test_a_seven_without_its_bar_read_as_a_slash_waits() -> None:
    assert _confidence("PO72114", "PO/2114", bar_lost=True) < 0.8


def test_a_printed_slash_stays_as_sure_as_read() -> None:
    assert _confidence("PO/2114", "PO/2114") == READ


@pytest.mark.parametrize("number", ["PUR/2026/04097", "OC/26/57898", "26/4471"])
def test_slashes_printed_in_a_monospaced_face_stay_as_sure_as_read(number: str) -> None:
    assert _confidence(number, number, face=MONO) == READ


def test_a_number_without_a_slash_is_left_to_the_other_rules() -> None:
    assert _confidence("PO72114", "PO72114") == READ
