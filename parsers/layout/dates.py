"""Finding a date in printed text: 26/11/2026, 26.11.26, 2026-11-26, "26 de noviembre de 2026",
"November 26, 2026", "26 Nov 2026"; day first unless the numbers say otherwise."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from parsers.layout.memo import remembered
from parsers.layout.text import fold, one_edit

_NAMES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "january february march april may june july august september october november december",
    "ene feb mar abr may jun jul ago sep oct nov dic",
    "jan feb mar apr may jun jul aug sep oct nov dec",
)
MONTHS = {name: i for names in _NAMES for i, name in enumerate(names.split(), 1)} | {"sept": 9, "set": 9}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_END = r"(?!\d)"
_PATTERNS = (
    # a year-first date's day of one figure with a slash or bar at once after it is a day whose second
    # figure a fax read as that mark ("2026-12-1/" for 2026-12-10 or -17): no date to take
    ("iso", re.compile(r"(?<![\w])(?P<year>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{2}|\d(?![/|\\]))(?!\d)")),
    ("numeric", re.compile(r"(?<![\w])(?P<a>\d{1,2})\s?[-/.]\s?(?P<b>\d{1,2})\s?[-/.]\s?" + _YEAR + _END)),
    (
        "day_month",
        re.compile(
            r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|º)?[\s.-]*(?:de\s+)?"
            + _MONTH
            + r"[\s,.-]*(?:de\s+|del\s+)?"
            + _YEAR
            + r"(?!\d)"
        ),
    ),
    (
        "month_day",
        re.compile(r"(?<![a-z])" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + _END),
    ),
)
_OCR = str.maketrans({"o": "0", "l": "1", "|": "1"})
# how sure a date with a two-figure year is: its century is inferred
SHORT_YEAR = 0.95
YEAR_MONTHS = 12
MAX_LEAD_DAYS = 366  # a delivery asked for further from the order date than this is a misread date


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


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _numeric(a: int, b: int, year: int, month_first: bool) -> tuple[date | None, float]:
    if a > 12 or (b <= 12 and not month_first):
        return _make(year, b, a), 1.0 if (a > 12 or a == b) else 0.95
    return _make(year, a, b), 1.0 if b > 12 else 0.9


MISREAD_PENALTY = 0.6  # a date read only once a month name or a separator is mended: a person confirms it
LONG_MONTH = 8  # letters of a month name two of which OCR may misread and leave it known
_FULL_MONTHS = [m for m in MONTHS if len(m) >= 5]
_WORD = re.compile(r"[a-z]{5,}")
# a dot-separated date with one dot read as a comma and a two-digit year ("12,12.26", "05.12,26"): day
# and month of two figures each, the month a month, so that no amount ("3,15.20") is taken for a date
_COMMA_FOR_DOT = re.compile(r"(?<![\d,.])(\d{2})[,.](0[1-9]|1[0-2])[,.](\d{2}|\d{4})(?![\d,.])")


# a numeric date whose month or day OCR parted with a space ("04/1 2/2026", "2026-1 2-03")
_SPLIT_FIGURES = re.compile(r"(?<![\d])(\d{1,2}|\d{4})([-/.])(\d) (\d)([-/.]\d{1,4})(?!\d)")
_S_FOR_FIVE = re.compile(r"(?<=[a-z] )s(?=th\b)")  # "December Sth": the 5 read as an S
# "Sth December 2026": the same, the day before its month
_S_FOR_FIVE_FIRST = re.compile(r"(?<![\w])s(?=th[\s.,-]+" + _MONTH + r")")
# a numeric date whose separator before a four-digit year a normal fax lost ("29-11 2076"): the
# separator between day and month stands for both; two figures each and a dash or slash, so that no
# amount and year ("12.50 2026") is taken for a date
_LOST_SEPARATOR = re.compile(r"(?<![\d,.\-/])(\d{2})([-/])(\d{2}) (\d{4})(?![\d,.])")
# "November 24h, 2026": the t of a month-first date's ordinal lost ("24th" read as "24h"); only between
# a month name and a year, so that no hour ("a las 14h") is taken for a day
_LOST_ORDINAL_T = re.compile(r"(?<![a-z])(" + _MONTH + r"\s+\d{1,2})h(?=,?\s+\d{4}(?!\d))")
# "25h November 2026": the same of a day-first date, only between a day and a month name and its year
_LOST_ORDINAL_T_FIRST = re.compile(r"(?<![\w])(\d{1,2})h(?=\s+" + _MONTH + r",?\s+\d{4}(?!\d))")
# "noviembre'de 2026": a speck in the space between two words of a date read as an apostrophe
_SPECK_FOR_SPACE = re.compile(r"(?<=[a-z])['`](?=(?:de|del|of)\s+\d)")
# "November 26. 2026": the comma after a month-first date's day read as a point, or as a point with a
# speck before it ("December 4+. 2026", "4*, 2026"); only between a month name and a four-figure year
_POINT_FOR_COMMA = re.compile(
    r"(?<![a-z])(" + _MONTH + r"\s+\d{1,2})(?:\.|[+*'`\"’”]+[.,]?)(?=\s+\d{4}(?!\d))"
)
# "November, 24th, 2026": a speck after a month-first date's month name read as a comma; only before
# a day and a year, so that a list of months ("November, 24 units") is left alone
_COMMA_AFTER_MONTH = re.compile(r"(?<![a-z])(" + _MONTH + r"),(?=\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d))")
# the same in a date printed year first ("2026-12 01", "2026 12-03": a dot-matrix face's dash lost)
# and "2026, 11-25": the first dash read as a comma or a point, a word space after it
_LOST_ISO_SEPARATOR = re.compile(
    r"(?<![\d,.\-/])(\d{4})(?:([-/])(\d{2}) (\d{2})|([,.]?) (\d{2})([-/])(\d{2}))(?![\d,.\-/])"
)

# a numeric date's slash (or dash, or point) a normal fax thinned to its two ends, read as a colon
# ("11:26:2026", "12/6:2026"): only between day and month figures before a four-digit year, so that no
# time ("10:15") is taken for a date
_COLON_FOR_SEPARATOR = re.compile(r"(?<![\d:,.])(\d{1,2})([:/.-])(\d{1,2})([:/.-])(\d{4})(?![\d:,])")

# the same in a date printed year first ("2026-11:26", "2026:12-03"): one of its dashes read as a colon,
# after a year of this century, so that no time ("10:15") is taken for a date
_COLON_IN_ISO = re.compile(r"(?<![\d:,.])(20\d{2})([:/.-])(\d{1,2})([:/.-])(\d{1,2})(?![\d:,])")


# a named-month date whose dash or slash before its year a normal fax thinned to a colon ("24-Nov:26"):
# only after a day and a month name, so that no time ("Nov 10:30") is taken for a year
_COLON_BEFORE_YEAR = re.compile(r"(?<!\d)(\d{1,2})([-/. ])(" + _MONTH + r"):(\d{4}|\d{2})(?!\d)")
# a colon before a numeric date with a speck after it read as a 1 run into the day (":123.11.26" for
# ": 23.11.26"): a day of three figures, the first a 1, right after the colon; the 1 left out
_SPECK_ONE = re.compile(r"(?<=[:;])1(?=\d{2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d))")


# a short month name one letter off between a day and a year with the same separator each side
# ("26-nev-2026" for 26-nov-2026): words this short are mended only there, where a month must stand
_SHORT_MONTH_BETWEEN = re.compile(r"(?<![\d\w])(\d{1,2})([-/. ])([a-z]{3})\2(\d{4}|\d{2})(?!\d)")
_SHORT_MONTHS = [m for m in MONTHS if len(m) == len("nov")]
# the same before a month-first date's day, its comma and a four-figure year ("Now 25, 2026", "Dee 7,
# 2026"): where nothing but a month's name stands; the comma and the four figures are asked for so that
# a word before a number and a year in a sentence ("net 30 2026") is left alone
_SHORT_MONTH_FIRST = re.compile(r"(?<![\w])([a-z]{3})(\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s*\d{4})(?!\d)")
# words one letter off a short month name that stand before a day as they are ("Net 30, 2026": a
# payment term, "set" only a month's abbreviation in Portuguese)
_NOT_MONTHS = frozenset({"net"})


# a numeric date's separator a normal fax spoiled into a bracket or doubled ("07)12,2026" for 07/12/2026,
# "06,.12,2026"): figures of a day and a month, then a four-digit year; mended only where a separator
# is such, so that dates as printed are left to the other readings
_ODD_SEPARATOR = re.compile(r"(?<![\d,.])(\d{1,2})([,./\-()]{1,2})(\d{1,2})([,./\-()]{1,2})(\d{4})(?![\d,])")


def _separators_mended(m: re.Match[str]) -> str:
    odd = [sep for sep in (m[2], m[4]) if len(sep) > 1 or sep in "()"]
    return f"{m[1]}.{m[3]}.{m[5]}" if odd else m[0]


def _short_month_mended(m: re.Match[str]) -> str:
    month = _short_month(m[3])
    return m[0] if month is None else f"{m[1]}{m[2]}{month}{m[2]}{m[4]}"


def _short_month_first_mended(m: re.Match[str]) -> str:
    month = None if m[1] in _NOT_MONTHS else _short_month(m[1])
    return m[0] if month is None else f"{month}{m[2]}"


def _short_month(word: str) -> str | None:
    """The short month name `word` is with one letter misread, where exactly one month is that near;
    None for a month's name as printed, or none, or two months ("jen": jan or jun)."""
    if word in MONTHS:
        return None
    near = [s for s in _SHORT_MONTHS if sum(a != b for a, b in zip(word, s, strict=True)) == 1]
    return near[0] if len({MONTHS[s] for s in near}) == 1 else None


