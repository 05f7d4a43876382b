"""Landed cost spread over received lines, worked out by hand to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.landed import Basis, shares, spread
from core.purchasing.domain.orders import PoLine

D = Decimal


def _lines() -> list[PoLine]:
    # A: 10 received at 5.00 (value 50.00, 2 kg each); B: 3 received at 10.00 (value 30.00, 1.5 kg each);
    # C: ordered but nothing came, so it carries none of the charges
    a = PoLine(1, "A", "a", D(10), D("5.00"), received=D(10))
    b = PoLine(2, "B", "b", D(3), D("10.00"), received=D(3))
    c = PoLine(3, "C", "c", D(4), D("1.00"))
    return [a, b, c]


def test_by_value_the_first_line_rounds_and_the_last_takes_the_remainder() -> None:
    # 25.00 x 50/80 = 15.625 -> 15.63; B gets 25.00 - 15.63 = 9.37
    assert shares(_lines(), D("25.00"), Basis.VALUE) == {1: D("15.63"), 2: D("9.37")}


def test_by_quantity() -> None:
    # 25.00 x 10/13 = 19.2307… -> 19.23; B: 25.00 - 19.23 = 5.77
    assert shares(_lines(), D("25.00"), Basis.QUANTITY) == {1: D("19.23"), 2: D("5.77")}


def test_by_weight() -> None:
    # A 10 x 2 kg = 20 kg, B 3 x 1.5 kg = 4.5 kg: 25.00 x 20/24.5 = 20.408… -> 20.41; B 4.59
    got = shares(_lines(), D("25.00"), Basis.WEIGHT, {"A": D(2), "B": D("1.5")})
    assert got == {1: D("20.41"), 2: D("4.59")}


def test_a_weight_missing_is_refused_naming_the_product() -> None:
    with pytest.raises(PurchasingError, match="no weight is known for B"):
        shares(_lines(), D("25.00"), Basis.WEIGHT, {"A": D(2)})


def test_thirds_leave_the_cent_on_the_last_line() -> None:
    assert spread(D("10.00"), [D(1), D(1), D(1)]) == [D("3.33"), D("3.33"), D("3.34")]


def test_nothing_received_has_nothing_to_carry_the_charges() -> None:
    with pytest.raises(PurchasingError, match="nothing received"):
        shares([PoLine(1, "C", "c", D(4), D("1.00"))], D("5.00"), Basis.VALUE)
