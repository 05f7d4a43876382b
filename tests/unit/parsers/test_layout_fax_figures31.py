"""One figure of a line a normal fax misread, mended by the line's own arithmetic: normal fax
spreadsheet (tuning), "4 carton 3,90 EUR 3,90 EUR" for 1 × 3,90 = 3,90; dotmatrix, "250,000 24,000/100
85,00" for 250 × 34,000 per 100 = 85,00; dotmatrix, "12.500 2.7L 33.88" for 12,5 × 2,71 = 33,88.

The business rule: a line's quantity × price is its amount.  Where the amount and one of the other two
are read as printed, they say what the third must be; when that is one figure from what the fax read,
in a figure a normal fax squashes into another's shape (a 1 read as a 4, a 3 as a 2), the line takes
the figure worked out, doubtful unless the order's total vouches for it.  A price the fax left
unreadable is worked out from the quantity and the amount at the places a price is printed to (12,5 ×
2,71 = 33,875, the amount 33,88 to the cent), not as the amount over the quantity (2,7104), when exactly
one price at those places makes the amount; still doubtful, nothing read vouches for it.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import doubted, numbers, order, read

HEADING = ((50, "Código"), (130, "Descripción"), (290, "Cantidad"), (340, "Ud."), (380, "Precio"))
HEADING += ((500, "Importe"),)


def _row(code: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (50, code), (130, "Artículo"), (300, qty), (340, "uds"), (385, price), (505, amount)


CHALECO = _row("CHA-ALT-VIS", "24", "4,75€", "114,00€")
TUERCA = _row("TUE-M8", "500", "0,05€", "25,00€")


def _order(first: tuple[tuple[float, str], ...], total: str | None) -> dict[str, Any]:
    return read(order([first, CHALECO, TUERCA], total=total, heading=HEADING, total_label=440, total_at=505))


def test_a_one_read_as_a_four_in_the_quantity_is_worked_out_from_price_and_amount() -> None:
    # 1 × 3,90 = 3,90, the quantity read "4": four at 3,90 would be 15,60
    first = _row("TAC-6", "4", "3,90€", "3,90€")
    got = _order(first, total="142,90")
    assert [(q, p) for _, q, p in numbers(got)] == [("1", "3.9"), ("24", "4.75"), ("500", "0.05")]
    got = _order(first, total=None)
    assert numbers(got)[0][1:] == ("1", "3.9")
    assert doubted(got, "lines[0].quantity")  # worked out to fit, nothing else vouches


def test_a_three_read_as_a_two_in_the_price_is_worked_out_from_quantity_and_amount() -> None:
    # 25 × 3,40 = 85,00, the price read "2,40": 25 × 2,40 would be 60,00
    first = _row("TOR-M10-60", "25", "2,40€", "85,00€")
    got = _order(first, total="224,00")
    assert [(q, p) for _, q, p in numbers(got)] == [("25", "3.4"), ("24", "4.75"), ("500", "0.05")]
    got = _order(first, total=None)
    assert numbers(got)[0][1:] == ("25", "3.4")
    assert doubted(got, "lines[0].unit_price")


def test_a_figure_no_fax_squashes_into_the_print_is_not_worked_out() -> None:
    # "80" for 50 is no slip: 5 × 3,40 = 17,00 beside a quantity read "8" stays for a person
    first = _row("TOR-M10-60", "8", "3,40€", "17,00€")
    got = _order(first, total=None)
    assert numbers(got)[0][1:] != ("5", "3.4")
    assert doubted(got, "lines[0].quantity")


def test_an_unreadable_price_is_worked_out_at_the_places_a_price_is_printed_to() -> None:
    # 12,5 × 2,71 = 33,875, printed 33,88; the price read "2,7L"
    first = _row("ALA-GAL-2", "12,500", "2,7L", "33,88€")
    got = _order(first, total=None)
    assert numbers(got)[0][1:] == ("12.5", "2.71")
    assert doubted(got, "lines[0].unit_price")
