"""A discount whose decimal mark a normal-resolution fax lost.

The business rule: a line's amount is quantity × unit price less the line's discount, and a discount
is a percentage printed with two decimals ("10,00", "12,50").  A normal fax keeps every other scan
line, and a comma is a speck of ink: "10,00" comes out "1000", which read as printed is no
percentage at all, so the line seemed to have no discount, its figures did not add up, and the unit
price stayed as OCR read it (a price that lost its mark too: "3900" for 3,900).  Three or four bare
figures in the discount column are that percentage with its mark put back, when quantity × price less
it is then the amount; the numbers the arithmetic chose so were mended, so the order waits for a
person unless its printed total vouches for them.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import HEADING, numbers, order, read

DISCOUNTED = (*HEADING[:5], (470, "Dto."), (505, "Importe"))


def _row(code: str, qty: str, price: str, discount: str, amount: str) -> tuple[tuple[float, str], ...]:
    numbers = (350, qty), (390, "uds"), (430, price), (470, discount), (505, amount)
    return (50, code), (130, "Artículo"), *numbers


def _read(discount: str, total: str | None) -> dict[str, object]:
    # 20 × 3,900 = 78,00, less 10 % = 70,20; 250 × 0,18 = 45,00 with no discount
    rows = [
        _row("TAC-6", "20", "3900", discount, "70,20"),
        _row("TOR-M8-40", "250", "0,18", "", "45,00"),
    ]
    return read(order(rows, heading=DISCOUNTED, total=total))


def test_a_discount_read_without_its_mark_lets_the_price_be_read_with_its_own() -> None:
    got = _read("1000", "115,20")
    assert numbers(got) == [("TAC-6", "20", "3.9"), ("TOR-M8-40", "250", "0.18")]


def test_numbers_mended_so_wait_for_a_person_when_no_total_vouches_for_them() -> None:
    got = _read("1000", None)
    assert numbers(got)[0] == ("TAC-6", "20", "3.9")
    assert got["decision"] != "accept"
    doubtful = {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}
    assert "lines[0].unit_price" in doubtful


def test_bare_figures_that_make_no_discount_the_amount_leave_the_line_as_read() -> None:
    # 1500 as 15,00 % gives 66,30, not 70,20: nothing agrees, and the price is not put back
    got = _read("1500", "115,20")
    assert numbers(got)[0] != ("TAC-6", "20", "3.9")
