"""An order number as a fax misreads it, mended: a separator lost or the number parted beside one, a
bracket nothing closes, a capital read small, a 7 read as a slash, a dash read as a plus, a letter O read
as a zero."""

from __future__ import annotations

import re

from parsers.layout.dates import (
    find_date,
)
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.geometry import Tok
from parsers.layout.text import has_digit

MIN_SUFFIX = 4  # digits an order number printed without its prefix keeps
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/\-._]{2,29}$")
VALUE_EDGE = ":,;._-'\"‘’“”«»|*"  # marks and specks around an order or customer number
SEPARATORS = "-/"  # between the parts of an order number
_EDGE_BUT_DASH = VALUE_EDGE.replace("-", "")  # specks round a number a separator may end or start


# a part of an order number between its separators that is letters but for a zero: "0C" in "0C/26/66103"
_ZERO_IN_LETTERS = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Za-z0]*[A-Za-z])(?=[A-Za-z]*0)[A-Za-z0]{2,}(?![A-Za-z0-9])"
)


def lost_separator(toks: list[Tok]) -> tuple[object, list[Tok], float] | None:
    """An order number a normal fax parted where it lost a hyphen or a slash ("OC-2026 71566" for
    "OC-2026-71566"): a number whose parts all stand between one kind of separator, then figures alone
    in the same phrase. A fax keeps every other scan line, and a hyphen one or two lines thick goes
    whole; the number's own separator is the likeliest one lost. Joined with it, doubtful (a person
    confirms it; the same number printed whole elsewhere in the document outweighs it)."""
    if len(toks) < 2:
        return None
    first, second = toks[0].text.strip(VALUE_EDGE), toks[1].text.strip(VALUE_EDGE)
    at_gap = _separator_at_gap(toks)
    if at_gap is not None:
        return at_gap
    marks = {c for c in first if c in SEPARATORS}
    if not marks:
        return _prefix_parted(toks)
    if len(marks) != 1 or not second.isdigit() or not first[-1:].isalnum() or not has_digit(first):
        return None
    (mark,) = marks
    value = f"{first}{mark}{second}"
    if not CODE.match(value) or find_date(first) or find_date(value):
        return None
    return value, toks[:2], DOUBTFUL


def _separator_at_gap(toks: list[Tok]) -> tuple[object, list[Tok], float] | None:
    """An order number OCR parted beside one of its own separators ("26/ 78280" for 26/78280, "OC
    /26/26667" for OC/26/26667): the first word ends in a hyphen or slash, or the second starts with
    one, never both; the two run together are a number whose separators are all that one, its parts
    letters or figures, with a figure in it and no date. No order number ends or starts in a
    separator: the gap is OCR's. Doubtful, as every number joined across a gap (a person confirms it)."""
    first, second = toks[0].text.strip(_EDGE_BUT_DASH), toks[1].text.strip(_EDGE_BUT_DASH)
    ends, starts = first[-1:] in SEPARATORS, second[:1] in SEPARATORS
    if ends == starts or not first or not second or first.rstrip(SEPARATORS).upper() in _NOT_PREFIXES:
        return None
    value = first + second
    marks = {c for c in value if c in SEPARATORS}
    parts = re.split(r"[-/]", value)
    if len(marks) != 1 or not all(part.isalnum() for part in parts) or not has_digit(second):
        return None
    if not CODE.match(value) or find_date(value) or find_date(first) or find_date(second):
        return None
    return value, toks[:2], DOUBTFUL


# an order number's first part with no separator of its own: a few capitals ("PO", "OC", "F") or the
# figures of a year ("26", "2026")
_PREFIX = re.compile(r"^(?:[A-Z]{1,3}|\d{2}|\d{4})$")
_NOT_PREFIXES = frozenset(("N", "NO", "NR"))  # a number sign's letters, no part of a number


def _prefix_parted(toks: list[Tok]) -> tuple[object, list[Tok], float] | None:
    """An order number a normal fax parted where it lost the separator after its first part ("PO
    19552" for "PO-19552", "PO 2026-87301", "26 61894" for "26-61894"): capitals or a year's figures
    alone, then a part that starts with a figure. Joined with the rest's own separator, else with a
    hyphen: a hyphen one or two scan lines thick goes whole where a slash leaves a stroke. Doubtful."""
    first, second = toks[0].text.strip(VALUE_EDGE), toks[1].text.strip(VALUE_EDGE)
    marks = {c for c in second if c in SEPARATORS}
    if not _PREFIX.match(first) or first in _NOT_PREFIXES or not second[:1].isdigit() or len(marks) > 1:
        return None
    if sum(c.isdigit() for c in second) < MIN_SUFFIX:
        return None  # "2026 11": a year and a month, no number
    value = f"{first}{next(iter(marks), '-')}{second}"
    if not CODE.match(value) or find_date(value) or find_date(second):
        return None
    return value, toks[:2], DOUBTFUL


