"""The names of the months and of the weekdays, Spanish and English, whole and short, as printed dates
spell them."""

from __future__ import annotations

from datetime import date

from parsers.layout.text import fold

_NAMES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "january february march april may june july august september october november december",
    "ene feb mar abr may jun jul ago sep oct nov dic",
    "jan feb mar apr may jun jul aug sep oct nov dec",
)
MONTHS = {name: i for names in _NAMES for i, name in enumerate(names.split(), 1)} | {"sept": 9, "set": 9}
MONTH_NAME = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


# weekday names as Monday = 0 … Sunday = 6 (date.weekday()), Spanish and English, whole and short
WEEKDAYS = {
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
    return WEEKDAYS.get(fold(text).strip(".,;: "))


def names_weekday_of(text: str, value: date) -> bool:
    """Whether `text` is the name of `value`'s weekday ("lunes," before "14 de diciembre de 2026"):
    a weekday printed with a date that falls on it bears the date out."""
    return weekday_named(text) == value.weekday()
