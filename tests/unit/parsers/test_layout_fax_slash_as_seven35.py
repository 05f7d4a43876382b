"""A price printed for a thousand units whose slash a fax read as a 7: fine fax erp_ruled (tuning),
"1.000 u. REM-AL-4 12,00/1000 12,00" read "12.007" and "1000", the price taken as 12 007.

The business rule: a price printed "12,00/1000" is 12,00 for a thousand units, 0,012 for one.  A slash
leaning like a 7's stroke is a misreading OCR makes; whether "12.007" beside "1000" is that, or a
price to three places beside some other figure, the line's own arithmetic says: 1000 × 12,00 / 1000 is
the amount 12,00 to the cent, 1000 × 12,007 is not.  A reading the amount does not make is never taken.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import numbers, order, read, row

FIRST = row("TOR-M8-40", "750", "180,00/1000", "135,00")


def _rivets(price: str, basis: str, amount: str) -> tuple:
    return (
        (50, "TUE-M8"),
        (130, "Tuerca"),
        (350, "1000"),
        (390, "uds"),
        (430, price),
        (470, basis),
        (505, amount),
    )


def test_a_slash_read_as_a_seven_before_the_basis_is_the_price_for_that_basis() -> None:
    got = read(order([FIRST, _rivets("12,007", "1000", "12,00")], total="147,00"))
    assert numbers(got) == [("TOR-M8-40", "750", "0.18"), ("TUE-M8", "1000", "0.012")]


def test_a_price_the_amount_does_not_make_so_is_not_read_so() -> None:
    got = read(order([FIRST, _rivets("12,007", "1000", "15,00")], total="150,00"))
    assert numbers(got)[1] != ("TUE-M8", "1000", "0.012")
