"""A line's delivery date a fax spoilt past what `parsers.layout.dates.find_date` reads, mended only
where one date alone fits, and a mended line date vouched for only by the document's other lines.

Two spoilings are mended here: a letter read for a figure in a date whose shape is otherwise whole
("D4-dic-2026", "1I.12.2026", "O5/12/2O26": D or O for 0, I or l for 1, S for 5), and a date cut in two
words with one figure too many ("11-14" "2-2026" for 11-12-2026), put together when leaving out one
figure makes exactly one date, in its place after the order's date, read in the document's day/month
order.  Either is a guess at the ink: the date stays doubtful (`MENDED`), as does any line date that
`find_date` had to mend (a separator read as a colon or a comma: "12-12:2026", "02,12.26"), unless
every other line of the order prints a date read as it stands, and all of them the very same date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from parsers.layout.calendar_names import MONTHS, weekday_named
from parsers.layout.dates import MISREAD_PENALTY, FoundDate, find_date, within_lead
from parsers.layout.evidence import LIKELY, Recorder
from parsers.layout.text import fold

if TYPE_CHECKING:  # items builds the lines and calls this module: no import of it at run time
    from parsers.layout import items, rows

MENDED = MISREAD_PENALTY  # a date read only once mended: a person confirms it
_AS_FIGURE = str.maketrans({"d": "0", "o": "0", "i": "1", "l": "1", "s": "5"})
_FIG = r"[0-9dolis]"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# a date's shape with a letter or two among its figures: day, month (figures or a name) and year, the
# separators of a date; each run of figures holds a figure, so that no word ("sold", "is") is one
_LETTERED = (
    re.compile(rf"(?<![\w])({_FIG}{{1,2}})([-/.])({_FIG}{{1,2}})\2({_FIG}{{4}}|{_FIG}{{2}})(?![\w])"),
    re.compile(rf"(?<![\w])({_FIG}{{1,2}})([-/. ])({_MONTH})\2({_FIG}{{4}}|{_FIG}{{2}})(?![\w])"),
)
# two words of a date cut apart: a day and a month (a figure too many in it), then the rest and the year
_FIRST_PIECE = re.compile(r"^\d{1,2}[-/.]\d{1,3}$")
_LAST_PIECE = re.compile(r"^\d{1,2}[-/.](?:20)?\d{2}$")


def mended_line_date(texts: Sequence[str], *, month_first: bool, ordered: date | None) -> FoundDate | None:
    """The delivery date of a line whose words `texts` `find_date` read no date in, where a letter read
    for a figure or a cut with a figure too many is all that keeps one from reading; None otherwise."""
    text = fold(" ".join(texts))
    for numeric, pattern in zip((True, False), _LETTERED, strict=True):
        for m in pattern.finditer(text):
            figures = [m[1], m[4], *([m[3]] if numeric else [])]
            if not all(any(c.isdigit() for c in f) for f in figures):
                continue  # a run of letters alone: no figure says the shape is a date's
            month = m[3].translate(_AS_FIGURE) if numeric else m[3]
            mended = f"{m[1].translate(_AS_FIGURE)}{m[2]}{month}{m[2]}{m[4].translate(_AS_FIGURE)}"
            found = find_date(mended, month_first=month_first, mend=False)
            if found is not None and _in_place(found.value, ordered):
                return replace(found, certainty=min(found.certainty, MENDED), start=m.start(), end=m.end())
    return _cut_joined(text.split(), month_first=month_first, ordered=ordered)


def _cut_joined(words: list[str], *, month_first: bool, ordered: date | None) -> FoundDate | None:
    """The one date two neighbouring words make put together with one figure left out."""
    for first, last in pairwise(words):
        if not (_FIRST_PIECE.match(first) and _LAST_PIECE.match(last)):
            continue
        joined = first + last
        values = set()
        for i, c in enumerate(joined):
            if not c.isdigit():
                continue
            found = find_date(joined[:i] + joined[i + 1 :], month_first=month_first, mend=False)
            whole = found is not None and found.start == 0 and found.end == len(joined) - 1
            if whole and found is not None and _in_place(found.value, ordered):
                values.add(found)
        if len({f.value for f in values}) == 1:
            found = next(iter(values))
            return replace(found, certainty=min(found.certainty, MENDED), start=0, end=len(" ".join(words)))
    return None


def _in_place(value: date, ordered: date | None) -> bool:
    return ordered is not None and within_lead(value, ordered)


def vouched_line_dates(
    built: list[items.Built], drafts: list[rows.Draft], rec: Recorder
) -> list[items.Built]:
    """`built` with each line date that was read only once mended made likely, where every other line
    prints a date read as it stands, each at least likely, all the same date as the mended one: the
    order's other printings of its one delivery date say what the spoilt one is.  A mended date with
    no such backing is doubtful (`MENDED`), however sure OCR was of what it read ("O5/12/2O26")."""
    texts = [" ".join(t.text for t in d.subs.get("delivery", [])) for d in drafts]
    dates = [b.line.requested_delivery_date for b in built]
    mended = [
        when is not None and find_date(text, mend=False) is None
        for text, when in zip(texts, dates, strict=True)
    ]
    as_printed = [
        when is not None and not m and b.date_certainty >= LIKELY
        for when, m, b in zip(dates, mended, built, strict=True)
    ]
    out = list(built)
    for i, b in enumerate(built):
        when = dates[i]
        if not mended[i] or when is None:
            continue
        others = [j for j in range(len(built)) if j != i]
        backed = bool(others) and all(as_printed[j] and dates[j] == when for j in others)
        # a weekday printed with it that the date does not fall on: one of the two was misread
        backed = backed and not {weekday_named(w) for w in texts[i].split()} - {None, when.weekday()}
        certainty = LIKELY if backed else min(b.date_certainty, MENDED)
        rec.recertify(f"lines[{i}].requested_delivery_date", b.date_certainty, certainty)
        out[i] = replace(b, date_certainty=certainty)
    return out
