"""Spain's national holidays, checked against the official calendars written out by hand."""

from datetime import date

from core.forecasting.domain.calendar import easter_sunday, holidays_between, is_holiday, spanish_holidays

# BOE resolutions of the national holidays for 2026 and 2027 (national ones only, no regional days)
HOLIDAYS_2026 = {
    date(2026, 1, 1),
    date(2026, 1, 6),
    date(2026, 4, 3),  # Viernes Santo
    date(2026, 5, 1),
    date(2026, 8, 15),
    date(2026, 10, 12),
    date(2026, 11, 1),
    date(2026, 12, 6),
    date(2026, 12, 8),
    date(2026, 12, 25),
}
HOLIDAYS_2027 = {
    date(2027, 1, 1),
    date(2027, 1, 6),
    date(2027, 3, 26),  # Viernes Santo
    date(2027, 5, 1),
    date(2027, 8, 15),
    date(2027, 10, 12),
    date(2027, 11, 1),
    date(2027, 12, 6),
    date(2027, 12, 8),
    date(2027, 12, 25),
}


def test_national_holidays_2026_and_2027() -> None:
    assert set(spanish_holidays(2026)) == HOLIDAYS_2026
    assert set(spanish_holidays(2027)) == HOLIDAYS_2027
    assert spanish_holidays(2026)[date(2026, 4, 3)] == "Viernes Santo"


def test_easter_sundays_known_from_the_church_calendar() -> None:
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2025) == date(2025, 4, 20)
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2027) == date(2027, 3, 28)
    assert easter_sunday(2038) == date(2038, 4, 25)  # the latest possible date


def test_ordinary_days_and_a_range() -> None:
    assert not is_holiday(date(2026, 4, 2))  # Jueves Santo is regional, not national
    assert not is_holiday(date(2026, 4, 6))  # Easter Monday: only some regions
    assert is_holiday(date(2026, 12, 25))
    assert holidays_between(date(2026, 12, 1), date(2027, 1, 10)) == {
        date(2026, 12, 6),
        date(2026, 12, 8),
        date(2026, 12, 25),
        date(2027, 1, 1),
        date(2027, 1, 6),
    }