# a month name run into its year where a fax lost the space between them and read a speck there as
# a mark or a thin letter ("November¡2026", "Novernberi2026"): only a whole month name (or one a letter
# off, or with its m parted) before the mark, and four figures after it
_GLUED_YEAR = re.compile(r"(?<![a-z])([a-z]{3,}?)(?:[il]|[^\w\s])(\d{4})(?!\d)")


def _year_parted(m: re.Match[str]) -> str:
    return f"{m[1]} {m[2]}" if _near_month(m[1]) in MONTHS else m[0]


def _colon_mended(m: re.Match[str]) -> str:
    if ":" not in (m[2], m[4]):
        return m[0]
    mark = next((c for c in (m[2], m[4]) if c != ":"), "/")
    return f"{m[1]}{mark}{m[3]}{mark}{m[5]}"


def _repair_misread(text: str) -> str:
    """The text with a month name OCR misread by one letter ("dacomber", "nuvember") written right,
    where exactly one month name is that close, a day or month parted by a space joined ("04/1 2/2026"),
    an ordinal's 5 read as an S ("December Sth", "Sth December"), a separator lost before a four-digit
    year or in a date printed year first ("29-11 2076", "2026-12 01", "2026, 11-25"), a point for the
    comma after a month-first date's day ("November 26. 2026"), a comma after its month ("November,
    24th, 2026"), an ordinal's t lost after its month ("November 24h,
    2026") or before it ("25h November 2026"), a speck read as an apostrophe in the space before "de"
    ("noviembre'de 2026"), a separator
    read as a colon ("11:26:2026", "24-Nov:26", "2026-11:26"), a speck after a colon read as a 1 run
    into the day (":123.11.26"), a short month name a letter off between a day and a year ("26-nev-2026"), a
    short month name a letter off before a month-first date's day ("Now 25, 2026"), a
    month name run into its year by a speck ("November¡2026"), a separator read as a bracket or
    doubled ("07)12,2026", "06,.12,2026") and a
    dot-separated date's dot read as a comma mended; the text as it was when there is nothing to mend."""
    text = _GLUED_YEAR.sub(_year_parted, text)
    text = _WORD.sub(lambda m: _near_month(m.group(0)), text)
    text = _SPLIT_FIGURES.sub(r"\1\2\3\4\5", text)
    text = _S_FOR_FIVE.sub("5", text)
    text = _S_FOR_FIVE_FIRST.sub("5", text)
    text = _LOST_SEPARATOR.sub(r"\1\2\3\2\4", text)
    text = _LOST_ISO_SEPARATOR.sub(_iso_joined, text)
    text = _POINT_FOR_COMMA.sub(r"\1,", text)
    text = _COMMA_AFTER_MONTH.sub(r"\1", text)
    text = _LOST_ORDINAL_T.sub(r"\1th", text)
    text = _LOST_ORDINAL_T_FIRST.sub(r"\1th", text)
    text = _SPECK_FOR_SPACE.sub(" ", text)
    text = _COLON_FOR_SEPARATOR.sub(_colon_mended, text)
    text = _COLON_IN_ISO.sub(_colon_mended, text)
    text = _COLON_BEFORE_YEAR.sub(r"\1\2\3\2\5", text)
    text = _SPECK_ONE.sub("", text)
    text = _SHORT_MONTH_BETWEEN.sub(_short_month_mended, text)
    text = _SHORT_MONTH_FIRST.sub(_short_month_first_mended, text)
    text = _ODD_SEPARATOR.sub(_separators_mended, text)
    return _COMMA_FOR_DOT.sub(
        lambda m: f"{m[1]}.{m[2]}.{m[3]}" if "," in m[0] and "." in m[0] else m[0], text
    )


