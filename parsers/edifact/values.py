"""Reads EDIFACT values: numbers with either decimal mark, DTM dates by format code, GS1 check digits."""

from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)\Z")
# DTM 2379 format code -> (digits expected, whether the year has two digits).  Only the leading date
# is kept: 203/204 drop the time, 718/719 (ranges) keep their first date.
_FORMATS: dict[str, tuple[int, bool]] = {
    "101": (6, True),  # YYMMDD
    "102": (8, False),  # CCYYMMDD
    "201": (10, True),  # YYMMDDHHMM
    "203": (12, False),  # CCYYMMDDHHMM
    "204": (14, False),  # CCYYMMDDHHMMSS
    "718": (16, False),  # CCYYMMDD-CCYYMMDD
    "719": (24, False),  # CCYYMMDDHHMM-CCYYMMDDHHMM
}
_BY_LENGTH = {6: "101", 8: "102", 10: "201", 12: "203", 14: "204"}  # when 2379 is absent
_PIVOT = 70  # two-digit years below are 20YY, the others 19YY


class UnsupportedFormat(ValueError):
    """A DTM format code that does not describe a calendar date (week numbers, durations...)."""


@functools.lru_cache(maxsize=8192)  # an interchange repeats its quantities and prices; a Decimal is immutable
def parse_decimal(text: str, decimal_mark: str = ".") -> Decimal | None:
    """The number in `text`, normalised ("1.00" -> 1); None when empty; ValueError when not a number.

    The UNA decimal mark and ',' are both read as the decimal mark; ISO 9735 allows either and has no
    thousands separator, so "1,5" is one and a half.
    """
    value = text.strip()
    if not value:
        return None
    if decimal_mark not in ".,":
        value = value.replace(decimal_mark, ".")
    value = value.replace(",", ".")
    if value.startswith("+"):
        value = value[1:]
    if not _NUMBER.match(value):
        raise ValueError(f"{text!r} is not a number")
    try:
        return normalise(Decimal(value))
    except InvalidOperation as exc:
        raise ValueError(f"{text!r} is not a number") from exc


def normalise(number: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (100 stays 100, not 1E+2)."""
    reduced = number.normalize()
    exponent = reduced.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return reduced.quantize(Decimal(1))
    return reduced


def parse_date(value: str, format_code: str) -> date | None:
    """The calendar date at the start of a DTM value; None when empty.

    Raises UnsupportedFormat for formats that are no date and ValueError for impossible values.
    """
    digits = value.strip().replace("-", "")
    if not digits:
        return None
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"{value!r} is not a date")
    code = format_code.strip() or _BY_LENGTH.get(len(digits), "")
    if code not in _FORMATS:
        if format_code.strip():
            raise UnsupportedFormat(f"date format {format_code!r} is not read as a calendar date")
        raise ValueError(f"{value!r} is not a date")
    length, short_year = _FORMATS[code]
    if len(digits) != length:
        raise ValueError(f"{value!r} does not fit date format {code}")
    if short_year:
        yy = int(digits[:2])
        year, rest = (2000 + yy if yy < _PIVOT else 1900 + yy), digits[2:6]
    else:
        year, rest = int(digits[:4]), digits[4:8]
    return date(year, int(rest[:2]), int(rest[2:4]))


def is_gtin(code: str) -> bool:
    """An 8, 12, 13 or 14-digit number whose last digit is its GS1 check digit."""
    if len(code) not in (8, 12, 13, 14) or not (code.isascii() and code.isdigit()):
        return False
    body = [int(c) for c in reversed(code[:-1])]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return (10 - total % 10) % 10 == int(code[-1])
