"""Landed cost at its edges, from the rule the buyer states: an invoice's charges add up; they are
spread over every unit that came into our stock (good ones and those damaged units waiting in
quarantine), each share rounded half up to the cent, the last line taking what rounding leaves so the
shares add up to the charges exactly; with nothing received there is nothing to spread over."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.landed import Basis, Charge, landed_units, shares, spread, total
from core.purchasing.domain.orders import PoLine

D = Decimal


def test_an_invoices_charges_add_up_and_none_are_nothing() -> None:
    assert total([Charge("carriage", D("12.50")), Charge("duties", D("3.05"))]) == D("15.55")
    assert total([]) == 0


def test_damaged_units_in_quarantine_came_in_and_carry_their_part() -> None:
    good = PoLine(1, "A", "a", D(10), D("1.00"), received=D(6), damaged=D(4))
    assert landed_units(good) == D(10)
    other = PoLine(2, "B", "b", D(10), D("1.00"), received=D(10))
    # by quantity both lines brought 10 units: half each
    assert shares([good, other], D("9.00"), Basis.QUANTITY) == {1: D("4.50"), 2: D("4.50")}


def test_a_line_of_only_damaged_units_still_carries_charges() -> None:
    broken = PoLine(1, "A", "a", D(2), D("5.00"), damaged=D(2))
    assert shares([broken], D("3.00"), Basis.VALUE) == {1: D("3.00")}


def test_a_share_rounds_half_up_and_the_last_line_takes_the_rest() -> None:
    # 0.05 over 1:1 is 0.025 each: the first rounds half up to 0.03, the last gets 0.02
    assert spread(D("0.05"), [D(1), D(1)]) == [D("0.03"), D("0.02")]
    assert sum(spread(D("100.00"), [D(1)] * 7)) == D("100.00")
    assert spread(D("7.00"), [D(5)]) == [D("7.00")]


def test_weights_under_one_in_all_are_still_something_to_spread_over() -> None:
    # two parcels of a quarter kilo each: half the charges on each
    assert spread(D("5.00"), [D("0.25"), D("0.25")]) == [D("2.50"), D("2.50")]
    assert spread(D("5.00"), [D(1)]) == [D("5.00")]


def test_a_line_that_brought_a_single_unit_carries_its_share() -> None:
    one = PoLine(1, "A", "a", D(1), D("10.00"), received=D(1))
    many = PoLine(2, "B", "b", D(3), D("10.00"), received=D(3))
    # by value 10.00 and 30.00: a quarter and three quarters
    assert shares([one, many], D("8.00"), Basis.VALUE) == {1: D("2.00"), 2: D("6.00")}


@pytest.mark.parametrize("weights", [[], [D(0), D(0)], [D(-1), D(1)]])
def test_nothing_to_spread_over_is_refused(weights: list[Decimal]) -> None:
    with pytest.raises(PurchasingError, match=r"^there is nothing received to spread the charges over$"):
        spread(D("5.00"), weights)