# an opening bracket with no closing one after it, at the start of a word that is figures (and letters)
# after it: "(2671540" for 2671540
_LONE_BRACKET = re.compile(r"^[(\[{](?=[A-Za-z0-9])(?P<rest>[^)\]}]*)$")


def lone_bracket(value: str) -> tuple[str, int]:
    """An order number read with an opening bracket before it that nothing closes ("(2671540"), that
    bracket left out, and how many were (0 or 1).  A number printed in brackets closes them; one that
    opens alone is a speck at the number's edge read as a bracket, or a letter of it ("C", "1") read as
    one, which nothing read tells apart: a person confirms the number (`header_values.parse_value`
    makes it doubtful)."""
    found = _LONE_BRACKET.match(value)
    return (found["rest"], 1) if found is not None else (value, 0)


# small letters whose shape is their capital's, smaller: a fax's skew and its lost scan lines leave OCR
# only the height to tell them by
LIKE_CAPITALS = frozenset("ckopsuvwxz")


def small_capital(value: str) -> tuple[str, int]:
    """An order number of capitals with one read small where its capital has the same shape
    ("pC26074004" for PC26074004), that one put upright, and how many were (0 or 1)."""
    letters = [c for c in value if c.isalpha()]
    small = [c for c in letters if c.islower()]
    if len(small) != 1 or len(letters) < 2 or small[0] not in LIKE_CAPITALS:
        return value, 0
    return value.replace(small[0], small[0].upper()), 1


# a slash right after a dash or a point and before a figure ("PO-2026-/0139"): no number prints two
# separators side by side; a 7 whose bar a fax lost leaves a slanted stroke read as a slash
_SLASH_AFTER_SEPARATOR = re.compile(r"(?<=\d[-.])/(?=\d)")


def seven_barless(value: str) -> tuple[str, int]:
    """An order number with a 7 that lost its bar read as a slash right after another separator
    ("PO-2026-/0139" for PO-2026-70139), that slash made a 7 again, and how many were (0 or 1)."""
    mended, count = _SLASH_AFTER_SEPARATOR.subn("7", value)
    return (mended, count) if count == 1 else (value, 0)


# a plus between two parts of an order number whose other separators are dashes ("OC+2026-96736"): a
# dash a streak or a speck crossed
_PLUS_FOR_DASH = re.compile(r"(?<=[A-Za-z0-9])\+(?=[A-Za-z0-9])")


def dash_crossed(value: str) -> tuple[str, int]:
    """An order number with one of its dashes read as a plus ("OC+2026-96736" for OC-2026-96736), that
    plus made a dash again where the number's other separators are dashes, and how many were (0 or 1)."""
    mended, count = _PLUS_FOR_DASH.subn("-", value)
    others = set(value) & set(SEPARATORS + ".")
    return (mended, count) if count == 1 and others == {"-"} else (value, 0)


def letter_o(value: str) -> tuple[str, int]:
    """An order number with a letter O OCR read as a zero where the rest of its part is letters ("0C/26/
    66103" for "OC/26/66103", "P0-4471" for "PO-4471"), and how many were mended; a part of digits, or of
    letters and other digits ("PO05963"), is left as it is."""
    count = 0

    def mend(m: re.Match[str]) -> str:
        nonlocal count
        count += m[0].count("0")
        return m[0].replace("0", "O")

    return _ZERO_IN_LETTERS.sub(mend, value), count


def letter_o_places(value: str) -> list[int]:
    """Where in the order number `value` a zero or a letter O stands in a part that is letters but for
    it ("0C" and "OC" in "0C/26/66103", `letter_o`): places where a reading's O and 0 are one letter."""
    zeroed = value.replace("O", "0").replace("o", "0")
    mended, _ = letter_o(zeroed)
    return [i for i, (a, b) in enumerate(zip(zeroed, mended, strict=True)) if a != b]


def letter_o_mended(raw: str, value: str) -> bool:
    """Whether the order number `value` is its reading `raw` with a zero in a part of letters mended to
    the letter O (`letter_o`: "0C/26/61293" for OC/26/61293) and nothing else changed but a letter's
    case (`small_capital`)."""
    text = raw.strip(VALUE_EDGE)
    if len(text) != len(value):
        return False
    places = set(letter_o_places(text))
    apart = [i for i, (a, b) in enumerate(zip(text, value, strict=True)) if a != b]
    zeros = [i for i in apart if i in places and text[i] == "0" and value[i] == "O"]
    cased = [i for i in apart if text[i].isalpha() and text[i].upper() == value[i]]
    return bool(zeros) and len(zeros) + len(cased) == len(apart)
