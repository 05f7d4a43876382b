"""What OCR misreads in a printed date, mended before `dates.find_date` reads the text again: a month
name a letter or two off or its m parted, a day or a month parted by a gap, a separator lost, doubled or
read as a colon, a bracket or a comma, an ordinal's letters misread, a month run into its year."""

from __future__ import annotations

import re

from parsers.layout.calendar_names import MONTH_NAME, MONTHS
from parsers.layout.memo import remembered
from parsers.layout.text import one_edit

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
_S_FOR_FIVE_FIRST = re.compile(r"(?<![\w])s(?=th[\s.,-]+" + MONTH_NAME + r")")
# "December Ist, 2026", "Ist December 2026": an ordinal's 1 read as an I or an l; only before "st",
# the ordinal of a day ending in 1 (1st, 21st, 31st), and only beside a month's name
_I_FOR_ONE = re.compile(r"(?<![a-z])(" + MONTH_NAME + r"\s+[23]?)[il|](?=st\b)")
_I_FOR_ONE_FIRST = re.compile(r"(?<![\w])([23]?)[il|](?=st[\s.,-]+" + MONTH_NAME + r")")
# a numeric date whose separator before a four-digit year a normal fax lost ("29-11 2076"): the
# separator between day and month stands for both; two figures each and a dash or slash, so that no
# amount and year ("12.50 2026") is taken for a date
_LOST_SEPARATOR = re.compile(r"(?<![\d,.\-/])(\d{2})([-/])(\d{2}) (\d{4})(?![\d,.])")
# "November 24h, 2026": the t of a month-first date's ordinal lost ("24th" read as "24h"); only between
# a month name and a year, so that no hour ("a las 14h") is taken for a day
_LOST_ORDINAL_T = re.compile(r"(?<![a-z])(" + MONTH_NAME + r"\s+\d{1,2})h(?=,?\s+\d{4}(?!\d))")
# "25h November 2026": the same of a day-first date, only between a day and a month name and its year
_LOST_ORDINAL_T_FIRST = re.compile(r"(?<![\w])(\d{1,2})h(?=\s+" + MONTH_NAME + r",?\s+\d{4}(?!\d))")
# "noviembre'de 2026": a speck in the space between two words of a date read as an apostrophe
_SPECK_FOR_SPACE = re.compile(r"(?<=[a-z])['`](?=(?:de|del|of)\s+\d)")
# ".24.11,.2026": a speck glued before a numeric date's day read as a point or a comma
_SPECK_BEFORE_DAY = re.compile(r"(?:^|(?<=\s))[.,'`](?=\d{1,2}[.,/\-]\d{1,2}[.,/\-])")
# "9 de-diciembre de 2026": the space between a day's "de" and its month's name read as a dash
_DASH_AFTER_DE = re.compile(r"(?<=\d de)[-~](?=" + MONTH_NAME + r"\b)")
# "November 26. 2026": the comma after a month-first date's day read as a point, or as a point with a
# speck before it ("December 4+. 2026", "4*, 2026"); only between a month name and a four-figure year
_POINT_FOR_COMMA = re.compile(
    r"(?<![a-z])(" + MONTH_NAME + r"\s+\d{1,2})(?:\.|[+*'`\"’”]+[.,]?)(?=\s+\d{4}(?!\d))"
)
# "November, 24th, 2026": a speck after a month-first date's month name read as a comma; only before
# a day and a year, so that a list of months ("November, 24 units") is left alone
_COMMA_AFTER_MONTH = re.compile(
    r"(?<![a-z])(" + MONTH_NAME + r"),(?=\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d))"
)
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
_COLON_BEFORE_YEAR = re.compile(r"(?<!\d)(\d{1,2})([-/. ])(" + MONTH_NAME + r"):(\d{4}|\d{2})(?!\d)")
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


def repair_misread(text: str) -> str:
    """The text with a month name OCR misread by one letter ("dacomber", "nuvember") written right,
    where exactly one month name is that close, a day or month parted by a space joined ("04/1 2/2026"),
    an ordinal's 5 read as an S ("December Sth", "Sth December"), an ordinal's 1 read as an I or an l
    ("December Ist", "Ist December"), a separator lost before a four-digit
    year or in a date printed year first ("29-11 2076", "2026-12 01", "2026, 11-25"), a point for the
    comma after a month-first date's day ("November 26. 2026"), a comma after its month ("November,
    24th, 2026"), an ordinal's t lost after its month ("November 24h,
    2026") or before it ("25h November 2026"), a speck read as an apostrophe in the space before "de"
    ("noviembre'de 2026") or a dash in the space after it ("9 de-diciembre de 2026"), a separator
    read as a colon ("11:26:2026", "24-Nov:26", "2026-11:26"), a speck after a colon read as a 1 run
    into the day (":123.11.26"), a short month name a letter off between a day and a year ("26-nev-2026"), a
    short month name a letter off before a month-first date's day ("Now 25, 2026"), a
    month name run into its year by a speck ("November¡2026"), a separator read as a bracket or
    doubled ("07)12,2026", "06,.12,2026") and a
    dot-separated date's dot read as a comma mended, and a speck glued before a numeric date's day read
    as a point (".24.11,.2026") left out; the text as it was when there is nothing to mend."""
    text = _SPECK_BEFORE_DAY.sub(" ", text)  # a space in its place: where the date stands is kept
    text = _GLUED_YEAR.sub(_year_parted, text)
    text = _WORD.sub(lambda m: _near_month(m.group(0)), text)
    text = _SPLIT_FIGURES.sub(r"\1\2\3\4\5", text)
    text = _S_FOR_FIVE.sub("5", text)
    text = _S_FOR_FIVE_FIRST.sub("5", text)
    text = _I_FOR_ONE.sub(r"\g<1>1", text)
    text = _I_FOR_ONE_FIRST.sub(r"\g<1>1", text)
    text = _LOST_SEPARATOR.sub(r"\1\2\3\2\4", text)
    text = _LOST_ISO_SEPARATOR.sub(_iso_joined, text)
    text = _POINT_FOR_COMMA.sub(r"\1,", text)
    text = _COMMA_AFTER_MONTH.sub(r"\1", text)
    text = _LOST_ORDINAL_T.sub(r"\1th", text)
    text = _LOST_ORDINAL_T_FIRST.sub(r"\1th", text)
    text = _SPECK_FOR_SPACE.sub(" ", text)
    text = _DASH_AFTER_DE.sub(" ", text)
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


def parted_joined(text: str) -> str:
    """The text with a numeric date's day or month that a gap parted joined ("26/1 1/2026" for
    26/11/2026, "04/1 2/2026"): as `find_date` mends it, the text as it was when nothing is parted."""
    return _SPLIT_FIGURES.sub(r"\1\2\3\4\5", text)
