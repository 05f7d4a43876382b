"""A label's date whose marks a fax lost ("15122026", "2026 11 25", "12.12 2026", "25.1126",
"2411-2026", "2026-1126"), read with its marks put back, so doubtful: asked only of the words after a date
label (and of a letter's place and date), never by `dates.find_date`, since such figures in any other text
are no date (an order number, an amount and a year)."""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.layout.dates import MISREAD_PENALTY, FoundDate, find_date
from parsers.layout.text import fold

# a date printed year first whose two dashes a dot-matrix face and a normal fax both lost ("2026 11 25"
# after "DATA DA ENCOMENDA"): the three figures and nothing else, a year of this century and two figures
# each for the month and the day
_SPACED_YEAR_FIRST = re.compile(r"^\s*(20\d{2}) (\d{2}) (\d{2})\s*$")


# a numeric date both of whose separators a normal fax lost ("15122026" after "Deliver by:"): a day and a
# month of two figures each, then a year of this century, and nothing else
_RUN_TOGETHER = re.compile(r"^\s*(\d{2})(\d{2})(20\d{2})\s*$")


def run_together(text: str, *, month_first: bool = False) -> FoundDate | None:
    """The date a label's value is when it is eight figures alone, day and month first, then the year,
    its separators lost ("15122026" for 15/12/2026); read only once mended, so doubtful. Not part of
    `find_date`: eight figures in any other text are no date (an order number, an amount)."""
    m = _RUN_TOGETHER.match(fold(text))
    if m is None:
        return None
    found = find_date(f"{m[1]}/{m[2]}/{m[3]}", month_first=month_first, mend=False)
    return replace(found, certainty=round(found.certainty * MISREAD_PENALTY, 3)) if found else None


def spaced_year_first(text: str) -> FoundDate | None:
    """The date a label's value is when it is three figures alone, a year first, its dashes lost
    ("2026 11 25"); read only once mended, so doubtful. Not part of `find_date`: three such figures in
    any other text are no date ("2026 12 03" may be an amount and its year)."""
    m = _SPACED_YEAR_FIRST.match(fold(text))
    if m is None:
        return None
    found = find_date(f"{m[1]}-{m[2]}-{m[3]}", mend=False)
    return replace(found, certainty=round(found.certainty * MISREAD_PENALTY, 3)) if found else None


# a label's value that is a numeric date one or both of whose separators a normal fax lost, words
# after it ("para el dia 12.12 2026.", "antes del 2026 11 29 en horario", "11 30 2026"): two figures
# each for the day and the month, a year of this century, a word space where a mark was printed
_MARKS_LOST = re.compile(
    r"^\s*(?P<filler>(?:antes\s+)?del?\s+|el\s+|the\s+|on\s+|by\s+)?"
    r"(?:(?P<y1>20\d{2}) (?P<m1>\d{2}) (?P<d1>\d{2})"
    r"|(?P<a>\d{2})(?P<s1>[-/.]| )(?P<b>\d{2})(?P<s2>[-/.]| )(?P<y2>20\d{2}))"
    r"(?![\d,]|[.,]\d)"
)


def marks_lost(text: str, *, month_first: bool = False) -> FoundDate | None:
    """The date a label's value starts with when a fax lost one or both of its separators ("12.12
    2026", "2026 11 29", "11 30 2026"); read only once mended, so doubtful. Not part of `find_date`:
    such figures in any other text are no date ("12.50 2026": an amount and a year)."""
    m = _MARKS_LOST.match(fold(text))
    if m is None or (m["a"] and " " not in (m["s1"], m["s2"])):
        return None
    if m["y1"]:
        found = find_date(f"{m['y1']}-{m['m1']}-{m['d1']}", mend=False)
    else:
        found = find_date(f"{m['a']}/{m['b']}/{m['y2']}", month_first=month_first, mend=False)
    if found is None:
        return None
    start = m.start("y1") if m["y1"] else m.start("a")
    return FoundDate(
        found.value,
        round(found.certainty * MISREAD_PENALTY, 3),
        start,
        m.end(),
        swap=found.swap,
    )


