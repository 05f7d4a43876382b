"""A unit price a normal fax read with its figures right and its decimal mark elsewhere: us_po (tuning,
normal) "50 ea $3.528 $176.40" read "$352,800"; sap_listing "1000 Stk 1,20 per 100 12,00" read
"12,00" per 100.

The business rule: a line's quantity × unit price is its amount.  Where the quantity and the amount
were read as printed and nothing read adds up, the price whose figures are the ones read, at the one
power of ten that makes the amount to the cent, is the price the fax moved the mark of (50 × 3,528 =
176,40).  Nothing read vouches for it: the quantity could be the figure the fax spoilt at the inverse
power (5 × 35,28 is 176,40 too), so the price stays doubtful and the order waits for a person, even
where the order's total adds up.  A price whose figures no power of ten makes fit stays as read.

The price at another power of ten is never the line's reading on its own: it is one option beside
another repair of the line's figures, so that neither is taken alone.  A quantity whose decimal mark
the fax lost ("125" for 12,5 beside 3,15 and 39,38) makes the amount at 0,315 as well; taken alone,
the price moved would stand where the figure spoilt was the quantity.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import doubted, numbers, order, read, row

FIRST = row("TUE-M8", "500", "0,05", "25,00", desc="Tuerca")


def _order(second: tuple, total: str | None) -> dict[str, Any]:
    return read(order([FIRST, second], total=total))


def test_a_price_at_another_power_of_ten_is_not_taken_on_its_own() -> None:
    # 50 × 3,528 = 176,40, the price read "352800": nothing else repaired makes the amount, so the
    # power of ten is no option beside another; the price stays as read, doubtful, and the order waits
    second = row("TOR-M8-40", "50", "352800", "176,40", desc="Tornillo")
    got = _order(second, total="201,40")
    assert numbers(got)[1][2] != "3.528"
    assert doubted(got, "lines[1].unit_price")
    assert got["decision"] != "accept"


def test_a_quantity_whose_mark_the_fax_lost_does_not_move_the_price() -> None:
    # 12,5 × 3,15 = 39,38 with the quantity read "125": 125 × 0,315 makes the amount too, but the
    # price was read as printed; it is not moved to fit a quantity that may be the spoilt figure
    second = row("ALA-GAL-2", "125", "3,15", "39,38", desc="Alambre")
    got = _order(second, total="64,38")
    assert numbers(got)[1][2] == "3.15"
    assert got["decision"] != "accept"


def test_a_price_read_ten_times_too_large_is_chosen_by_the_total_over_an_amount_worked_out() -> None:
    # "1000,00" × 0,012 = 12,00, the price read "0,12"; the amount read "12,00" one figure from the 120,00
    # those make: the printed total (25,00 + 12,00) says which of the two was misread
    second = row("REM-AL-4", "1000,00", "0,12", "12,00", desc="Remache")
    got = _order(second, total="37,00")
    assert numbers(got)[1][1:] == ("1000", "0.012")
    assert doubted(got, "lines[1].unit_price")
    assert got["decision"] != "accept"


def test_a_price_no_power_of_ten_makes_fit_stays_as_read() -> None:
    # 50 × 3,60 = 180,00, not 176,40: no power of ten of 3,60 makes the amount
    second = row("TOR-M8-40", "50", "3,60", "176,40", desc="Tornillo")
    got = _order(second, total=None)
    assert numbers(got)[1][1:] == ("50", "3.6")
    assert got["decision"] != "accept"


def test_quantity_and_price_at_inverse_powers_of_ten_choose_nothing() -> None:
    # "1000" × "0,12" beside 12,00: 100 × 0,12 (a zero run on the quantity) and 1000 × 0,012 (the
    # price's mark moved) both make the amount and the total; the line cannot say which
    second = row("REM-AL-4", "1000", "0,12", "12,00", desc="Remache")
    got = _order(second, total="37,00")
    assert numbers(got)[1][1:] not in (("1000", "0.012"), ("100", "0.12"))
    assert got["decision"] != "accept"


def test_a_money_sign_read_as_a_figure_before_a_price_under_one_is_dropped() -> None:
    # us_po "5,000.000 ea $0.013 $65.00" read "20.013": 5000 × 0,013 = 65,00; the "2" is the "$"
    second = row("REM-AL-4", "5000", "20,013", "65,00", desc="Remache")
    got = _order(second, total=None)
    assert numbers(got)[1][1:] == ("5000", "0.013")
    assert doubted(got, "lines[1].unit_price")
