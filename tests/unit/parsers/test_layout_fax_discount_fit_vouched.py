"""A line a discount made add up, vouched for by the order's total.

The business rule: a line's amount is quantity × unit price less the line's discount, and the lines
add up to the printed total.  On a normal fax a discount may lose its decimal mark ("1250" for 12,50)
or stand under a heading OCR lost; once put back it makes quantity × price less it the amount.  The
figures it let agree wait for a person unless the total vouches for them too.  When the total does,
and the quantity was read as printed and the price only lost its mark (no figure of either changed),
the arithmetic pins both: another quantity or price a figure away would no longer make the amount,
and the amount is pinned by the total.  The order then flows, where before it waited on a quantity
and price read right.  A total that does not add up leaves them doubtful.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import HEADING, doubted, numbers, order, read

DISCOUNTED = (*HEADING[:5], (470, "Dto."), (505, "Importe"))


def _row(code: str, qty: str, price: str, discount: str, amount: str) -> tuple[tuple[float, str], ...]:
    numbers = (350, qty), (390, "uds"), (430, price), (470, discount), (505, amount)
    return (50, code), (130, "Artículo"), *numbers


def _read(total: str) -> dict[str, object]:
    # 36 × 4,200 = 151,20, less 12,50 % = 132,30; 200 × 0,18 = 36,00 with no discount: 168,30
    rows = [
        _row("SIL-TRA-300", "36", "4200", "1250", "132,30"),
        _row("TOR-M8-40", "200", "0,18", "", "36,00"),
    ]
    return read(order(rows, heading=DISCOUNTED, total=total))


def test_a_total_that_adds_up_vouches_for_the_figures_a_discount_made_agree() -> None:
    got = _read("168,30")
    assert numbers(got) == [("SIL-TRA-300", "36", "4.2"), ("TOR-M8-40", "200", "0.18")]
    assert not doubted(got, "lines[0].quantity")
    assert not doubted(got, "lines[0].unit_price")
    assert got["decision"] == "accept"


def test_a_total_that_does_not_add_up_leaves_them_doubtful() -> None:
    got = _read("178,30")
    assert numbers(got)[0] == ("SIL-TRA-300", "36", "4.2")
    assert doubted(got, "lines[0].unit_price")
    assert got["decision"] != "accept"
