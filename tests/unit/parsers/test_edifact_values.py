"""Numbers, DTM dates and GS1 check digits as the EDIFACT reader reads them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parsers.edifact.values import UnsupportedFormat, is_gtin, normalise, parse_date, parse_decimal


@pytest.mark.parametrize(
    ("text", "mark", "expected"),
    [
        ("1.00", ".", Decimal(1)),
        ("1,5", ".", Decimal("1.5")),
        ("1,5", ",", Decimal("1.5")),
        ("1.5", ",", Decimal("1.5")),
        ("-2.50", ".", Decimal("-2.5")),
        (".5", ".", Decimal("0.5")),
        ("100", ".", Decimal(100)),
        ("", ".", None),
        ("  ", ".", None),
    ],
)
def test_parse_decimal(text: str, mark: str, expected: Decimal | None) -> None:
    assert parse_decimal(text, mark) == expected


@pytest.mark.parametrize("text", ["1O", "1.2.3", "1,000.5", "abc", "1e3", "--1"])
def test_parse_decimal_rejects_what_is_no_number(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(text)


def test_normalise_drops_trailing_zeros_without_exponents() -> None:
    assert [str(normalise(Decimal(v))) for v in ("1.00", "100", "1500.0", "0.250", "0.00")] == [
        "1",
        "100",
        "1500",
        "0.25",
        "0",
    ]


@pytest.mark.parametrize(
    ("value", "code", "expected"),
    [
        ("20240229", "102", date(2024, 2, 29)),
        ("202402291200", "203", date(2024, 2, 29)),
        ("20240229120000", "204", date(2024, 2, 29)),
        ("240229", "101", date(2024, 2, 29)),
        ("700101", "101", date(1970, 1, 1)),
        ("2402291200", "201", date(2024, 2, 29)),
        ("20240229-20240305", "718", date(2024, 2, 29)),
        ("", "102", None),
    ],
)
def test_parse_date(value: str, code: str, expected: date | None) -> None:
    assert parse_date(value, code) == expected


@pytest.mark.parametrize(
    ("value", "code"), [("20230229", "102"), ("2024011", "102"), ("2024O101", "102"), ("1", "")]
)
def test_parse_date_rejects_impossible_values(value: str, code: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value, code)


def test_parse_date_flags_formats_that_are_no_calendar_date() -> None:
    with pytest.raises(UnsupportedFormat):
        parse_date("202403", "616")


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("4000862141404", True),
        ("4000862141405", False),
        ("96385074", True),
        ("036000291452", True),
        ("10036000291459", True),
        ("123", False),
        ("ABCDEFGHIJKLM", False),
        ("٤٠٠٠٨٦٢١٤١٤٠٤", False),  # Arabic-Indic digits are no GTIN
    ],
)
def test_is_gtin(code: str, valid: bool) -> None:
    assert is_gtin(code) is valid