def _iso_joined(m: re.Match[str]) -> str:
    if m[2]:
        return f"{m[1]}{m[2]}{m[3]}{m[2]}{m[4]}"
    return f"{m[1]}{m[7]}{m[6]}{m[7]}{m[8]}"


_PARTED_M = ("rn", "tn", "nn", "in")


@remembered
def _near_month(word: str) -> str:
    if word in MONTHS:
        return word
    # an "m" a fax parted into two strokes read as "rn", "tn", "nn" or "in" ("dicietnbre", "novienbre"
    # is one letter off and met below): the month with the m put back, when one is
    parted = {
        m
        for pair in _PARTED_M
        for m in _FULL_MONTHS
        if word.count(pair) == 1 and word.replace(pair, "m") == m
    }
    if len(parted) == 1:
        return parted.pop()
    near = [m for m in _FULL_MONTHS if one_edit(word, m)]
    if not near and len(word) >= LONG_MONTH:  # "dacomber": a long name keeps its shape with two letters off
        near = [
            m
            for m in _FULL_MONTHS
            if len(m) == len(word) and sum(a != b for a, b in zip(m, word, strict=True)) == 2
        ]
    return near[0] if len(near) == 1 else word


# A numeric date as a normal fax's OCR spoils its separators: a point read as a comma ("23,11.2026",
# "09,12/2026") or a word space put before one ("2026-11 -25"); only before a four-digit year, so that
# no amount ("3,15") and no list of numbers is taken for a date
_COMMA_DATE = re.compile(r"(?<![\d,.])(\d{1,2})\s?[,.\-/]\s?(\d{1,2})\s?[,.\-/]\s?(\d{4})(?![\d,])")
_SPACED_ISO = re.compile(r"(?<![\w])(\d{4})\s?([-/.])\s?(\d{1,2})\s?([-/.])\s?(\d{1,2})(?!\d)")


