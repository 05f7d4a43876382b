"""How sure a line's own printed date is: found where the lines print their dates, and checked against
the weekday printed beside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parsers.layout.calendar_names import names_weekday_of, weekday_named
from parsers.layout.dates import SHORT_YEAR, FoundDate, within_lead
from parsers.layout.evidence import DOUBTFUL, SURE
from parsers.layout.geometry import Tok


@dataclass(frozen=True)
class LineDating:
    """What a scanned order's other facts say of the delivery dates printed under its lines: the
    order's date, and whether the document's own dates say which it writes first, the day or the month
    (`parsers.layout.date_order.order_decided`)."""

    ordered: date | None
    order_known: bool


def line_date_certainty(found: FoundDate, dating: LineDating | None) -> float:
    """How sure a line's delivery date is for how it reads (`found.certainty`, its figures aside), once
    the order's other facts are weighed on a scan (`dating`; None for a text layer, taken as it reads).

    A line's date before the order's date, or further after it than a delivery is ever asked for, was
    misread ("11.12.24" for 11.12.26): it is doubtful however sure OCR was of its figures.  A date in its
    place needs no more: a two-figure year's century is what puts it there (a century off never is),
    and a day and month that could be read the other way round are settled when the document's own
    dates say which it writes first (a "25.11.26" elsewhere on it cannot be read month first)."""
    certainty = found.certainty
    if dating is None:
        return certainty
    if dating.ordered is not None and not within_lead(found.value, dating.ordered):
        return min(certainty, DOUBTFUL)
    if dating.order_known:
        certainty /= found.swap
    if dating.ordered is not None and found.short_year:
        certainty /= SHORT_YEAR
    return round(min(certainty, SURE), 2)  # what is left of factors rounded to three places


def weekday_checked(certainty: float, value: date, toks: list[Tok]) -> tuple[float, list[Tok]]:
    """A line's own delivery date weighed against a weekday printed with it ("miércoles, 2 de diciembre
    de 2026"), as the header's dates are: a weekday the date does not fall on says one of the two was
    misread ("miércoles, 3 de diciembre": the 3rd is a Thursday), and the date is doubtful however sure
    OCR was of its figures; a weekday the date falls on bears it out, so its own reading does not count
    against the date.  The certainty, and the words whose reading is the date's evidence."""
    named = {d for t in toks if (d := weekday_named(t.text)) is not None}
    if named - {value.weekday()}:
        certainty = min(certainty, DOUBTFUL)
    return certainty, [t for t in toks if not names_weekday_of(t.text, value)] or toks
