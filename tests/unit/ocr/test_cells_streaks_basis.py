"""Numeric cells read again on a fax page with a streak down it, in a table pricing per 100 units.

Business rules written out: (1) a price printed for 100 units ("95,00" under "Per 100") is 0,95 a unit;
its cell read again prints the same 95,00, and the line is quantity × 0,95 = amount (1 500 × 0,95 =
1 425,00), so the re-read of a quantity misread "1540" settles the line as on any other table; (2) a
streak down the page (dirt on the sending fax's glass, dashed: 6 pixels of ink, 1 of paper) is no figure:
a cell cut out to be read again has it taken away, and the figures beside it are left as printed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.layout import PageWords, Word
from parsers.ocr.cells import settle
from parsers.ocr.cutouts import MARGIN, PAD_Y, Cell, cut_out
from parsers.ocr.images import PageImage
from tests.unit.ocr.test_cells import numbers, order, rereads

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def per_hundred(quantity: str) -> object:
    """The line as the layout reader gives it: the price cell read "95,00" and divided by its basis."""
    read = order(quantity, "95,00", "1425,00")
    (line,) = read.lines
    return replace(read, lines=(replace(line, unit_price=Decimal("0.95")),))


def test_a_quantity_read_again_settles_a_line_priced_per_hundred() -> None:
    # the page states the basis (the layout reader's `Extraction.bases`: line 0 priced per 100)
    got = settle(per_hundred("1540"), rereads("1500", "95,00", "1425,00"), {0: 100})  # type: ignore[arg-type]
    assert numbers(got) == (Decimal(1500), Decimal("0.95"), Decimal("1425.00"))


def test_a_price_neither_of_one_nor_per_a_basis_is_left_for_a_person() -> None:
    """The layout reader's price is not the cell's reading over 10, 100 or 1000: no basis is assumed."""
    read = order("1540", "95,00", "1425,00")
    (line,) = read.lines
    odd = replace(read, lines=(replace(line, unit_price=Decimal("0.93")),))
    got = settle(odd, rereads("1500", "95,00", "1425,00"), {0: 100})
    assert got.lines[0].quantity == Decimal(1540)


def fax_page() -> tuple[PageImage, PageWords, tuple[float, float, float, float]]:
    """A listing of quantities, a dashed streak down the page through the hollow of one "0"."""
    if not FONT.exists():
        pytest.skip("DejaVu fonts are not installed")
    img = Image.new("L", (900, 1400), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 22)
    words = []
    for i in range(20):
        y = 40 + 60 * i
        for x, text in ((60, f"TOR-M{i}"), (300, "1,500.000"), (600, "1,425.00")):
            draw.text((x, y), text, fill=0, font=font)
            words.append(Word(text, *draw.textbbox((x, y), text, font=font), confidence=0.9))
    cell = next(w for w in words if w.text == "1,500.000")
    zero = cell.x0 + draw.textlength("1,5", font=font) + draw.textlength("0", font=font) / 2
    for y in range(10, 1390, 7):
        draw.rectangle((zero - 1, y, zero, y + 5), fill=0)  # two pixels wide, 6 of ink and 1 of paper
    page = PageImage.from_image(1, img.convert("1", dither=Image.Dither.NONE), 200.0, (200.0, 200.0))
    return page, PageWords(1, 900, 1400, 200.0, tuple(words)), (cell.x0, cell.y0, cell.x1, cell.y1)


def inked(img: Image.Image) -> int:
    return sum(img.convert("L").histogram()[:128])


def above_figures(cut: PageImage, box: tuple[float, float, float, float]) -> int:
    """Ink in the rows of the cut-out between its white margin and the figures' tops."""
    h = box[3] - box[1]
    top = round(MARGIN * h)
    return inked(cut.image().crop((0, top, cut.width, top + round(PAD_Y * h) - 1)))


def test_a_number_cell_is_cut_out_without_the_streak_through_it() -> None:
    page, words, box = fax_page()
    cell = Cell("lines[0].quantity", 1, box)
    [plain] = cut_out([cell], [page], [words])
    [clean] = cut_out([cell], [page], [words], streaks=False)
    # the cut-out as printed holds the streak above and below the figures, where no figure is
    assert above_figures(plain, box) > 0 and above_figures(clean, box) == 0
    # the figures stay: what went is little more than the streak's own pixels (2 px down the cut-out)
    lost = inked(plain.image()) - inked(clean.image())
    assert 0 < lost <= 2 * plain.image().height + 4


def test_the_other_reads_of_a_cut_out_keep_the_page_as_read() -> None:
    """Only numbers are read again from the page without its streaks: order numbers, dates and codes are
    cut as before."""
    page, words, box = fax_page()
    [plain] = cut_out([Cell("po_number", 1, box)], [page], [words])
    assert above_figures(plain, box) > 0