def _repair_digits(text: str) -> str:
    """Letters OCR confuses with digits, replaced where they stand between digits and separators; a
    numeric date's separators OCR read as commas or set apart, put right."""
    text = re.sub(r"(?<=[\d/.-])[ol|]|[ol|](?=[\d/.-]*\d)", lambda m: m.group(0).translate(_OCR), text)
    text = _COMMA_DATE.sub(lambda m: f"{m[1]}.{m[2]}.{m[3]}", text)
    return _SPACED_ISO.sub(lambda m: f"{m[1]}{m[2]}{m[3]}{m[4]}{m[5]}", text)


def parted_joined(text: str) -> str:
    """The text with a numeric date's day or month that a gap parted joined ("26/1 1/2026" for
    26/11/2026, "04/1 2/2026"): as `find_date` mends it, the text as it was when nothing is parted."""
    return _SPLIT_FIGURES.sub(r"\1\2\3\4\5", text)


def find_date(text: str, *, month_first: bool = False, mend: bool = True) -> FoundDate | None:
    """The first date in `text`; `month_first` reads an ambiguous 03/04/2026 as March 4th; without
    `mend`, only a date as printed, no misreading of it mended."""
    folded = fold(text)
    readings = [(folded, 1.0)]
    if mend:
        readings.append((_repair_digits(folded), 0.85))
    if mend and any(c.isdigit() for c in folded):  # no figure, no date to mend
        readings.append((_repair_misread(folded), MISREAD_PENALTY))
    for candidate, penalty in readings:
        best: FoundDate | None = None
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(candidate):
                g = m.groupdict()
                year = _year(g["year"])
                certainty = 1.0 if len(g["year"]) == 4 else SHORT_YEAR
                swap = 1.0
                if kind == "iso":
                    value = _make(year, int(g["m"]), int(g["d"]))
                elif kind == "numeric":
                    value, swap = _numeric(int(g["a"]), int(g["b"]), year, month_first)
                    certainty *= swap
                else:
                    value = _make(year, MONTHS[g["month"]], int(g["d"]))
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


