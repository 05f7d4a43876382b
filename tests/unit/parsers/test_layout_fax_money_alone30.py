"""A row a fax spoilt on its left: normal fax sap_listing (tuning), a row whose position, quantity and code
OCR lost ("B “98,00 133 475.00" over "Cinta aislante …"), its price and amount read, was taken as more
description of the row above, so the order came out a line short and every later line one place up.

The business rule (issue 10, "no silent drop"): a fact the document shows that we did not capture never
flows on untouched.  In a table that prints a price and an amount on every row, whose rows each show a
position number or a code, a line holding a price and an amount to the cent where the rows print theirs,
and nothing that names a row, between two rows that each carry their own money, is an order row that
could not be read: it is kept in its place with nothing read from it (every later line stays the line it
is) and named for a person (`field_not_read` on the lines); the order waits.  Money printed a line apart
from its row's words (a row over two lines) is that row's own,.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import CHAR, assert_kept_between, numbers, order, read

HEADING = ((20, "Pos."), (60, "Código"), (140, "Descripción"), (330, "Cantidad"), (390, "Ud."))
HEADING += ((430, "Precio"), (500, "Importe"))
PRICE_END, AMOUNT_END = 470.0, 540.0  # figures are set right-aligned


def _price(text: str) -> tuple[float, str]:
    return PRICE_END - CHAR * len(text), text


def _amount(text: str) -> tuple[float, str]:
    return AMOUNT_END - CHAR * len(text), text


def _row(pos: str, code: str, desc: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (20, pos), (60, code), (140, desc), (350, qty), (390, "uds"), _price(price), _amount(amount)


FIRST = _row("10", "TOR-M8-40", "Tornillo", "100", "0,18", "18,00")
THIRD = _row("30", "LLA-AJ-250", "Llave", "3", "12,80", "38,40")


def _order(middle: list[tuple[tuple[float, str], ...]], total: str) -> dict[str, Any]:
    return read(order([FIRST, *middle, THIRD], total=total, heading=HEADING, total_at=_amount(total)[0]))


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_row_with_only_its_price_and_amount_read_is_kept_in_its_place_and_named() -> None:
    # position 20, 500 x CIN-AIS-19 at 0,95 = 475,00: its position, code and quantity lost to the fax,
    # a stray letter left in between, its description on the line below
    middle = [((300, "B"), _price("0,95"), _amount("475,00")), ((140, "Cinta"), (180, "aislante"))]
    got = _order(middle, total="531,40")
    assert_kept_between(got, ("TOR-M8-40", "100", "0.18"), ("LLA-AJ-250", "3", "12.8"))


def test_money_printed_a_line_under_its_row_stays_that_rows() -> None:
    # position 20's code and quantity on one line, its price and amount on the next: one row, none lost
    middle = [
        ((20, "20"), (60, "TUE-M8"), (140, "Tuerca"), (350, "12"), (390, "uds")),
        (_price("0,05"), _amount("0,60")),
    ]
    got = _order(middle, total="57,00")
    assert [line for line in numbers(got) if line == (None, None, None)] == []
    assert len(numbers(got)) == 3
