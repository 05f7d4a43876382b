"""A discount column whose heading OCR garbled ("Disc" read as "Dise" on a normal-resolution fax) is
known by its numbers: a line's amount is quantity × unit price less the line's discount, so a column
of percentages that makes that true on lines where quantity × price alone is not the amount holds the
discounts, and the quantities and prices are read against the discounted amounts."""

from __future__ import annotations

from tests.unit.parsers.doc_support import Doc, facts
from tests.unit.parsers.ocr_support import HEADING, numbers, order, read

RIGHT = [("REM-AL-4", "500", "0.012"), ("BRO-HSS-8", "50", "2.45"), ("SIL-TRA-300", "36", "4.2")]


def _numbers(qty: str, price: str, discount: str, amount: str) -> tuple[tuple[float, str], ...]:
    """A row's quantity, unit, price, discount and amount under the OCR heading's columns."""
    return (340, qty), (390, "uds"), (430, price), (470, discount), (505, amount)


def _order_with_discount_heading(heading: str, quantities: tuple[str, str] = ("500", "50")) -> Doc:
    doc = Doc(size=8).known_buyer("PO-6884", "Delivery: 12/12/2026")
    doc.row(
        200,
        (40, "Item"),
        (90, "Description"),
        (330, "Quantity"),
        (380, "Unit"),
        (420, "Price"),
        (465, heading),
        (510, "Ext. price"),
    )
    # 500 × 0,012 = 6,00, less 5 % = 5,70; 50 × 2,45 = 122,50, less 10 % = 110,25;
    # 36 × 4,20 = 151,20 with no discount
    doc.row(215, (40, "REM-AL-4"), (90, "Aluminium blind rivet"), (330, quantities[0]), (380, "Each"))
    doc.row(215, (420, "0,012"), (465, "5,00"), (510, "5,70"))
    doc.row(228, (40, "BRO-HSS-8"), (90, "HSS drill bit 8 mm"), (330, quantities[1]), (380, "Each"))
    doc.row(228, (420, "2,45"), (465, "10,00"), (510, "110,25"))
    doc.row(241, (40, "SIL-TRA-300"), (90, "Neutral silicone"), (330, "36"), (380, "Each"))
    doc.row(241, (420, "4,20"), (510, "151,20"))
    doc.row(265, (420, "Total"), (510, "267,15"))
    return doc


def test_a_column_whose_percentages_make_the_amounts_holds_the_discounts() -> None:
    order = _order_with_discount_heading("Dise").order()
    assert facts(order) == RIGHT
    assert order["total"] == "267.15"
    assert not [p for p in order["problems"] if p["code"] == "amount_mismatch"]


def test_quantities_whose_decimal_comma_ocr_read_as_a_point_are_read_against_the_discounts() -> None:
    # a fax's "250,000" (250 to three places under the decimal comma) read as "250.000": only the
    # discounted amount says whether it is two hundred and fifty or a quarter of a million.
    # 250 × 0,18 = 45,00, less 10 % = 40,50; 222 × 0,05 = 11,10, less 10 % = 9,99
    heading = (*HEADING[:5], (470, "Dise"), (505, "Importe"))
    rows = [
        ((50, "TOR-M8-40"), (130, "Tornillo"), *_numbers("250.000", "0,18", "10,00", "40,50")),
        ((50, "TUE-M8"), (130, "Tuerca"), *_numbers("222.000", "0,05", "10,00", "9,99")),
    ]
    got = read(order(rows, heading=heading, total="50,49"))
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]


def test_the_same_column_headed_disc_reads_the_same() -> None:
    order = _order_with_discount_heading("Disc").order()
    assert facts(order) == RIGHT
