"""Events bucketed into regular series (per day, ISO week or hour), holidays marked, and the
forecasters that treat Spanish holidays as days on which nothing is ordered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.forecasting.domain.calendar import holidays_between

DAY, WEEK, HOUR = "day", "week", "hour"
SEASONS = {DAY: (7, 365), WEEK: (52,), HOUR: (24, 168)}
BASELINE_SEASON = {DAY: 7, WEEK: 52, HOUR: 168}


@dataclass(frozen=True)
class Series:
    """Equally spaced totals from `start` (a date, a week's Monday, or an hour) per `freq`."""

    key: str
    freq: str
    start: datetime
    values: tuple[float, ...]

    def stamp(self, index: int) -> datetime:
        step = {DAY: timedelta(days=1), WEEK: timedelta(weeks=1), HOUR: timedelta(hours=1)}[self.freq]
        return self.start + step * index

    def label(self, index: int) -> str:
        at = self.stamp(index)
        if self.freq == HOUR:
            return f"{at:%Y-%m-%d %H:00}"
        if self.freq == WEEK:
            year, week, _ = at.isocalendar()
            return f"{year}-W{week:02d}"
        return f"{at:%Y-%m-%d}"


def _floor(at: datetime, freq: str) -> datetime:
    at = at.replace(minute=0, second=0, microsecond=0)
    if freq == HOUR:
        return at
    at = at.replace(hour=0)
    return at - timedelta(days=at.weekday()) if freq == WEEK else at


def bucket(events: Iterable[tuple[datetime, str, float]], freq: str, until: datetime) -> dict[str, Series]:
    """One series per key, from its key's first event to the bucket before `until` (the current,
    unfinished day, week or hour is left out), zeros where nothing happened."""
    totals: dict[str, dict[datetime, float]] = defaultdict(lambda: defaultdict(float))
    for at, key, amount in events:
        totals[key][_floor(at, freq)] += amount
    end = _floor(until, freq)
    step = {DAY: timedelta(days=1), WEEK: timedelta(weeks=1), HOUR: timedelta(hours=1)}[freq]
    out = {}
    for key, by_bucket in sorted(totals.items()):
        first = min(by_bucket)
        count = int((end - first) / step)
        if count <= 0:
            continue
        values = tuple(by_bucket.get(first + step * i, 0.0) for i in range(count))
        out[key] = Series(key, freq, first, values)
    return out


Model = Callable[[Sequence[float], int, Sequence[int]], list[float]]


def holiday_aware(
    model: Model, start: date, seasons: Sequence[int]
) -> Callable[[Sequence[float], int], list[float]]:
    """A daily forecaster: holidays in the history are filled with the value a week earlier before
    fitting (a closed day is not a slump), and forecast holidays are zero (nothing is ordered)."""

    def forecast(history: Sequence[float], horizon: int) -> list[float]:
        last = start + timedelta(days=len(history) + horizon)
        closed = holidays_between(start, last)
        filled = list(history)
        for i, day in enumerate(start + timedelta(days=n) for n in range(len(filled))):
            if day in closed and i >= 7:
                filled[i] = filled[i - 7]
        ahead = model(filled, horizon, seasons)
        first_ahead = start + timedelta(days=len(history))
        return [0.0 if first_ahead + timedelta(days=h) in closed else v for h, v in enumerate(ahead)]

    return forecast


# one year in steps, aligned to the week (364 days: last year's same weekday), the window around that
# step its level is read over (a whole week of days), and the recent window today's level is read over
YEAR = {DAY: 364, WEEK: 52}
_YEAR_WINDOW = {DAY: 7, WEEK: 3}
_YEAR_RECENT = {DAY: 28, WEEK: 4}


def one_year_seen(length: int, freq: str) -> bool:
    """Whether a series has the 13 to 24 months where a yearly season cannot be fitted (that needs two
    cycles) yet one year of it has been seen."""
    year = YEAR.get(freq)
    return year is not None and year + _YEAR_RECENT[freq] <= length <= 2 * year + 2


def last_year_shape(freq: str) -> Model:
    """A forecaster with the yearly season read off the one year seen: the last four weeks' average
    (per weekday, for days) scaled by how busy the same week a year earlier was against the four weeks
    a year before the history's end.  No trend is fitted on top: last year's change from then to the
    week ahead is the change.  Histories shorter than a year and four weeks get the plain average."""
    year, window, recent = YEAR[freq], _YEAR_WINDOW[freq], _YEAR_RECENT[freq]
    week = 7 if freq == DAY else 1

    def forecast(history: Sequence[float], horizon: int, seasons: Sequence[int]) -> list[float]:
        n = len(history)
        if n < recent:
            return [sum(history) / n if n else 0.0] * horizon
        base = [
            sum(history[n - week * k + h % week] for k in range(1, recent // week + 1)) / (recent // week)
            for h in range(horizon)
        ]
        if n < year + recent:
            return base
        then = history[n - year - recent : n - year]
        level_then = sum(then) / len(then)
        if level_then <= 0:
            return base
        out = []
        for h, value in enumerate(base):
            at = n + h - year  # the same step a year earlier (inside the history for a horizon < year)
            around = history[max(0, at - window // 2) : min(n, at + window // 2 + 1)]
            out.append(value * (sum(around) / len(around)) / level_then)
        return out

    return forecast


def plain(model: Model, seasons: Sequence[int]) -> Callable[[Sequence[float], int], list[float]]:
    def forecast(history: Sequence[float], horizon: int) -> list[float]:
        return model(history, horizon, seasons)

    return forecast
