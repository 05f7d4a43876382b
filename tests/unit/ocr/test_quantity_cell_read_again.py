"""A quantity OCR did not read, its own cell read again (faxqc28).

The business rule: a line's quantity is what its quantity cell prints.  Where OCR read nothing in that
cell, the layout reader works the quantity out of the amount and the price (16,20 / 0,18 = 90); that
figure is no reading (a discount the page's reading missed leaves a whole number too: 100 × 0,18 less
10 % is 16,20), so it waits for a person.  Read again alone, the quantity's own cell (the row's band
across the quantity column) may say it: a reading that makes quantity × price the amount is the
quantity as printed, read, and vouched for as any cell read again that agrees; a reading of another
figure ("100") or of nothing leaves the line for a person.  The page is built word by word
(tests.unit.parsers.ocr_support); the cells' readings are scripted."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder
from parsers.layout import extract_orders
from parsers.layout.extract import Extraction
from parsers.ocr.cells import reread_numbers
from parsers.ocr.images import PageImage
from tests.unit.parsers.ocr_support import order, row

UNSURE = 0.8  # validation's floor: a field read with less confidence waits for a person
ROW_Y = 188.0  # the second row's line (ocr_support: heading at 160, a row every 14 points)


def _page() -> PageWords:
    """Two rows: 12 uds of TOR-M8-40 at 4,75 = 57,00, and SIL-TRA-300 at 0,18 = 16,20 whose quantity OCR
    read nothing of (no word in the "Cantidad" column); the total 73,20 printed under them."""
    silicone = ((50, "SIL-TRA-300"), (130, "Silicona"), (390, "uds"), (440, "0,18"), (505, "16,20"))
    return order([row("TOR-M8-40", "12", "4,75", "57,00"), silicone], total="73,20")


def _read_again(quantity: str) -> tuple[CapturedOrder, Extraction, list[int]]:
    """The order read from `_page`, its doubtful number cells read again: the quantity's cell says
    `quantity`, the price's and the amount's what they print; with the extraction and how many cells
    each read was given."""
    page = _page()
    extraction = extract_orders([page])
    blank = PageImage.from_image(1, Image.new("1", (round(page.width), round(page.height)), 1), page.dpi)
    asked: list[int] = []

    def scripted(crops: Sequence[PageImage]) -> list[PageWords]:
        # the second line's cells, in order: quantity, price, amount
        asked.append(len(crops))
        texts = [quantity, "0,18", "16,20"]
        return [
            PageWords(c.number, float(c.width), float(c.height), 72.0, _word(text), "ocr")
            for c, text in zip(crops, texts, strict=True)
        ]

    (got,) = reread_numbers(
        extraction.orders, [blank], [page], [scripted], extraction.bases, extraction.quantities
    )
    return got, extraction, asked


def _word(text: str) -> tuple[Word, ...]:
    return (Word(text, 10.0, 5.0, 10.0 + 6 * len(text), 12.0, 0.9),) if text else ()


def test_the_quantity_cell_is_where_the_row_prints_its_quantity() -> None:
    extraction = extract_orders([_page()])
    (cell,) = extraction.quantities
    assert (cell.order, cell.line, cell.page) == (0, 1, 1)
    x0, y0, x1, y1 = cell.box
    # under "Cantidad", where the first row prints "12" (350 to 361), on the second row's line
    assert x0 <= 350 and x1 >= 361
    assert x0 >= 173.2  # past the description's last word ("Silicona" ends at 173.2)
    assert x1 <= 390  # short of the unit "uds"
    assert y0 <= ROW_Y + 1 and y1 >= ROW_Y + 6  # the row's figures' height


def test_a_quantity_cell_read_again_as_the_quantity_that_agrees_is_vouched_for() -> None:
    # (a) read again alone, the cell says 90: 90 × 0,18 = 16,20, the quantity read, not worked out
    got, extraction, asked = _read_again("90")
    assert asked == [3]  # the quantity's own cell, the price's and the amount's
    assert got.lines[1].quantity == Decimal(90)
    quantity = got.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence >= UNSURE
    assert quantity.provenance.raw == "90"
    assert quantity.provenance.box == extraction.quantities[0].box  # found in its own cell


def test_a_quantity_cell_read_again_as_another_figure_keeps_the_line_for_a_person() -> None:
    # (b) the cell says 100 (a discount of 10 % the page's reading missed): 100 × 0,18 is not 16,20, and
    # the worked-out 90 is no reading; the line waits, its cell read
    got, _, asked = _read_again("100")
    assert asked == [3]
    assert got.lines[1].quantity == Decimal(90)  # as the layout reader had it, for a person to see
    quantity = got.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence < UNSURE
    price = got.evidence_for("lines[1].unit_price")
    assert price is not None and price.confidence >= UNSURE  # read twice alike, as without the cell


def test_a_quantity_cell_read_again_as_nothing_keeps_the_line_for_a_person() -> None:
    # (c) the cell, read again, says nothing: the quantity is still worked out, not read
    got, _, _ = _read_again("")
    assert got.lines[1].quantity == Decimal(90)
    quantity = got.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence < UNSURE
    price = got.evidence_for("lines[1].unit_price")
    assert price is not None and price.confidence >= UNSURE  # read twice alike, as before


def test_a_quantity_read_as_letters_stays_in_its_cell() -> None:
    # the page's reading gave "50" as letters ("so" at 350): no figure, so the quantity is worked out,
    # but those letters are the quantity's ink, and its cell, read again, must hold them
    silicone = (
        (50, "SIL-TRA-300"),
        (130, "Silicona"),
        (350, "so"),
        (390, "uds"),
        (440, "0,18"),
        (505, "9,00"),
    )
    extraction = extract_orders([order([row("TOR-M8-40", "12", "4,75", "57,00"), silicone], total="66,00")])
    (cell,) = extraction.quantities
    assert cell.box[0] <= 350 and cell.box[2] >= 350 + 2 * 5.4  # "so": two characters of 5.4 points
