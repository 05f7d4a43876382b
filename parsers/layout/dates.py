"""Finding a date in printed text: 26/11/2026, 26.11.26, 2026-11-26, "26 de noviembre de 2026",
"November 26, 2026", "26 Nov 2026"; day first unless the numbers say otherwise. What OCR misread in a
date is mended by `date_misreads`; a label's date whose marks a fax lost is read by `date_marks_lost`;
whether a document writes the day or the month first is `date_order`'s."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from parsers.layout.calendar_names import MONTH_NAME, MONTHS, WEEKDAYS
from parsers.layout.date_misreads import repair_misread
from parsers.layout.text import fold

_YEAR = r"(?P<year>\d{4}|\d{2})"
_END = r"(?!\d)"
PATTERNS = (
    # a year-first date's day of one figure with a slash or bar at once after it is a day whose second
    # figure a fax read as that mark ("2026-12-1/" for 2026-12-10 or -17): no date to take
    ("iso", re.compile(r"(?<![\w])(?P<year>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{2}|\d(?![/|\\]))(?!\d)")),
    ("numeric", re.compile(r"(?<![\w])(?P<a>\d{1,2})\s?[-/.]\s?(?P<b>\d{1,2})\s?[-/.]\s?" + _YEAR + _END)),
    (
        "day_month",
        re.compile(
            r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|º)?[\s.-]*(?:de\s+)?"
            + MONTH_NAME
            + r"[\s,.-]*(?:de\s+|del\s+)?"
            + _YEAR
            + r"(?!\d)"
        ),
    ),
    (
        "month_day",
        re.compile(r"(?<![a-z])" + MONTH_NAME + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + _END),
    ),
)
_OCR = str.maketrans({"o": "0", "l": "1", "|": "1"})
# how sure a date with a two-figure year is: its century is inferred
SHORT_YEAR = 0.95
MAX_LEAD_DAYS = 366  # a delivery asked for further from the order date than this is a misread date


def within_lead(delivery: date, ordered: date) -> bool:
    """Whether a delivery date `delivery` falls where one may beside the order's date `ordered`: on or
    after it, and no further after it than `MAX_LEAD_DAYS`."""
    return 0 <= (delivery - ordered).days <= MAX_LEAD_DAYS


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, how sure the reading is, and where in the text it stood."""

    value: date
    certainty: float
    start: int
    end: int
    month_named: bool = False  # the month written in letters: day and month cannot swap
    short_year: bool = False  # the year in two figures: its century is inferred, not read
    swap: float = 1.0  # what a day and a month that may be read the other way round took off


def full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _numeric(a: int, b: int, year: int, month_first: bool) -> tuple[date | None, float]:
    if a > 12 or (b <= 12 and not month_first):
        return make_date(year, b, a), 1.0 if (a > 12 or a == b) else 0.95
    return make_date(year, a, b), 1.0 if b > 12 else 0.9


MISREAD_PENALTY = 0.6  # a date read only once a month name or a separator is mended: a person confirms it


# A numeric date as a normal fax's OCR spoils its separators: a point read as a comma ("23,11.2026",
# "09,12/2026") or a word space put before one ("2026-11 -25"); only before a four-digit year, so that
# no amount ("3,15") and no list of numbers is taken for a date
COMMA_DATE = re.compile(r"(?<![\d,.])(\d{1,2})\s?[,.\-/]\s?(\d{1,2})\s?[,.\-/]\s?(\d{4})(?![\d,])")
_SPACED_ISO = re.compile(r"(?<![\w])(\d{4})\s?([-/.])\s?(\d{1,2})\s?([-/.])\s?(\d{1,2})(?!\d)")


def _repair_digits(text: str) -> str:
    """Letters OCR confuses with digits, replaced where they stand between digits and separators; a
    numeric date's separators OCR read as commas or set apart, put right."""
    text = re.sub(r"(?<=[\d/.-])[ol|]|[ol|](?=[\d/.-]*\d)", lambda m: m.group(0).translate(_OCR), text)
    text = COMMA_DATE.sub(lambda m: f"{m[1]}.{m[2]}.{m[3]}", text)
    return _SPACED_ISO.sub(lambda m: f"{m[1]}{m[2]}{m[3]}{m[4]}{m[5]}", text)


def find_date(text: str, *, month_first: bool = False, mend: bool = True) -> FoundDate | None:
    """The first date in `text`; `month_first` reads an ambiguous 03/04/2026 as March 4th; without
    `mend`, only a date as printed, no misreading of it mended."""
    folded = fold(text)
    readings = [(folded, 1.0)]
    if mend:
        readings.append((_repair_digits(folded), 0.85))
    if mend and any(c.isdigit() for c in folded):  # no figure, no date to mend
        readings.append((repair_misread(folded), MISREAD_PENALTY))
    for candidate, penalty in readings:
        best: FoundDate | None = None
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(candidate):
                g = m.groupdict()
                year = full_year(g["year"])
                certainty = 1.0 if len(g["year"]) == 4 else SHORT_YEAR
                swap = 1.0
                if kind == "iso":
                    value = make_date(year, int(g["m"]), int(g["d"]))
                elif kind == "numeric":
                    value, swap = _numeric(int(g["a"]), int(g["b"]), year, month_first)
                    certainty *= swap
                else:
                    value = make_date(year, MONTHS[g["month"]], int(g["d"]))
                if value is not None and (best is None or m.start() < best.start):
                    named = kind in ("day_month", "month_day")
                    short = len(g["year"]) != 4
                    best = FoundDate(
                        value, round(certainty * penalty, 3), m.start(), m.end(), named, short, swap
                    )
                    break
        if best is not None:
            return best
    return _by_weekday(folded) if mend else None


# a weekday name, then a day that makes no date with its month ("martes, 45 de diciembre de 2026")
_NAMED_DAY = re.compile(r"^\s*([a-z]+)[.,]?\s+(\d{1,2})(?!\d)")


def _by_weekday(text: str) -> FoundDate | None:
    """A date whose day OCR misread by one figure into no day of its month, printed after its weekday's
    name: the one day a figure away that falls on that weekday, as a misreading mended; None when no
    weekday is named or no day, or more than one, fits."""
    named = _NAMED_DAY.match(text)
    weekday = WEEKDAYS.get(named[1]) if named else None
    if named is None or weekday is None:
        return None
    day = named[2]
    fits = []
    for at in range(len(day)):
        for figure in "0123456789":
            other = day[:at] + figure + day[at + 1 :]
            if other == day or other.lstrip("0") == "":
                continue
            found = find_date(other + text[named.end(2) :], mend=False)
            if found is not None and found.start == 0 and found.value.weekday() == weekday:
                fits.append(found)
    if len({f.value for f in fits}) != 1:
        return None
    found, at = fits[0], named.start(2)  # the day read again is as long as the day printed
    certainty = round(found.certainty * MISREAD_PENALTY, 3)
    return FoundDate(found.value, certainty, at, at + found.end, found.month_named)
