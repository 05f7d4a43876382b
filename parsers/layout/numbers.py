"""Reading printed numbers as `Decimal`: decimal comma or point, thousands separators, OCR repairs.

A token has several possible readings, each with a cost (0 = as printed under the document's decimal
mark); cross-checks choose between them.  Floats are never used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from parsers.layout.vocab import CURRENCIES

# Characters OCR confuses with digits, and the digit meant.
_OCR_DIGITS = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "Q": "0",
        "D": "0",
        "l": "1",
        "I": "1",
        "|": "1",
        "i": "1",
        "!": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
        "G": "6",
    }
)
_SYMBOLS = re.compile(r"^(?:EUR|GBP|USD|CHF|US\$|[€£$])|(?:EUR|GBP|USD|CHF|[€£$])$", re.IGNORECASE)
_STRIP = re.compile(r"^[\s(:=*]+|[\s):;*]+$")
_SHAPE = re.compile(r"^[+-]?[\d.,'’]*\d[\d.,'’]*-?$")


@dataclass(frozen=True)
class Reading:
    """One way to read a number token."""

    value: Decimal
    cost: int  # 0 as printed; each repair (OCR look-alike, other mark, inserted mark) costs more
    note: str = ""


def strip_money(text: str) -> tuple[str, str | None]:
    """The token without a currency symbol or code, and the currency it carried (ISO code)."""
    text = _STRIP.sub("", text.strip())
    found = None
    m = _SYMBOLS.search(text)
    if m and len(text) > len(m.group(0)):
        found = CURRENCIES.get(m.group(0).casefold())
        text = _STRIP.sub("", text[: m.start()] + text[m.end() :])
    return text, found


def repair_digits(text: str) -> tuple[str, int]:
    """Replace letters OCR mistakes for digits when the token is mostly digits; the count replaced."""
    digits = sum(c.isdigit() for c in text)
    suspicious = sum(1 for c in text if c.translate(_OCR_DIGITS) != c)
    if suspicious == 0 or digits == 0 or digits < suspicious:
        return text, 0
    return text.translate(_OCR_DIGITS), suspicious


def looks_numeric(text: str) -> bool:
    """Whether the token is a number (perhaps with a currency mark or OCR look-alike letters)."""
    core, _ = strip_money(text)
    fixed, _ = repair_digits(core)
    return bool(_SHAPE.match(fixed))


def _parse(text: str, mark: str) -> Decimal | None:
    """`text` read with `mark` as the decimal mark; None when the groups do not fit that reading."""
    group = "." if mark == "," else ","
    text = text.replace("'", "").replace("’", "")
    negative = text.startswith("-") or text.endswith("-")
    text = text.strip("+-")
    whole, sep, frac = text.rpartition(mark) if mark in text else (text, "", "")
    if sep and (not frac.isdigit() or mark in whole):
        return None
    if group in whole:
        parts = whole.split(group)
        if (
            not parts[0].isdigit()
            or len(parts[0]) > 3
            or any(len(p) != 3 or not p.isdigit() for p in parts[1:])
        ):
            return None
        whole = "".join(parts)
    if not whole:
        whole = "0"
    if not whole.isdigit():
        return None
    try:
        value = Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:
        return None
    return -value if negative else value


def mark_evidence(text: str) -> str | None:
    """The decimal mark a token proves ("," or "."), or None when it fits both conventions."""
    core, _ = strip_money(text)
    if not _SHAPE.match(core):
        return None
    commas, points = core.count(","), core.count(".")
    if commas and points:
        return "," if core.rfind(",") > core.rfind(".") else "."
    for mark, count in ((",", commas), (".", points)):
        if count > 1:
            return "." if mark == "," else ","
        if count == 1 and len(core) - core.rfind(mark) - 1 != 3:
            return mark
    return None


def readings(text: str, mark: str) -> list[Reading]:
    """Every plausible reading of `text`, cheapest first, under the document's decimal `mark`."""
    core, _ = strip_money(text)
    fixed, repaired = repair_digits(core)
    if not _SHAPE.match(fixed):
        return []
    other = "." if mark == "," else ","
    out: list[Reading] = []

    def add(value: Decimal | None, cost: int, note: str) -> None:
        if value is not None and all(r.value != value for r in out):
            out.append(Reading(value, cost, note))

    base = 1 if repaired else 0
    note = "OCR look-alike letters read as digits" if repaired else ""
    add(_parse(fixed, mark), base, note)
    add(_parse(fixed, other), base + 2, "read with the other decimal mark")
    digits = fixed.strip("+-")
    if digits.isdigit() and len(digits) >= 3:
        for places, cost in ((2, 2), (3, 3)):
            add(Decimal(digits).scaleb(-places), base + cost, "a decimal mark seems lost")
    return sorted(out, key=lambda r: r.cost)


def decide_mark(tokens: Iterable[str], language: str | None) -> tuple[str, float]:
    """The document's decimal mark from the tokens that prove one, and how sure that is (0..1)."""
    votes = {",": 0, ".": 0}
    for token in tokens:
        found = mark_evidence(token)
        if found:
            votes[found] += 1
    total = votes[","] + votes["."]
    if total == 0:
        return ("," if language == "es" else "."), 0.6
    mark = "," if votes[","] >= votes["."] else "."
    return mark, votes[mark] / total
