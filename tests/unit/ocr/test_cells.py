"""The rule for numeric cells read again (parsers.ocr.cells), without Tesseract: the re-read texts are
given.  Written out: a line whose quantity × unit price is not its amount (to the cent) takes the
re-read values that make it agree, when exactly one set of values does; a re-read that merely
differs, two re-reads agreeing in different ways, or a re-read that breaks lines that added up to
the printed total are not taken.  Only numbers read from a cell of their own are read again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from functools import partial

from PIL import Image

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, Provenance
from parsers.ocr.cells import _read_cells, in_doubt, settle
from parsers.ocr.cutouts import cell_options
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage

WRONG = 0.38  # what the layout reader gives a number on a line that does not add up


def order(
    quantity: str,
    price: str,
    amount: str,
    *,
    total: str | None = None,
    price_box: str = "own",
    quantity_box: str = "own",
    amount_fitted: str | None = None,
) -> CapturedOrder:
    """One line as read, each number with a box of its own (the price's or the quantity's the amount's
    when it was computed from the amount), printed with a decimal comma; `amount_fitted` the amount the
    layout reader took instead of the one read (a digit it repaired to make the line agree)."""
    boxes = {
        "quantity": (400.0, 100.0, 440.0, 120.0),
        "unit_price": (500.0, 100.0, 580.0, 120.0),
        "amount": (700.0, 100.0, 790.0, 120.0),
    }
    if price_box == "amount":
        boxes["unit_price"] = boxes["amount"]
    if quantity_box == "amount":
        boxes["quantity"] = boxes["amount"]
    raws = {"quantity": quantity, "unit_price": price, "amount": amount}
    line = CapturedLine(
        line_no="1",
        item_code="TOR-M8-40",
        quantity=Decimal(quantity.replace(",", ".")),
        unit_price=Decimal(price.replace(",", ".")),
        amount=Decimal((amount_fitted or amount).replace(",", ".")),
    )
    evidence = tuple(
        Evidence(f"lines[0].{name}", WRONG, Provenance(page=1, box=box, raw=raws[name]))
        for name, box in boxes.items()
    )
    return CapturedOrder(
        po_number="PO-1",
        lines=(line,),
        total=Decimal(total.replace(",", ".")) if total else None,
        evidence=evidence,
    )


def rereads(quantity: str, price: str, amount: str) -> dict[str, str]:
    return {"lines[0].quantity": quantity, "lines[0].unit_price": price, "lines[0].amount": amount}


def numbers(o: CapturedOrder) -> tuple[Decimal | None, ...]:
    (line,) = o.lines
    return (line.quantity, line.unit_price, line.amount)


def test_a_reread_that_makes_the_line_agree_is_taken() -> None:
    read = order("15", "12,30", "192,00", total="192,00")  # 15 × 12.30 = 184.50, not 192.00
    got = settle(read, rereads("15", "12,80", "192,00"))
    assert numbers(got) == (Decimal(15), Decimal("12.80"), Decimal("192.00"))  # 15 × 12.80 = 192.00
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.provenance.raw == "12,80"
    assert price.confidence >= 0.8  # the line and the total both vouch for it now


def test_a_reread_that_merely_differs_is_not_taken() -> None:
    read = order("15", "12,30", "200,00")
    # 15 × 12.80 = 192.00: still not the amount, so the re-read is no better than the first read
    got = settle(read, rereads("15", "12,80", "200,00"))
    assert got == read


def test_two_rereads_agreeing_in_different_ways_settle_nothing() -> None:
    read = order("10", "2,00", "30,00")
    # 15 × 2.00 = 30.00 and 10 × 3.00 = 30.00: which cell was misread, the arithmetic cannot say
    got = settle(read, rereads("15", "3,00", "30,00"))
    assert got == read


def test_a_reread_that_breaks_lines_adding_up_to_the_total_is_not_taken() -> None:
    read = order("15", "12,30", "192,00", total="192,00")  # the amount agrees with the printed total
    # 15 × 12.30 = 184.50 agrees with the line, but the lines would no longer add up to 192.00
    got = settle(read, rereads("15", "12,30", "184,50"))
    assert got == read


def test_a_reread_with_marks_at_its_edges_is_read_as_the_number() -> None:
    read = order("15", "12,30", "192,00")
    got = settle(read, {"lines[0].unit_price": "12,80.", "lines[0].amount": "-192,00"})
    assert numbers(got) == (Decimal(15), Decimal("12.80"), Decimal("192.00"))


def test_a_reread_overrules_a_digit_the_layout_reader_repaired_to_fit() -> None:
    # the page printed 20 × 12,80 = 256,00; read as 12,90 and 256,00, the layout reader repaired the
    # amount to 258,00 to fit the misread price.  Read again, the price says 12,80 and the amount 256,00
    read = order("20", "12,90", "256,00", amount_fitted="258,00")
    got = settle(read, rereads("20", "12,80", "256,00"))
    assert numbers(got) == (Decimal(20), Decimal("12.80"), Decimal("256.00"))


def test_a_line_that_adds_up_and_was_read_sure_is_not_read_again() -> None:
    sure = order("15", "12,80", "192,00")
    sure = CapturedOrder(
        lines=sure.lines, evidence=tuple(Evidence(e.field, 0.97, e.provenance) for e in sure.evidence)
    )
    assert list(in_doubt(sure)) == []
    assert [c.path for c in in_doubt(order("15", "12,30", "192,00"))] == [
        "lines[0].quantity",
        "lines[0].unit_price",
        "lines[0].amount",
    ]


def test_a_number_computed_from_the_amount_is_not_read_again() -> None:
    # the price column was not read: the layout computed the price and pointed at the amount's cell
    read = order("15", "12,30", "192,00", price_box="amount")
    assert [c.path for c in in_doubt(read)] == ["lines[0].quantity", "lines[0].amount"]


def test_a_cell_read_two_ways_may_agree_by_either_read() -> None:
    # 50 × 0,18 = 9,00: the quantity read as 0 on the page, 30 upscaled and 50 at the page's resolution
    read = order("0", "0,1800", "9,00")
    got = settle(read, {"lines[0].quantity": ("30", "50"), "lines[0].amount": ("9,00", "9,00")})
    assert numbers(got) == (Decimal(50), Decimal("0.18"), Decimal("9.00"))
    quantity = got.evidence_for("lines[0].quantity")
    assert quantity is not None and quantity.provenance.raw == "50"


def test_a_price_computed_from_the_amount_and_rounded_is_not_vouched_by_the_cells_read_again() -> None:
    # 24 × 7.31 less 10 % = 157.896, printed 157.90; the price cell read as nothing, so the layout
    # reader computed 157.90 / 0.9 / 24 = 7.3102 from the amount.  Quantity and amount read again
    # alike agree with it only because it was computed from them: it is no reading of the price
    read = order("24", "7,3102", "157,90", price_box="amount")
    read = replace(read, lines=(replace(read.lines[0], discount=Decimal(10)),))
    got = settle(read, rereads("24", "", "157,90"))
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.confidence < 0.8  # still for a person to see
    quantity = got.evidence_for("lines[0].quantity")
    assert quantity is not None and quantity.confidence >= 0.8  # read twice alike, and it agrees


def test_a_price_computed_from_the_amount_that_divides_it_exactly_is_vouched() -> None:
    # 24 × 4.75 = 114.00 to the last digit: the price the amount leaves is what was printed
    read = order("24", "4,75", "114,00", price_box="amount")
    got = settle(read, rereads("24", "", "114,00"))
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.confidence >= 0.8


def test_a_quantity_computed_from_the_amount_is_not_vouched_by_the_cells_read_again() -> None:
    # 100 × 0.18 less 10 % = 16.20; the quantity cell was not read and the discount's was read as
    # nothing, so the layout reader computed 16.20 / 0.18 = 90 from the amount.  The price and the
    # amount read again alike agree with 90 only because it was computed from them; a quantity has no
    # price list to check it against, and a whole number is all the amount leaves: never vouched
    read = order("90", "0,18", "16,20", quantity_box="amount")
    got = settle(read, {"lines[0].unit_price": "0,18", "lines[0].amount": "16,20"})
    quantity = got.evidence_for("lines[0].quantity")
    assert quantity is not None and quantity.confidence < 0.8  # for a person to see
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.confidence >= 0.8  # read twice alike


def test_a_cell_cut_from_a_normal_fax_is_read_as_a_normal_fax_is() -> None:
    # a normal fax (204 x 98 dpi) has its rows doubled, and its page is read smoothed: so are its cells,
    # before they are upscaled; a fine fax's cells are not smoothed
    read = order("15", "12,30", "192,00")
    cells = list(in_doubt(read))
    for stated, smoothed in (((204.0, 98.0), True), ((204.0, 196.0), False)):
        page = PageImage.from_image(1, Image.new("1", (1000, 400), 1), 204.0, stated)
        words = PageWords(number=1, width=1000.0, height=400.0, dpi=204.0, words=())
        seen: list[PageImage] = []
        assert _read_cells(cells, [page], [words], partial(_blank_reads, seen)) == ["", "", ""]
        for upscale in (True, False):
            steps = [cell_options(OcrOptions(), upscale=upscale).steps_for(c) for c in seen]
            want = ("heal", "smooth") if smoothed else ("heal",)
            want += ("upscale",) if upscale else ()
            assert steps == [want] * 3


def _blank_reads(seen: list[PageImage], crops: Sequence[PageImage]) -> list[PageWords]:
    """A cell reader that keeps the cut-outs it is given in `seen` and reads nothing in them."""
    seen.extend(crops)
    return [PageWords(number=c.number, width=1.0, height=1.0, dpi=204.0, words=()) for c in crops]


def test_a_reread_the_amount_cannot_tell_from_its_neighbours_is_taken_but_not_vouched_for() -> None:
    # A fax printed 12,5 kg at "3,1500 €" = 39,38; OCR read the price "315004" (the comma lost, the €
    # taken for a 4), and read again "3,15004".  12,5 × 3,15004 = 39,3755 agrees with the amount, so
    # the re-read is the line's best reading; but so would 3,15000 or 3,15008: the amount cannot pin
    # a price to five places on a line of 12,5 units, and the total, the sum of the amounts, cannot
    # either.  The figure stays for a person to see, however well the rest adds up
    read = order("12,5", "315004", "39,38", total="39,38")
    got = settle(read, rereads("12,5", "3,15004", "39,38"))
    assert numbers(got) == (Decimal("12.5"), Decimal("3.15004"), Decimal("39.38"))
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.confidence < 0.8


def test_a_reread_whose_last_figures_are_zeros_is_pinned_at_its_last_other_figure() -> None:
    # The same line read again "3,1500": 3,15 is the only price to the cent that makes 39,38 of 12,5
    # units (3,14 and 3,16 do not), and the zeros after it are read, not worked out; the line and the
    # total vouch for it as they would for "3,15"
    read = order("12,5", "315004", "39,38", total="39,38")
    got = settle(read, rereads("12,5", "3,1500", "39,38"))
    assert numbers(got) == (Decimal("12.5"), Decimal("3.15"), Decimal("39.38"))
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.confidence >= 0.8
