"""Spain's national public holidays (the days the whole country stops, no orders arrive), by rule:
fixed dates plus Good Friday, which follows Easter Sunday (the Gregorian computus)."""

from __future__ import annotations

from datetime import date, timedelta

# (month, day, name): the national holidays on a fixed date
FIXED = (
    (1, 1, "Año Nuevo"),
    (1, 6, "Epifanía del Señor"),
    (5, 1, "Fiesta del Trabajo"),
    (8, 15, "Asunción de la Virgen"),
    (10, 12, "Fiesta Nacional de España"),
    (11, 1, "Todos los Santos"),
    (12, 6, "Día de la Constitución"),
    (12, 8, "Inmaculada Concepción"),
    (12, 25, "Natividad del Señor"),
)


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def spanish_holidays(year: int) -> dict[date, str]:
    """The national public holidays of one year, by date."""
    days = {date(year, month, day): name for month, day, name in FIXED}
    days[easter_sunday(year) - timedelta(days=2)] = "Viernes Santo"
    return dict(sorted(days.items()))


def is_holiday(day: date) -> bool:
    return day in spanish_holidays(day.year)


def holidays_between(start: date, end: date) -> set[date]:
    """Every national holiday from `start` to `end`, both included."""
    found: set[date] = set()
    for year in range(start.year, end.year + 1):
        found.update(d for d in spanish_holidays(year) if start <= d <= end)
    return found
