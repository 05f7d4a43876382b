"""Quantity cells the page's reading spoilt, read again from their own ink (faxgh29).

The business rule: a line's quantity is what its quantity cell prints.  Where the page's reading gave
no quantity there, the layout reader works it out of the amount and the price; that figure is no
reading, so it waits for a person, unless the quantity's own cell, read again alone, says the figure
that makes quantity × price (less the line's discount) the amount.  The page is built word by word
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


def _read_again(page: PageWords, said: Sequence[str]) -> tuple[CapturedOrder, Extraction, list[int]]:
    """The order read from `page`, its doubtful number cells read again: the second line's cells, in
    order (its quantity's, price's and amount's), say `said`; with how many cells each read was given."""
    extraction = extract_orders([page])
    blank = PageImage.from_image(1, Image.new("1", (round(page.width), round(page.height)), 1), page.dpi)
    asked: list[int] = []

    def scripted(crops: Sequence[PageImage]) -> list[PageWords]:
        asked.append(len(crops))
        return [
            PageWords(c.number, float(c.width), float(c.height), 72.0, _word(text), "ocr")
            for c, text in zip(crops, said, strict=True)
        ]

    (got,) = reread_numbers(
        extraction.orders, [blank], [page], [scripted], extraction.bases, extraction.quantities
    )
    return got, extraction, asked


def _word(text: str) -> tuple[Word, ...]:
    return (Word(text, 10.0, 5.0, 10.0 + 6 * len(text), 12.0, 0.9),) if text else ()


def _sure(got: CapturedOrder, field: str) -> bool:
    found = got.evidence_for(field)
    return found is not None and found.confidence >= UNSURE


def test_a_quantity_whose_figures_read_as_no_number_is_read_again_from_its_cell() -> None:
    # 90 printed under "Cantidad", read by the page as "9:0" (a speck between its figures): no number,
    # so 90 is worked out of 16,20 / 0,18; but "9:0" is the quantity's own ink, and its cell read again
    # says 90: the quantity read, as printed, and vouched
    silicone = (
        (50, "SIL-TRA-300"),
        (130, "Silicona"),
        (350, "9:0"),
        (390, "uds"),
        (440, "0,18"),
        (505, "16,20"),
    )
    page = order([row("TOR-M8-40", "12", "4,75", "57,00"), silicone], total="73,20")
    cells = extract_orders([page]).quantities
    assert len(cells) == 1 and cells[0].line == 1
    assert cells[0].box[0] <= 350 and cells[0].box[2] >= 350 + 3 * 5.4  # "9:0" inside the cell read
    got, _, asked = _read_again(page, ["90", "0,18", "16,20"])
    assert asked == [3]
    assert got.lines[1].quantity == Decimal(90)
    assert _sure(got, "lines[1].quantity")
    found = got.evidence_for("lines[1].quantity")
    assert found is not None and found.provenance.raw == "90"
