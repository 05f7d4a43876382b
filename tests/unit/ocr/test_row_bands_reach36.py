"""A normal fax table whose first rows all read wrong (parsers.ocr.bands, `_reach`), without Tesseract:
what each band reads again is given.  Written out: the rows that add up stand at the foot of the table
and the rows above them, down from the heading, are each spoilt past reading, so that the layout keeps
them with nothing read.  Those rows are still the table's: between its heading and its first row read,
a row pitch apart.  They are read again by their bands, not only the one next to the first row read,
and each is kept where it then adds up; the heading above, which prints in the number columns but is
no row, ends the reach, and a line printed well above the table is not read again."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from parsers.ocr import bands
from parsers.ocr.images import PageImage
from tests.unit.parsers.ocr_support import INK, cells, order, row

NORMAL = (204.0, 98.0)


def _spoilt(code: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (50, code), (130, "Tornillo"), (350, qty), (390, "uds"), (440, price), (505, amount)


# what the fax printed in the three spoilt rows: 2.500 × 0,05 = 125,00; 3 × 12,80 = 38,40; 5 × 3,15 = 15,75
PRINTED = {
    0: ((350, "2.500"), (390, "uds"), (440, "0,05"), (505, "125,00")),
    1: ((350, "3"), (390, "uds"), (440, "12,80"), (505, "38,40")),
    2: ((350, "5"), (390, "uds"), (440, "3,15"), (505, "15,75")),
}


def _page(total: str = "226,15") -> PageWords:
    """Three rows spoilt over two that add up (45,00 and 2,00), the total printed under them."""
    return order(
        [
            _spoilt("TUE-M8", "¿.5UU", "0,05", "1J5,00"),
            _spoilt("LLA-AJ-250", "3", "1¿,80", "3¿,40"),
            _spoilt("ALA-GAL-2", "5", "3,¿5", "¿5,75"),
            row("TOR-M8-40", "250", "0,18", "45,00"),
            row("ARA-M8", "100", "0,02", "2,00"),
        ],
        total=total,
    )


def _image() -> PageImage:
    return PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0, NORMAL)


class Rows:
    """Reads the band of the row printed at each height as the fax printed it; counts the bands."""

    def __init__(self, page: PageWords) -> None:
        self.wanted = bands.find_bands(extract_orders([page]).orders, [page])
        self.read = 0

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        self.read += len(crops)
        out = []
        for crop, band in zip(crops, self.wanted, strict=True):
            row_index = round((band.centre - 174 - INK / 2) / 14)  # the rows stand from 174, 14 apart
            margin = (crop.width - 595) / 2
            placed = cells(0, *((x + margin, text) for x, text in PRINTED.get(row_index, ())))
            middle = (crop.height - INK) / 2
            words = tuple(Word(w.text, w.x0, middle, w.x1, middle + INK, 0.9) for w in placed)
            out.append(PageWords(crop.number, crop.width, crop.height, 72.0, words, "ocr"))
        return out


def test_every_spoilt_row_between_the_heading_and_the_first_row_read_is_a_band() -> None:
    page = _page()
    middles = sorted(
        round(b.centre - INK / 2) for b in bands.find_bands(extract_orders([page]).orders, [page])
    )
    # main read only the row next to the first one that adds up (202): a row's pitch and a half above it
    assert middles == [174, 188, 202]


def test_the_rows_read_again_are_order_lines_the_total_vouches_for() -> None:
    page = _page()
    rows = Rows(page)
    got, _ = bands.reread_rows(extract_orders([page]), [_image()], [page], rows, extract_orders)
    assert rows.read == 3
    (found,) = got.orders
    assert [(line.item_code, line.quantity, line.unit_price, line.amount) for line in found.lines] == [
        ("TUE-M8", Decimal(2500), Decimal("0.05"), Decimal("125.00")),
        ("LLA-AJ-250", Decimal(3), Decimal("12.80"), Decimal("38.40")),
        ("ALA-GAL-2", Decimal(5), Decimal("3.15"), Decimal("15.75")),
        ("TOR-M8-40", Decimal(250), Decimal("0.18"), Decimal("45.00")),
        ("ARA-M8", Decimal(100), Decimal("0.02"), Decimal("2.00")),
    ]


def test_the_heading_ends_the_reach_a_line_above_it_is_no_band() -> None:
    # a line over the table printing figures in the number columns (a reference box), above the heading
    above = cells(146, (350, "12"), (440, "3,40"), (505, "7,00"))
    page = _page()
    page = PageWords(page.number, page.width, page.height, page.dpi, page.words + tuple(above), "ocr")
    middles = sorted(
        round(b.centre - INK / 2) for b in bands.find_bands(extract_orders([page]).orders, [page])
    )
    assert 146 not in middles and middles == [174, 188, 202]
