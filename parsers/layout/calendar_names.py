"""The names of the months and of the weekdays, Spanish and English, whole and short, as printed dates
spell them."""

from __future__ import annotations

from datetime import date

from parsers.layout.text import edits, fold

_NAMES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "january february march april may june july august september october november december",
    "ene feb mar abr may jun jul ago sep oct nov dic",
    "jan feb mar apr may jun jul aug sep oct nov dec",
)
MONTHS = {name: i for names in _NAMES for i, name in enumerate(names.split(), 1)} | {"sept": 9, "set": 9}
# letters a misreading may change: a month's name further than this from every other month's stands
MONTH_EDITS = 2
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


def month_beyond_misreading(text: str) -> bool:
    """Whether `text` is a month's name (its sentence's punctuation aside) that no misreading of
    `MONTH_EDITS` letters or fewer makes another month's ("diciembre", "November"; not "junio", a letter
    from "julio", nor "marzo", two from "mayo"): read so, it cannot be another month by a look-alike
    letter, however unsure OCR was of its letters."""
    return _month_beyond_misreading(text) is not None


def names_month_of(text: str, value: date) -> bool:
    """Whether `text` is the name of `value`'s month beyond misreading (`month_beyond_misreading`): the
    word says that month and no other, whatever OCR's confidence in its letters."""
    return _month_beyond_misreading(text) == value.month


def _month_beyond_misreading(text: str) -> int | None:
    """The month (1–12) `text` names beyond misreading (`month_beyond_misreading`), else None."""
    word = fold(text.strip(".,;:()"))
    month = MONTHS.get(word)
    if month is None or any(edits(word, other) <= MONTH_EDITS for other, m in MONTHS.items() if m != month):
        return None
    return month
