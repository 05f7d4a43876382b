"""Money by ISO 4217 written out: the yen and the won have no minor unit, the Kuwaiti and Bahraini dinars
have three decimals, the euro and the pound two; rounding is half up (away from zero on a tie) to that
unit; an amount is never silently rounded when it becomes minor units; currencies never mix."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.kernel.domain.money import (
    CurrencyMismatch,
    Money,
    from_minor,
    is_rounded,
    minor_units,
    quantum,
    round_money,
    to_minor,
)

D = Decimal


@pytest.mark.parametrize(
    ("currency", "units"),
    [("EUR", 2), ("GBP", 2), ("USD", 2), ("jpy", 0), ("KRW", 0), ("KWD", 3), ("BHD", 3), ("TND", 3)],
)
def test_minor_units_as_iso_4217_gives_them(currency: str, units: int) -> None:
    assert minor_units(currency) == units
    assert quantum(currency) == D(1).scaleb(-units)


def test_rounding_is_half_up_to_the_currencys_unit() -> None:
    assert round_money(D("2.345")) == D("2.35")
    assert round_money(D("2.344")) == D("2.34")
    assert round_money(D("-2.345")) == D("-2.35")
    assert round_money(D("0.5"), "JPY") == D("1")
    assert round_money(D("1.2345"), "KWD") == D("1.235")
    assert str(round_money(D("3"), "EUR")) == "3.00"


def test_is_rounded_only_at_the_currencys_unit() -> None:
    assert is_rounded(D("12.30"))
    assert not is_rounded(D("12.301"))
    assert is_rounded(D("1200"), "JPY") and not is_rounded(D("1200.5"), "JPY")
    assert is_rounded(D("1.234"), "KWD") and not is_rounded(D("1.2345"), "KWD")


def test_minor_units_both_ways_in_each_currency() -> None:
    assert to_minor(D("1.234"), "KWD") == 1234
    assert to_minor(D("1500"), "JPY") == 1500
    assert to_minor(D("-0.07")) == -7
    assert from_minor(1234, "KWD") == D("1.234")
    assert from_minor(1500, "JPY") == D("1500")
    assert from_minor(5) == D("0.05") and str(from_minor(5)) == "0.05"
    with pytest.raises(ValueError, match="more decimals"):
        to_minor(D("1.5"), "JPY")


def test_amounts_in_one_currency_add_subtract_and_negate() -> None:
    eur = Money(D("10.00"), "EUR")
    assert eur - Money(D("2.50"), "EUR") == Money(D("7.50"), "EUR")
    assert -eur == Money(D("-10.00"), "EUR")
    assert Money.zero("GBP") == Money(D(0), "GBP")
    assert Money(D("1.005"), "EUR").rounded() == Money(D("1.01"), "EUR")
    assert Money(D("7.5"), "JPY").rounded() == Money(D("8"), "JPY")
    with pytest.raises(CurrencyMismatch, match=r"EUR.*GBP"):
        eur - Money(D(1), "GBP")


@pytest.mark.parametrize("code", ["eur", "EU", "EURO", "E1R", ""])
def test_a_currency_is_three_capital_letters(code: str) -> None:
    with pytest.raises(ValueError):
        Money(D(1), code)


def test_an_amount_prints_with_its_currencys_decimals() -> None:
    assert str(Money(D("3.5"), "EUR")) == "3.50 EUR"
    assert str(Money(D("1200"), "JPY")) == "1200 JPY"
    assert str(Money(D("0.1"), "KWD")) == "0.100 KWD"
