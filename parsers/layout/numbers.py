"""Reading printed numbers as `Decimal`: decimal comma or point, thousands separators, OCR repairs.

A token has several possible readings, each with a cost (0 = as printed under the document's decimal
mark); cross-checks choose between them.  Floats are never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from parsers.layout.memo import remembered
from parsers.layout.vocab import CURRENCIES

# Characters OCR confuses with digits, and the digit meant.
OCR_DIGITS = str.maketrans(
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
_STRIP = re.compile(r"^[\s(:=*_\"'“”‘’«»]+|[\s):;*\"'“”‘’«»°º]+$")
SHAPE = re.compile(r"^[+-]?[\d.,'’]*\d[\d.,'’]*-?$")
# Digits a fax line and OCR turn into one another, and what a swapped digit costs as a reading.
_CONFUSED = {"0": "689", "1": "7", "3": "8", "5": "6", "6": "058", "7": "1", "8": "036", "9": "0"}
REPAIR_COST = 4
# a price one of whose inner 1s was a stroke among its figures (`item_numbers.stroke_as_one`): always doubtful
STROKE_AS_ONE = "a stroke among its figures read as a 1"
OTHER_MARK = "read with the other decimal mark"
LOST_MARK = "a decimal mark seems lost"
_PER = re.compile(r"^(?P<price>.*\d.*?)\s*/\s*(?P<per>100|1000|1[.,]000)$")
_EDGE_JUNK = re.compile(r"^[-+.,'’]+(?=\d)|(?<=\d)[-.,'’]+$")


@dataclass(frozen=True)
class Reading:
    """One way to read a number token."""

    value: Decimal
    cost: int  # 0 as printed; each repair (OCR look-alike, other mark, inserted mark) costs more
    note: str = ""


# A speck after a sign printed behind the figures ("49,00€," on a fax): no number prints its mark there.
SPECK_AFTER_SIGN = re.compile(r"(?<=[€£$])[.,]+$")


# Two signs where one was printed ("€£192.00", "£€180,00": a fax's speck made one sign look like two)
# or an underline speck before the sign ("_€12.80"): the figures after them are the amount, and the
# currency is the one sign stated only when both read alike.
SPECK_BY_SIGN = "a speck beside the money sign taken off"
_SIGNS_TWICE = re.compile(r"^_*([€£$])([€£$])(?=[\d.,])|^_+(?=[€£$]?\d)")


def strip_money(text: str) -> tuple[str, str | None]:
    """The token without a currency symbol or code, and the currency it carried (ISO code)."""
    text = SPECK_AFTER_SIGN.sub("", _STRIP.sub("", text.strip()))
    twice = _SIGNS_TWICE.match(text)
    if twice is not None:
        alike = twice.group(1) is not None and twice.group(1) == twice.group(2)
        text = text[twice.end() :]
        if twice.group(1) is not None:
            return _STRIP.sub("", text), CURRENCIES.get(twice.group(1)) if alike else None
    found = None
    m = _SYMBOLS.search(text)
    if m and len(text) > len(m.group(0)):
        found = CURRENCIES.get(m.group(0).casefold())
        text = _STRIP.sub("", text[: m.start()] + text[m.end() :])
    return text, found


# A comma with a speck over it ("2 375;00" on a dot-matrix fax): a semicolon between figures is a comma.
_SEMICOLON = re.compile(r"(?<=\d);(?=\d)")


def repair_digits(text: str) -> tuple[str, int]:
    """Replace letters OCR mistakes for digits when the token is mostly digits, and a semicolon between
    figures by the comma it was; the count replaced."""
    text, semicolons = _SEMICOLON.subn(",", text)
    digits = sum(c.isdigit() for c in text)
    suspicious = sum(1 for c in text if c.translate(OCR_DIGITS) != c)
    if suspicious == 0 or digits == 0 or digits < suspicious:
        return text, semicolons
    return text.translate(OCR_DIGITS), suspicious + semicolons


def per_basis(text: str) -> tuple[str, int]:
    """A price printed per hundred or per thousand units ("950.00/1000", "4,20/100"): the price as
    printed and the units it is for (1 when it is for one)."""
    m = _PER.match(text.strip())
    if m is None:
        return text, 1
    return m["price"], int(re.sub(r"\D", "", m["per"]))


@remembered
def looks_numeric(text: str) -> bool:
    """Whether the token is a number (perhaps with a currency mark, OCR look-alike letters or a price
    basis of 100 or 1,000 units)."""
    core, _ = strip_money(per_basis(text)[0])
    fixed, _ = repair_digits(core)
    return bool(SHAPE.match(fixed))


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
            or parts[0].startswith("0")  # "0.340" is never 340: a leading 0 says `group` is the mark
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


# A dollar sign printed after the number, its strokes blurred by a normal fax into a figure ("4,21$" read
# "4213", "46,68$" read "46,685"): what stands before it is an amount to the cent, or figures whose mark
# was lost with it.
# A euro sign so blurred reads as a 6 ("8,50€" as "8.506") the way a dollar sign reads as a 3, 5 or 8.
_SIGN_AS_DIGIT = re.compile(r"^(?:\d+[.,]\d\d|\d{3,})[3568]$")
SIGN_READ = "a money sign after it read as a figure"
# A total is money, printed to the cent: one more figure after the cents is the sign after it ("773,97£"
# read "773,974"), never a tenth of a cent.
_PAST_CENT = re.compile(r"^\d[\d.,]*[.,]\d\d\d$")
PAST_CENT_READ = "a sign after the cents read as a figure"


def _variants(text: str, *, rules: bool, cents: bool = False) -> list[tuple[str, int, str]]:
    """The token as printed, then the OCR slips it may hide, each with its cost: stray marks at its
    edges (".210.00", "8.50,") and a table rule read as a "1" beside the number ("101" for "10|"); with
    `cents` (a total, on a page whose marks may be lost), a figure past its cents."""
    out = [(text, 0, "")]
    trimmed = _EDGE_JUNK.sub("", text)
    if trimmed != text and any(c.isdigit() for c in trimmed):
        out.append((trimmed, 1, "stray marks at the edges left out"))
    marks = [c for c in trimmed if c in ".,"]
    if len(marks) >= 2 and len(set(marks)) == 1:  # "1,000,000" for "1.000,000": a group mark misread
        last = trimmed.rindex(marks[0])
        other = "," if marks[0] == "." else "."
        out.append((trimmed[:last].replace(marks[0], other) + trimmed[last:], 2, "group marks misread"))
        # "5,000,000" for "5,000.000": the decimal mark read as the group mark before it
        out.append((trimmed[:last] + other + trimmed[last + 1 :], 2, "decimal mark read as a group mark"))
    if not rules:
        if cents and _PAST_CENT.match(trimmed):
            out.append((trimmed[:-1], 3, PAST_CENT_READ))
        return out
    if len(trimmed) >= 3 and trimmed[-1] == "1" and trimmed[-2].isdigit():
        out.append((trimmed[:-1], 2, "a table rule read as a final 1"))
    if len(trimmed) >= 3 and trimmed[0] == "1" and trimmed[1].isdigit():
        out.append((trimmed[1:], 2, "a table rule read as a leading 1"))
    if _SIGN_AS_DIGIT.match(trimmed):
        out.append((trimmed[:-1], 3, SIGN_READ))
    return out


def readings(text: str, mark: str, *, rules: bool = True, lost_marks: bool = True) -> list[Reading]:
    """Every plausible reading of `text`, cheapest first, under the document's decimal `mark`; without
    `rules`, none that drops a digit as a table rule (a total checks the lines, it is not fitted to them);
    without `lost_marks`, none that puts back a decimal mark (a text layer prints every mark it has:
    "100" there is a hundred, never 1.00)."""
    return list(_readings(text, mark, rules, lost_marks))


@remembered
def _readings(text: str, mark: str, rules: bool, lost_marks: bool) -> tuple[Reading, ...]:
    printed, basis = per_basis(text)
    core, _ = strip_money(printed)
    fixed, repaired = repair_digits(core)
    if not SHAPE.match(fixed):
        if rules and lost_marks and (mended := mark_misread(fixed, mark)) is not None:
            return tuple(
                replace(r, cost=r.cost + MARK_MISREAD_COST, note=MARK_MISREAD)
                for r in _readings(mended, mark, rules, lost_marks)
                if r.cost == 0
            )
        return ()
    if basis != 1:  # per 100 or 1,000 units: the reading is the price of one
        return tuple(
            replace(r, value=r.value / basis, note=f"per {basis}")
            for r in readings(printed, mark, rules=rules, lost_marks=lost_marks)
        )
    other = "." if mark == "," else ","
    out: list[Reading] = []

    def add(value: Decimal | None, cost: int, note: str) -> None:
        if value is None:
            return
        same = [i for i, r in enumerate(out) if r.value == value]
        if not same:
            out.append(Reading(value, cost, note))
        elif out[same[0]].cost > cost:  # the same value by a cheaper way of reading it
            out[same[0]] = Reading(value, cost, note)

    # a speck taken off beside the money sign (`_SIGNS_TWICE`) mends the token as a look-alike does
    specked = _SIGNS_TWICE.match(_STRIP.sub("", printed.strip())) is not None
    base = 1 if repaired or specked else 0
    # a figure past the cents is tried for totals only (`rules` off) and never on a text layer's lines
    for variant, cost, why in _variants(fixed, rules=rules, cents=not rules and lost_marks):
        mended = "OCR look-alike letters read as digits" if repaired else SPECK_BY_SIGN if specked else ""
        note = "; ".join(n for n in (mended, why) if n)
        add(_parse(variant, mark), base + cost, note)
        add(_parse(variant, other), base + cost + 2, OTHER_MARK)
        digits = variant.strip("+-")
        if lost_marks and (cost == 0 or why == SIGN_READ) and digits.isdigit() and len(digits) >= 3:
            for places, extra in ((2, 2), (3, 3), (4, 4)):
                # a price to four places prints a unit before its mark ("0,0350", "2,4500")
                if places < 4 or len(digits) > places:
                    add(Decimal(digits).scaleb(-places), base + cost + extra, LOST_MARK)
    if rules and lost_marks and _S_FOR_DOLLAR.match(core):
        # "S0.3672": a dollar sign read as the letter, which `repair_digits` took for a 5
        for r in _readings(core[1:], mark, rules, lost_marks):
            if r.cost == 0:
                add(r.value, r.cost + S_FOR_DOLLAR_COST, S_FOR_DOLLAR)
    return tuple(sorted(out, key=lambda r: r.cost))


# A dollar sign ahead of the figures read as an S ("S0.3672" for $0.3672): an S, then figures and a
# decimal mark; a reading of the line's numbers the arithmetic has to choose, never the plain one.
_S_FOR_DOLLAR = re.compile(r"^[Ss]\d+[.,]\d+$")
S_FOR_DOLLAR = "a dollar sign read as an S"
S_FOR_DOLLAR_COST = 2


# A fax's decimal comma read as a slash ("17/00" for 17,00), or with a bracket beside it ("61),20"):
# figures, then the cents. Only two figures after it: a price for 100 or 1,000 units ("24/100") is
# `per_basis`'s, and a date's day and month stand in no number cell.
_SLASH_MARK = re.compile(r"^(?P<whole>\d[\d.,']*?)(?:/|\)[.,]|[.,]\))(?P<cents>\d\d)$")
MARK_MISREAD = "a decimal mark read as a slash or a bracket"
MARK_MISREAD_COST = 2  # as a mark put back where the fax lost it


def mark_misread(text: str, mark: str) -> str | None:
    """`text` with its decimal mark put back where OCR read it as a slash or with a bracket beside it
    ("17/00" and "61),20" for 17,00 and 61,20 under a decimal comma), else None."""
    m = _SLASH_MARK.match(text)
    return f"{m['whole']}{mark}{m['cents']}" if m else None


def confusable(printed: str, other: str) -> bool:
    """Whether OCR takes digit `other` for `printed` or the other way round on a fax ("3" for "8")."""
    return other in _CONFUSED.get(printed, "") or printed in _CONFUSED.get(other, "")


def confusions(text: str, mark: str) -> list[Reading]:
    """Readings of `text` with one digit swapped for a digit OCR takes it for on a fax ("409" for
    "400"): tried only when the plain readings fail the arithmetic, which then has to vouch for one."""
    core, _ = strip_money(text)
    fixed, _ = repair_digits(core)
    fixed = _EDGE_JUNK.sub("", fixed)
    if not SHAPE.match(fixed):
        return []
    out: list[Reading] = []
    for i, char in enumerate(fixed):
        for other in _CONFUSED.get(char, ""):
            value = _parse(fixed[:i] + other + fixed[i + 1 :], mark)
            if value is not None and all(r.value != value for r in out):
                out.append(Reading(value, REPAIR_COST, f"digit {i + 1} read as {other!r}, not {char!r}"))
    return out
