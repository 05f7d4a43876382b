"""Whether a document writes its numeric dates day first or month first (its own dates decide, else a
US address or telephone number on it), and the dates a day-first page's month misread over 12 may have
been."""

from __future__ import annotations

import re
from datetime import date

from parsers.layout.dates import COMMA_DATE, PATTERNS, full_year, make_date
from parsers.layout.text import fold

YEAR_MONTHS = 12


_US_SIGNS = (
    re.compile(r"\b(?:USA|U\.S\.A\.?|United States(?: of America)?)\b"),
    re.compile(r"(?<![\w+])\+1[\s(.-]*\d{3}\b"),  # a North American telephone number
    re.compile(r"\b[A-Z]{2},?\s+\d{5}(?:-\d{4})?\b"),  # a state and ZIP code: "Aurora, IL 60504"
)


def _numeric_votes(texts: list[str]) -> tuple[int, int]:
    """Numeric dates on the document whose first number is over 12, and those whose second one is; a
    date whose point a fax read as a comma ("23.11,2026") votes as well."""
    day, month = 0, 0
    pattern = dict(PATTERNS)["numeric"]
    for text in texts:
        for m in pattern.finditer(COMMA_DATE.sub(lambda c: f"{c[1]}.{c[2]}.{c[3]}", text)):
            a, b = int(m["a"]), int(m["b"])
            day += a > 12 >= b
            month += b > 12 >= a
    return day, month


def month_misread(text: str) -> list[date]:
    """The dates a numeric date may have been where it reads month first only because its second
    number is over 12 ("02.17.2026", "07.17.2026"), on a page that writes its dates day first: that
    number is the month with one figure misread, so each day-first date whose month is one figure from
    it; none when the text holds no such date (its first number over 12, or its second a month)."""
    m = dict(PATTERNS)["numeric"].search(fold(text))
    if m is None:
        return []
    a, b, year = int(m["a"]), m["b"], full_year(m["year"])
    if a > YEAR_MONTHS or int(b) <= YEAR_MONTHS:
        return []
    out = []
    for at in range(len(b)):
        for figure in "0123456789":
            month = int(b[:at] + figure + b[at + 1 :])
            found = make_date(year, month, a) if month != int(b) else None
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
