"""Back-tests on synthetic series whose seasonality we made: the forecast must find it and beat
seasonal-naive, and be refused where the series is noise."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

import pytest

from core.forecasting.domain.backtest import back_test, mae, naive_scale, seasonal_naive
from core.forecasting.domain.calendar import is_holiday
from core.forecasting.domain.series import DAY, WEEK, Series, bucket
from core.forecasting.services.forecasts import forecast_series

pytestmark = pytest.mark.slow
START = datetime(2024, 1, 1, tzinfo=UTC)  # a Monday
WEEKDAYS = (1.6, 1.3, 1.0, 0.8, 0.6, 0.1, 0.05)  # Monday busiest, the weekend nearly shut


def daily(days: int, noise: float, seed: int = 1) -> tuple[float, ...]:
    """Orders per day: a weekday pattern, zero on Spain's national holidays, Gaussian noise."""
    rng = random.Random(seed)
    out = []
    for i in range(days):
        day = (START + timedelta(days=i)).date()
        out.append(0.0 if is_holiday(day) else max(0.0, 40 * WEEKDAYS[day.weekday()] + rng.gauss(0, noise)))
    return tuple(out)


def test_seasonal_naive_and_mase_by_hand() -> None:
    history = [1.0, 2.0, 3.0, 2.0, 3.0, 4.0]
    assert seasonal_naive(history, 4, 3) == [2.0, 3.0, 4.0, 2.0]
    assert naive_scale(history, 3) == 1.0  # |2-1|, |3-2|, |4-3|
    assert mae([1, 2, 3], [2, 2, 1]) == 1.0


def test_weekly_pattern_is_found_and_beats_seasonal_naive() -> None:
    found = forecast_series(Series("all", DAY, START, daily(364, noise=4)), 14)
    assert found.test is not None
    assert found.test.mae < found.test.baseline_mae
    assert found.test.mase < 1
    assert found.offered
    by_day = dict(found.ahead)
    # the forecast keeps the shape: a Monday well above the Sunday after it
    assert by_day["2024-12-30"] > 3 * by_day["2025-01-05"]
    assert by_day["2025-01-01"] == 0.0 and by_day["2025-01-06"] == 0.0  # Año Nuevo, Reyes


def test_yearly_pattern_in_weekly_totals_is_found() -> None:
    rng = random.Random(7)
    weeks = [100 * (1 + 0.6 * math.sin(2 * math.pi * w / 52)) + rng.gauss(0, 5) for w in range(3 * 52)]
    found = forecast_series(Series("all", WEEK, START, tuple(weeks)), 8)
    assert found.test is not None
    assert found.test.mae < found.test.baseline_mae
    assert found.offered


def test_noise_is_refused() -> None:
    rng = random.Random(3)
    noise = tuple(max(0.0, 20 + rng.gauss(0, 5)) for _ in range(400))
    found = forecast_series(Series("noise", DAY, START, noise), 28)
    assert found.test is not None
    assert not found.offered
    assert "not offered" in found.verdict


def test_too_short_for_a_back_test_is_not_offered() -> None:
    found = forecast_series(Series("new", DAY, START, daily(10, noise=1)), 7)
    assert found.test is None and not found.offered


@pytest.mark.parametrize("days", [(3.0, 3.0, 3.0), (0.0, 1.0, 2.0), (5.0,)])
def test_a_few_days_of_history_give_no_forecast_rather_than_an_error(days: tuple[float, ...]) -> None:
    # a warehouse or carrier that started shipping this week: the library cannot fit anything on so few
    # days (statsforecast raises on them); the forecast is simply not offered, with nothing ahead
    found = forecast_series(Series("new carrier", DAY, START, days), 14)
    assert not found.offered
    assert "too little history" in found.verdict
    assert found.ahead == ()


def test_back_test_folds_end_where_the_history_ends() -> None:
    seen: list[int] = []

    def last_value(history: list[float], horizon: int) -> list[float]:
        seen.append(len(history))
        return [history[-1]] * horizon

    result = back_test([float(i % 7) for i in range(70)], last_value, season=7, horizon=7, folds=3)
    assert result is not None and result.folds == 3
    assert seen == [49, 56, 63]


def test_bucket_fills_quiet_days_and_leaves_out_today() -> None:
    events = [
        (datetime(2026, 3, 2, 9, tzinfo=UTC), "edi", 1.0),
        (datetime(2026, 3, 2, 15, tzinfo=UTC), "edi", 1.0),
        (datetime(2026, 3, 4, 10, tzinfo=UTC), "edi", 2.0),
        (datetime(2026, 3, 5, 8, tzinfo=UTC), "edi", 5.0),  # today: not finished, left out
    ]
    series = bucket(events, DAY, datetime(2026, 3, 5, 12, tzinfo=UTC))["edi"]
    assert series.values == (2.0, 0.0, 2.0)
    weeks = bucket(events, WEEK, datetime(2026, 3, 16, tzinfo=UTC))["edi"]
    assert weeks.values == (9.0, 0.0) and weeks.label(0) == "2026-W10"


def _year_shape(day_of_year: int) -> float:
    """A made-up yearly shape: busiest in late June (1.8 times an ordinary day), slackest in late
    December (0.2 times), falling fastest in September."""
    return 1 + 0.8 * math.sin(2 * math.pi * (day_of_year - 80) / 365)


def _with_year(days: int, seed: int = 5) -> tuple[float, ...]:
    """The weekday pattern times the yearly shape, with a little noise, zero on holidays."""
    rng = random.Random(seed)
    out = []
    for i in range(days):
        day = (START + timedelta(days=i)).date()
        level = 40 * WEEKDAYS[day.weekday()] * _year_shape(day.timetuple().tm_yday)
        out.append(0.0 if is_holiday(day) else max(0.0, level + rng.gauss(0, 2)))
    return tuple(out)


def test_one_year_seen_gives_the_yearly_shape_with_twenty_months() -> None:
    # 2024-01-01 to 2025-09-07 (616 days): too short to fit a yearly season (that takes two years),
    # but the September seen in 2024 says the weeks ahead fall by about a third, where the weeks
    # just before them say nothing of it
    days = 616
    found = forecast_series(Series("all", DAY, START, _with_year(days)), 28)
    assert found.method == "last year's shape"
    assert found.offered and found.test is not None
    assert found.test.mae < found.test.baseline_mae
    # the four weeks ahead against what the made-up shape says, on working days: within 10 %
    truth = dict(
        ((START + timedelta(days=days + h)).strftime("%Y-%m-%d"), v)
        for h, v in enumerate(_with_year(days + 28)[days:])
    )
    errors = [abs(v - truth[label]) / truth[label] for label, v in found.ahead if truth[label] > 20]
    assert errors and sum(errors) / len(errors) < 0.10


def test_one_year_shape_is_not_used_where_there_is_none() -> None:
    # the same weekday pattern with no yearly season: last year's "shape" is noise and must not win
    found = forecast_series(Series("all", DAY, START, daily(616, noise=4, seed=11)), 28)
    assert found.offered
    assert found.method == "fitted seasons"
