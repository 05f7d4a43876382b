"""A quantity whose figures OCR read but could not take as a number, its own cell read again (faxvo29).

The business rule: a line's quantity is what its quantity cell prints.  Where the page's reading of that
cell is figures that make no number ("90/00" for 90,00: the decimal mark read as a slash), the layout
reader works the quantity out of the amount and the price (16,20 / 0,18 = 90), and such a figure is
no reading (a discount the page's reading missed leaves a whole number too), so it waits for a person.
The cell's own ink, read again alone, may say the quantity: a reading that makes quantity × price the
amount is the quantity as printed and is vouched for as any cell read again that agrees; a reading of
another figure ("100,00") leaves the line for a person.  A row whose quantity was read is not read again
for it.  The page is built word by word (tests.unit.parsers.ocr_support); the cells' readings are
scripted."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder
from parsers.layout import extract_orders
from parsers.ocr.cells import reread_numbers
from parsers.ocr.images import PageImage
from tests.unit.parsers.ocr_support import order, row

UNSURE = 0.8  # validation's floor: a field read with less confidence waits for a person
QTY_X = 350  # where ocr_support's "Cantidad" column prints its figures


def _page() -> PageWords:
    """Two rows: 12 uds of TOR-M8-40 at 4,75 = 57,00, and SIL-TRA-300 at 0,18 = 16,20 whose quantity
    the page's reading gave as "90/00"; the total 73,20 under them."""
    silicone = (
        (50, "SIL-TRA-300"),
        (130, "Silicona"),
        (QTY_X, "90/00"),
        (390, "uds"),
        (440, "0,18"),
        (505, "16,20"),
    )
    return order([row("TOR-M8-40", "12", "4,75", "57,00"), silicone], total="73,20")


def _word(text: str) -> tuple[Word, ...]:
    return (Word(text, 10.0, 5.0, 10.0 + 6 * len(text), 12.0, 0.9),) if text else ()


def _read_again(quantity: str) -> CapturedOrder:
    """The order read from `_page`, its doubtful number cells read again: the quantity's cell says
    `quantity`, the price's and the amount's what they print."""
    page = _page()
    extraction = extract_orders([page])
    blank = PageImage.from_image(1, Image.new("1", (round(page.width), round(page.height)), 1), page.dpi)

    def scripted(crops: Sequence[PageImage]) -> list[PageWords]:
        texts = [quantity, "0,18", "16,20"][-len(crops) :]  # the second line's cells, in order
        return [
            PageWords(c.number, float(c.width), float(c.height), 72.0, _word(text), "ocr")
            for c, text in zip(crops, texts, strict=True)
        ]

    (got,) = reread_numbers(
        extraction.orders, [blank], [page], [scripted], extraction.bases, extraction.quantities
    )
    return got


def test_the_page_reading_of_the_cell_gives_no_quantity_of_its_own() -> None:
    (got,) = extract_orders([_page()]).orders
    assert got.lines[1].quantity == Decimal(90)  # worked out of 16,20 / 0,18
    quantity = got.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence < UNSURE


def test_a_cell_whose_figures_gave_no_quantity_is_where_the_row_prints_it() -> None:
    (cell,) = extract_orders([_page()]).quantities
    assert (cell.order, cell.line, cell.page) == (0, 1, 1)
    x0, _, x1, _ = cell.box
    assert x0 <= QTY_X and x1 >= QTY_X + 5 * 5.4  # the five characters of "90/00" inside it
    assert x1 <= 390  # short of the unit "uds"


def test_the_cell_read_again_as_the_quantity_that_agrees_is_vouched_for() -> None:
    got = _read_again("90,00")  # 90 × 0,18 = 16,20
    assert got.lines[1].quantity == Decimal(90)
    quantity = got.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence >= UNSURE
    assert quantity.provenance.raw == "90,00"


def test_the_cell_read_again_as_another_figure_keeps_the_line_for_a_person() -> None:
    got = _read_again("100,00")  # 100 × 0,18 is not 16,20: a discount the page's reading missed?
    assert got.lines[1].quantity == Decimal(90)
    quantity = got.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence < UNSURE


def test_the_cell_read_again_as_its_page_reading_keeps_the_line_for_a_person() -> None:
    got = _read_again("90/00")  # says no more than the page did
    quantity = got.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence < UNSURE


def test_a_row_whose_quantity_was_read_has_no_cell_to_read_again() -> None:
    page = order([row("TOR-M8-40", "12", "4,75", "57,00"), row("SIL-TRA-300", "90", "0,18", "16,20")])
    assert extract_orders([page]).quantities == ()
