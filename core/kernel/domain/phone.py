"""Telephone and fax numbers in one comparable form (E.164: "+34912345678").

Fax servers, fax header lines and master data write the same number many ways: "+34 912 345 678",
"0034912345678", "912 345 678" (a Spanish number written nationally), "+44 (0)20 7946 0123".
"""

from __future__ import annotations

import re

# Country calling codes of the countries we trade with, and whether their national numbers start
# with a trunk prefix "0" that the international form drops.  A national number of a country not
# listed cannot be placed, so it gives no number (written internationally, any country's is read).
CALLING_CODES: dict[str, tuple[str, bool]] = {
    "ES": ("34", False),
    "PT": ("351", False),
    "FR": ("33", True),
    "DE": ("49", True),
    "AT": ("43", True),
    "CH": ("41", True),
    "BE": ("32", True),
    "NL": ("31", True),
    "GB": ("44", True),
    "IE": ("353", True),
    "IT": ("39", False),  # Italian numbers keep their leading 0 after +39
    "LU": ("352", False),
    "DK": ("45", False),  # eight digits, no trunk prefix
    "NO": ("47", False),
    "SE": ("46", True),
    "FI": ("358", True),
    "PL": ("48", False),
    "CZ": ("420", False),
    "GR": ("30", False),
    "US": ("1", False),
    "MX": ("52", False),
}
MIN_DIGITS = 7  # shorter strings are extensions or noise, not numbers anybody can dial back
MAX_DIGITS = 15  # the E.164 maximum

_NOISE = re.compile(r"[\s().\-/]")


def normalise_phone(text: str | None, default_country: str = "ES") -> str | None:
    """The number as "+<country><number>", or None when `text` holds no plausible phone number.

    A number without an international prefix ("+" or "00") is read as a national number of
    `default_country`.
    """
    if not text:
        return None
    raw = text.strip()
    raw = re.sub(r"\(0\)", "", raw)  # "+44 (0)20 ..." prints the trunk zero that must be dropped
    compact = _NOISE.sub("", raw)
    if compact.startswith("+"):
        digits = compact[1:]
        international = True
    elif compact.startswith("00"):
        digits = compact[2:]
        international = True
    else:
        digits = compact
        international = False
    if not digits.isdigit():
        return None
    if not international:
        code, trunk = CALLING_CODES.get(default_country.upper(), ("", False))
        if not code:
            return None
        if trunk and digits.startswith("0"):
            digits = digits[1:]
        digits = code + digits
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    return "+" + digits


# Digits after the country code of a complete number, where we know the numbering plan.
NATIONAL_DIGITS: dict[str, tuple[int, int]] = {
    "34": (9, 9),
    "351": (9, 9),
    "33": (9, 9),
    "39": (6, 11),
    "44": (9, 10),
    "49": (6, 13),
    "1": (10, 10),
}


def plausible(number: str | None) -> bool:
    """True when a normalised number ("+34912345678") has as many digits as its country's numbers do."""
    if not number or not number.startswith("+") or not number[1:].isdigit():
        return False
    digits = number[1:]
    for code in sorted(NATIONAL_DIGITS, key=len, reverse=True):
        if digits.startswith(code):
            low, high = NATIONAL_DIGITS[code]
            return low <= len(digits) - len(code) <= high
    return MIN_DIGITS <= len(digits) <= MAX_DIGITS


def same_number(a: str | None, b: str | None, default_country: str = "ES") -> bool:
    """True when both are plausible numbers and name the same line."""
    na, nb = normalise_phone(a, default_country), normalise_phone(b, default_country)
    return na is not None and na == nb