def _mark_lost_pattern(year: str) -> re.Pattern[str]:
    """Two figures each for the day and the month, then the year (`year`), one mark among the three,
    nothing run on after it."""
    return re.compile(
        rf"^\s*(?:(?P<a>\d{{2}})(?P<s1>[-/.])(?P<b>\d{{2}})(?P<y1>{year})|(?P<c>\d{{2}})(?P<d>\d{{2}})(?P<s2>[-/.])(?P<y2>{year}))"
        r"(?![\d,]|[.,]\d)"
    )


# a label's value that is a numeric date with a two-figure year one of whose two marks a normal fax lost
# ("25.1126" or "2511.26" for 25.11.26)
_SHORT_YEAR_MARK_LOST = _mark_lost_pattern(r"\d{2}")
# the same with a year of this century in four figures ("2411-2026" or "24-112026" for 24-11-2026)
_YEAR_MARK_LOST = _mark_lost_pattern(r"20\d{2}")


def _mark_put_back(
    pattern: re.Pattern[str], text: str, month_first: bool, short_year: bool
) -> FoundDate | None:
    """The date `text` starts with as `pattern` finds it, its lost mark put back as the other one;
    doubtful, for it was read only once mended."""
    m = pattern.match(fold(text))
    if m is None:
        return None
    a, b, sep, year = (m["a"], m["b"], m["s1"], m["y1"]) if m["a"] else (m["c"], m["d"], m["s2"], m["y2"])
    found = find_date(f"{a}{sep}{b}{sep}{year}", month_first=month_first, mend=False)
    if found is None:
        return None
    certainty = round(found.certainty * MISREAD_PENALTY, 3)
    return FoundDate(found.value, certainty, m.start(), m.end(), short_year=short_year, swap=found.swap)


# a label's value that is a date printed year first one of whose two marks a normal fax lost ("2026-1126"
# or "202611-26" for 2026-11-26): a year of this century, then two figures each for the month and the day
_YEAR_FIRST_MARK_LOST = re.compile(
    r"^\s*(?:(?P<y1>20\d{2})(?P<s1>[-/.])(?P<m1>\d{2})(?P<d1>\d{2})|(?P<y2>20\d{2})(?P<m2>\d{2})(?P<s2>[-/.])(?P<d2>\d{2}))"
    r"(?![\d,]|[.,]\d)"
)


def year_first_mark_lost(text: str) -> FoundDate | None:
    """The date a label's value starts with when it is printed year first and a fax lost one of its two
    marks ("2026-1126" for 2026-11-26), the lost mark put back as the other one; read only once mended,
    so doubtful. Not part of `find_date`: eight figures and a mark in any other text are no date (an
    order number "2026-1126")."""
    m = _YEAR_FIRST_MARK_LOST.match(fold(text))
    if m is None:
        return None
    year, month, day, sep = (
        (m["y1"], m["m1"], m["d1"], m["s1"]) if m["y1"] else (m["y2"], m["m2"], m["d2"], m["s2"])
    )
    found = find_date(f"{year}{sep}{month}{sep}{day}", mend=False)
    if found is None:
        return None
    return FoundDate(found.value, round(found.certainty * MISREAD_PENALTY, 3), m.start(), m.end())


def short_year_mark_lost(text: str, *, month_first: bool = False) -> FoundDate | None:
    """The date a label's value starts with when it is printed with a two-figure year and a fax lost one
    of its two marks ("25.1126" for 25.11.26); read only once mended, so doubtful. Not part of
    `find_date`: six figures and a mark in any other text are no date ("25.1126" may be a price)."""
    return _mark_put_back(_SHORT_YEAR_MARK_LOST, text, month_first, short_year=True)


def year_mark_lost(text: str, *, month_first: bool = False) -> FoundDate | None:
    """The same with a four-figure year ("2411-2026" for 24-11-2026). Not part of `find_date`: eight
    figures and a mark in any other text are no date (an order number "2411-2026")."""
    return _mark_put_back(_YEAR_MARK_LOST, text, month_first, short_year=False)
