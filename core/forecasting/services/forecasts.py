"""The forecasts a planner asks for: order volume, shipping volume, demand per SKU and warehouse and
review workload; each fitted on the history, back-tested against seasonal-naive on that same history,
and marked offered only where it beats it."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from core.forecasting.adapters.models import TooLittleHistory, mstl_forecast
from core.forecasting.domain.backtest import BackTest, back_test
from core.forecasting.domain.series import (
    BASELINE_SEASON,
    DAY,
    HOUR,
    SEASONS,
    WEEK,
    Model,
    Series,
    bucket,
    holiday_aware,
    last_year_shape,
    one_year_seen,
    plain,
)
from core.forecasting.domain.staffing import Sla, SlaSettings, clerks_needed

DEFAULT_HORIZON = {DAY: 28, WEEK: 8, HOUR: 48}
HOURLY_HISTORY = timedelta(weeks=12)  # the review queue's recent weeks say more than two years do
HANDLE_FALLBACK = 4.0  # minutes a review takes when none was corrected in the recent weeks

Event = tuple[datetime, str, float]


class History(Protocol):
    def orders(self, by: str | None) -> list[Event]: ...
    def shipments(self, by: str | None) -> list[Event]: ...
    def demand(self, sku: str | None = None, warehouse: str | None = None) -> list[Event]: ...
    def review_arrivals(self) -> list[Event]: ...
    def review_handle_minutes(self, since: datetime) -> list[float]: ...


@dataclass(frozen=True)
class Forecast:
    """One series' forecast, with how its method did on its own past."""

    subject: str
    series: Series
    test: BackTest | None
    ahead: tuple[tuple[str, float], ...]  # (label, value) for each step ahead
    method: str = "fitted seasons"  # or "last year's shape" (13-24 months of history)

    @property
    def offered(self) -> bool:
        return self.test is not None and self.test.offered

    @property
    def verdict(self) -> str:
        return self.test.verdict if self.test else "not offered: too little history for a back-test"


def _forecaster(series: Series, model: Model) -> Callable[[Sequence[float], int], list[float]]:
    seasons = SEASONS[series.freq]
    if series.freq == DAY:
        return holiday_aware(model, series.start.date(), seasons)
    return plain(model, seasons)


def forecast_series(
    series: Series, horizon: int, model: Model = mstl_forecast, subject: str = ""
) -> Forecast:
    """Back-test the method on the series' history, then forecast `horizon` steps past its end.

    With 13 to 24 months of days or weeks (a yearly season is fitted from two years on), last year's
    shape is tried as well, on the same folds, and used only where its back-test beats both
    seasonal-naive and the forecast without it."""
    season = BASELINE_SEASON[series.freq]
    forecaster = _forecaster(series, model)
    # a fold needs a season of history for its baseline, and a little more to fit on
    test = back_test(series.values, forecaster, season=season, horizon=horizon, min_train=season + 4)
    method = "fitted seasons"
    if test is not None and one_year_seen(len(series.values), series.freq):
        shaped = _forecaster(series, last_year_shape(series.freq))
        tried = back_test(series.values, shaped, season=season, horizon=horizon, min_train=season + 4)
        if tried is not None and tried.beats_baseline and tried.mae < test.mae:
            forecaster, test, method = shaped, tried, "last year's shape"
    try:
        values = forecaster(series.values, horizon) if series.values else [0.0] * horizon
    except TooLittleHistory:
        values = []  # nothing to show: too short to fit, let alone back-test (never offered then)
    n = len(series.values)
    ahead = tuple((series.label(n + h), round(v, 2)) for h, v in enumerate(values))
    return Forecast(subject or series.key, series, test, ahead, method)


def _all(
    events: list[Event], freq: str, now: datetime, horizon: int | None, model: Model, subject: str
) -> list[Forecast]:
    series = bucket(events, freq, now)
    steps = horizon or DEFAULT_HORIZON[freq]
    return [forecast_series(s, steps, model, f"{subject} {s.key}") for s in series.values()]


def volume(
    history: History,
    now: datetime,
    *,
    freq: str = DAY,
    by: str | None = None,
    horizon: int | None = None,
    model: Model = mstl_forecast,
) -> list[Forecast]:
    """Orders per day or week, in total or by channel or customer group."""
    return _all(history.orders(by), freq, now, horizon, model, "orders")


def shipping(
    history: History,
    now: datetime,
    *,
    by: str | None = None,
    horizon: int | None = None,
    model: Model = mstl_forecast,
) -> list[Forecast]:
    """Shipments per week (carrier capacity is booked by the week), in total or by warehouse, carrier
    or zone."""
    return _all(history.shipments(by), WEEK, now, horizon, model, "shipments")


def demand(
    history: History,
    now: datetime,
    *,
    sku: str | None = None,
    warehouse: str | None = None,
    freq: str = WEEK,
    horizon: int | None = None,
    model: Model = mstl_forecast,
) -> list[Forecast]:
    """Quantity demanded per SKU and warehouse."""
    return _all(history.demand(sku, warehouse), freq, now, horizon, model, "demand")


@dataclass(frozen=True)
class Staffing:
    """The review queue's expected arrivals per hour and the clerks each hour needs for the SLA."""

    forecast: Forecast
    sla: Sla
    clerks: tuple[tuple[str, float, int], ...]  # (hour, orders expected, clerks needed)


def review_sla(history: History, now: datetime, configured: SlaSettings | None = None) -> Sla:
    """The SLA to staff for; a review takes the configured handle minutes when set, else the median
    time from arrival to approval of the orders corrected in review over the recent weeks (4 minutes
    when there were none)."""
    configured = configured or SlaSettings()
    wait_minutes, share, handle_minutes = configured.wait_minutes, configured.share, configured.handle_minutes
    if handle_minutes is not None:
        return Sla(wait_minutes, share, handle_minutes, "set")
    taken = [m for m in history.review_handle_minutes(now - HOURLY_HISTORY) if m > 0]
    if not taken:
        return Sla(wait_minutes, share, HANDLE_FALLBACK, "no corrected orders in 12 weeks: 4 minutes")
    weeks = HOURLY_HISTORY.days // 7
    basis = f"median of {len(taken)} corrected orders over {weeks} weeks, arrival to approval"
    return Sla(wait_minutes, share, round(statistics.median(taken), 2), basis)


def workload(
    history: History,
    now: datetime,
    *,
    horizon: int | None = None,
    sla: Sla | None = None,
    model: Model = mstl_forecast,
) -> Staffing | None:
    """Orders arriving for review per hour over the recent weeks, forecast, turned into clerks."""
    sla = sla or Sla()
    recent = [e for e in history.review_arrivals() if e[0] >= now - HOURLY_HISTORY]
    series = bucket(recent, HOUR, now).get("review")
    if series is None:
        return None
    found = forecast_series(series, horizon or DEFAULT_HORIZON[HOUR], model, "review queue")
    clerks = tuple((label, value, clerks_needed(value, sla)) for label, value in found.ahead)
    return Staffing(found, sla, clerks)


def total(values: Sequence[float]) -> float:
    return float(sum(values))


Forecasts = Callable[..., list[Forecast]]
