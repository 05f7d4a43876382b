"""Numbers and dates as printed: decimal comma or point, thousands, OCR look-alikes, every date format."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parsers.layout.arith import solve
from parsers.layout.dates import find_date
from parsers.layout.decimal_mark import decide_mark
from parsers.layout.numbers import readings


@pytest.mark.parametrize(
    ("text", "mark", "value"),
    [
        ("1.234,56", ",", "1234.56"),
        ("1,234.56", ".", "1234.56"),
        ("0,18", ",", "0.18"),
        ("2.500", ",", "2500"),
        ("2,500", ".", "2500"),
        ("2.500,000", ",", "2500.000"),
        ("€0.18", ".", "0.18"),
        ("45,00 €", ",", "45.00"),
        ("EUR 1,234.50", ".", "1234.50"),
        ("1'234.50", ".", "1234.50"),
        ("O,18", ",", "0.18"),  # OCR read the zero as a letter
        ("1l2,80", ",", "112.80"),
    ],
)
def test_the_cheapest_reading(text: str, mark: str, value: str) -> None:
    assert readings(text, mark)[0].value == Decimal(value)


def test_ambiguous_tokens_keep_their_other_readings() -> None:
    values = [r.value for r in readings("1.000", ",")]
    assert values[:2] == [Decimal(1000), Decimal("1.000")]
    assert Decimal("45.00") in [r.value for r in readings("4500", ",")]  # a lost decimal mark


def test_the_decimal_mark_is_decided_by_the_tokens_that_prove_one() -> None:
    assert decide_mark(["1.234,56", "0,18", "2.500"], "en") == (",", 1.0)
    assert decide_mark(["1,234.56", "0.18"], "es") == (".", 1.0)
    assert decide_mark(["2.500", "100"], "es") == (",", 0.6)  # no proof: the language's convention, unsure


def test_arithmetic_chooses_between_readings() -> None:
    # "1.000" in a document whose mark is unknown: 1000 × 0.18 = 180.00 settles it
    solved = solve(readings("1.000", "."), readings("0.18", "."), readings("180.00", "."))
    assert solved.check == "agrees" and solved.quantity is not None and solved.quantity.value == 1000
    # an amount whose decimal mark OCR lost
    solved = solve(readings("250", ","), readings("0,18", ","), readings("4500", ","))
    assert solved.check == "agrees" and solved.amount is not None and solved.amount.value == Decimal("45.00")
    assert solved.amount.cost > 0
    # nothing agrees: the plain readings, flagged
    assert solve(readings("250", ","), readings("0,16", ","), readings("45,00", ",")).check == "disagrees"


@pytest.mark.parametrize(
    "text",
    [
        "26/11/2026",
        "26.11.2026",
        "2026-11-26",
        "26.11.26",
        "26 de noviembre de 2026",
        "26 de Noviembre del 2026",
        "November 26, 2026",
        "26 November 2026",
        "26th Nov 2026",
        "26-nov-2026",
        "Fecha: 26/11/2026",
    ],
)
def test_every_date_format(text: str) -> None:
    found = find_date(text)
    assert found is not None and found.value == date(2026, 11, 26)


def test_ambiguous_and_repaired_dates_are_less_certain() -> None:
    ambiguous = find_date("03/04/2026")
    assert ambiguous is not None and ambiguous.value == date(2026, 4, 3) and ambiguous.certainty < 1
    us = find_date("12/25/2026")  # a month over twelve cannot be: the other order
    assert us is not None and us.value == date(2026, 12, 25)
    repaired = find_date("2O26-11-26")
    assert repaired is not None and repaired.value == date(2026, 11, 26) and repaired.certainty < 0.9
    assert find_date("pago a 60 días") is None