# a weekday name, then a day that makes no date with its month ("martes, 45 de diciembre de 2026")
_NAMED_DAY = re.compile(r"^\s*([a-z]+)[.,]?\s+(\d{1,2})(?!\d)")


def _by_weekday(text: str) -> FoundDate | None:
    """A date whose day OCR misread by one figure into no day of its month, printed after its weekday's
    name: the one day a figure away that falls on that weekday, as a misreading mended; None when no
    weekday is named or no day, or more than one, fits."""
    named = _NAMED_DAY.match(text)
    weekday = _WEEKDAYS.get(named[1]) if named else None
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


_US_SIGNS = (
    re.compile(r"\b(?:USA|U\.S\.A\.?|United States(?: of America)?)\b"),
    re.compile(r"(?<![\w+])\+1[\s(.-]*\d{3}\b"),  # a North American telephone number
    re.compile(r"\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b"),  # a state and ZIP code: "Aurora, IL 60504"
)


def _numeric_votes(texts: list[str]) -> tuple[int, int]:
    """Numeric dates on the document whose first number is over 12, and those whose second one is; a
    date whose point a fax read as a comma ("23.11,2026") votes as well."""
    day, month = 0, 0
    pattern = dict(_PATTERNS)["numeric"]
    for text in texts:
        for m in pattern.finditer(_COMMA_DATE.sub(lambda c: f"{c[1]}.{c[2]}.{c[3]}", text)):
            a, b = int(m["a"]), int(m["b"])
            day += a > 12 >= b
            month += b > 12 >= a
    return day, month


def month_misread(text: str) -> list[date]:
    """The dates a numeric date may have been where it reads month first only because its second
    number is over 12 ("02.17.2026", "07.17.2026"), on a page that writes its dates day first: that
    number is the month with one figure misread, so each day-first date whose month is one figure from
    it; none when the text holds no such date (its first number over 12, or its second a month)."""
    m = dict(_PATTERNS)["numeric"].search(fold(text))
    if m is None:
        return []
    a, b, year = int(m["a"]), m["b"], _year(m["year"])
    if a > YEAR_MONTHS or int(b) <= YEAR_MONTHS:
        return []
    out = []
    for at in range(len(b)):
        for figure in "0123456789":
            month = int(b[:at] + figure + b[at + 1 :])
            found = _make(year, month, a) if month != int(b) else None
            if found is not None and found not in out:
                out.append(found)
    return out


def order_decided(texts: list[str]) -> bool:
    """Whether the document's own dates say which it writes first, the day or the month: some of them
    cannot be read the other way, and none of them contradicts those."""
    day, month = _numeric_votes(texts)
    return (day > 0) != (month > 0)


def month_first(texts: list[str]) -> bool:
    """Whether the document writes numeric dates month first (11/26/2026), as the United States do.

    Its own dates decide first: a first number over 12 says day first, a second one over 12 says
    month first. When none decides, a US address or telephone number on the document does; else
    dates are read day first, as Spain, Latin America and Britain write them."""
    day, month = _numeric_votes(texts)
    if day != month:
        return month > day
    return any(sign.search(text) for text in texts for sign in _US_SIGNS)


# weekday names as Monday = 0 … Sunday = 6 (date.weekday()), Spanish and English, whole and short
_WEEKDAYS = {
    name: day
    for day, names in enumerate(
        (
            ("lunes", "monday", "mon"),
            ("martes", "tuesday", "tue", "tues"),
            ("miercoles", "wednesday", "wed"),
            ("jueves", "thursday", "thu", "thur", "thurs"),
            ("viernes", "friday", "fri"),
            ("sabado", "saturday", "sat"),
            ("domingo", "sunday", "sun"),
        )
    )
    for name in names
}


def weekday_named(text: str) -> int | None:
    """The weekday a word names (Monday = 0, as `date.weekday()`), or None: "lunes," is 0."""
    return _WEEKDAYS.get(fold(text).strip(".,;: "))


def names_weekday_of(text: str, value: date) -> bool:
    """Whether `text` is the name of `value`'s weekday ("lunes," before "14 de diciembre de 2026"):
    a weekday printed with a date that falls on it bears the date out."""
    return weekday_named(text) == value.weekday()
