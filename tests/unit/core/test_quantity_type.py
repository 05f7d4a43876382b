"""Quantities are stored as whole thousandths and read back as the Decimal a person would write."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.kernel.adapters.types import from_milli, to_milli


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        (0, "0"),
        (1000, "1"),
        (12000, "12"),
        (100000, "100"),  # whole hundreds stay plain, never 1E+2
        (1500, "1.5"),
        (1250, "1.25"),
        (1, "0.001"),
        (10, "0.01"),
        (-250, "-0.25"),
        (-3000, "-3"),
        (123456789012, "123456789.012"),
    ],
)
def test_thousandths_read_back_as_written(stored: int, written: str) -> None:
    value = from_milli(stored)
    assert isinstance(value, Decimal)
    assert str(value) == written
    assert value == Decimal(written)


def test_every_quantity_to_three_decimals_goes_round_unchanged() -> None:
    for stored in range(-5000, 20001, 7):
        assert to_milli(from_milli(stored)) == stored


def test_a_fourth_decimal_is_refused() -> None:
    with pytest.raises(ValueError, match="more than three decimals"):
        to_milli(Decimal("1.0005"))
