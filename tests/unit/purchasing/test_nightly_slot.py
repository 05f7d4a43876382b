"""The nightly planning run is due on the first sweep at or after its time of day, in UTC: before it
nothing is due, from it on today's slot (one per day), whatever zone the clock reads in; a clock that
knows no zone is refused rather than guessed."""

from __future__ import annotations

import time as time_module
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from core.purchasing.domain.nightly import due_slot

AT = time(2, 30)


def test_nothing_is_due_before_the_time_and_todays_slot_from_it_on() -> None:
    assert due_slot(datetime(2026, 12, 4, 2, 29, 59, tzinfo=UTC), AT) is None
    assert due_slot(datetime(2026, 12, 4, 2, 30, tzinfo=UTC), AT) == date(2026, 12, 4)
    assert due_slot(datetime(2026, 12, 4, 23, 59, tzinfo=UTC), AT) == date(2026, 12, 4)
    assert due_slot(datetime(2026, 12, 5, 0, 0, tzinfo=UTC), AT) is None


def test_the_time_of_day_is_utc_whatever_zone_the_clock_reads_in() -> None:
    madrid = timezone(timedelta(hours=1))
    # 03:00 in Madrid is 02:00 UTC: not yet
    assert due_slot(datetime(2026, 12, 4, 3, 0, tzinfo=madrid), AT) is None
    # 03:30 in Madrid is 02:30 UTC: due
    assert due_slot(datetime(2026, 12, 4, 3, 30, tzinfo=madrid), AT) == date(2026, 12, 4)
    # 00:30 on the 5th in Madrid is still the 4th, 23:30 UTC: the 4th's slot
    assert due_slot(datetime(2026, 12, 5, 0, 30, tzinfo=madrid), AT) == date(2026, 12, 4)


def test_the_machines_own_time_zone_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # a server set to New York time (UTC-5 in December) still plans at 02:30 UTC
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    try:
        assert due_slot(datetime(2026, 12, 4, 2, 30, tzinfo=UTC), AT) == date(2026, 12, 4)
        assert due_slot(datetime(2026, 12, 4, 2, 29, tzinfo=UTC), AT) is None
    finally:
        monkeypatch.undo()
        time_module.tzset()


def test_a_clock_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^the clock is aware UTC$"):
        due_slot(datetime(2026, 12, 4, 12, 0), AT)
