"""An order number printed on a fax-wide strip and read through parsers.ocr.lookalike.doubt_lookalikes,
for the tests of a slash that may be a 7 whose bar the fax line lost."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr import lookalike
from parsers.ocr.images import PageImage

DPI = 204.0
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core, installed by make install
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
READ = 0.88  # as the page's reading gave the order number on the tuning fax


def number_strip(printed: str, *, bar_lost: bool = False, face: str = SANS, size: int = 28) -> Image.Image:
    """`printed` in `face` at `size` px (10-point type at 204 dpi) on a fax-wide 1-bit strip; with
    `bar_lost`, the top of every 7 of it wiped as a fax line drops a 7's bar."""
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
    return sheet


def number_doubted(sheet: Image.Image, read: str, again: str, *, label: str) -> CapturedOrder:
    """The order whose number the page read as `read` (at `READ`, after the word `label`) from the strip
    `sheet` (1 bit, 204 dpi across, a normal fax's rows), each of two readings again saying `again`."""
    box = tuple(float(v) for v in sheet.convert("L").point(lambda v: 255 - v).getbbox() or (0, 0, 0, 0))
    words = (Word(label, 300.0, box[1], 380.0, box[3], 0.93), Word(read, *box, READ))
    page = PageWords(1, 1728.0, 120.0, DPI, words, "ocr")
    order = CapturedOrder(
        po_number=read, evidence=(Evidence("po_number", READ, Provenance(page=1, box=box, raw=read)),)
    )

    def reading(crops: list[PageImage]) -> list[PageWords]:
        said = (Word(again, 0, 0, 90, 20, 0.88),)
        return [PageWords(c.number, 100.0, 30.0, DPI, said, "ocr") for c in crops]

    image = PageImage.from_image(1, sheet, DPI, (DPI, 98.0))
    (got,) = lookalike.doubt_lookalikes([order], [image], [page], [reading, reading])
    return got


def read_again(sheet: Image.Image, read: str) -> float:
    """The confidence of the order number on the strip `sheet`, read by the page and twice again as
    `read`."""
    found = number_doubted(sheet, read, read, label="Pedido").evidence_for("po_number")
    assert found is not None
    return found.confidence
