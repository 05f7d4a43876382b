"""A unit price under one unit of money that a normal fax read with its money sign as a figure: us_po
(tuning, normal) "5,000.000 ea $0.013 $65.00" read "20.013".

The business rule: a line's quantity × unit price is its amount.  Where the quantity and the amount
were read as printed and the price read is the price they make with one figure before its leading
zero, that figure is the money sign printed there, and the price is the one they make.  It was not
read so: it stays doubtful and the order waits for a person unless the order's total vouches for it.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import doubted, numbers, order, read, row

FIRST = row("TUE-M8", "500", "0,05", "25,00", desc="Tuerca")


def test_a_money_sign_read_as_a_figure_before_a_price_under_one_is_dropped() -> None:
    # 5000 × 0,013 = 65,00; the "2" before "0,013" is the "$"
    second = row("REM-AL-4", "5000", "20,013", "65,00", desc="Remache")
    got = read(order([FIRST, second], total=None))
    assert numbers(got)[1][1:] == ("5000", "0.013")
    assert doubted(got, "lines[1].unit_price")
    assert got["decision"] != "accept"
