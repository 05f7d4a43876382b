"""Judging a forecaster on the history it would have had: rolling-origin back-tests against the
seasonal-naive baseline (the same period one season ago) and the plain average, MAE and MASE.

A forecast is offered only where it beats both on the same folds: beating seasonal-naive shows it
adds something to "like last week"; beating the average shows there is a pattern to forecast at all
(on noise a smoothed forecast beats seasonal-naive by averaging, yet knows nothing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

# a forecaster: the history so far and how many steps ahead -> that many values
Forecaster = Callable[[Sequence[float], int], Sequence[float]]

# how much better than the average a forecast must be to count as having found a pattern
PATTERN_MARGIN = 0.05


def seasonal_naive(history: Sequence[float], horizon: int, season: int) -> list[float]:
    """Each step the value one season earlier (the last value when the history is shorter)."""
    if len(history) < season:
        return [history[-1] if history else 0.0] * horizon
    last = list(history[-season:])
    return [last[h % season] for h in range(horizon)]


def average(history: Sequence[float], horizon: int) -> list[float]:
    return [sum(history) / len(history) if history else 0.0] * horizon


def mae(actual: Sequence[float], predicted: Sequence[float]) -> float:
    pairs = list(zip(actual, predicted, strict=True))
    return sum(abs(a - p) for a, p in pairs) / len(pairs) if pairs else 0.0


def naive_scale(history: Sequence[float], season: int) -> float:
    """MASE's denominator: the in-sample mean absolute error of the seasonal-naive forecast."""
    diffs = [abs(history[i] - history[i - season]) for i in range(season, len(history))]
    return sum(diffs) / len(diffs) if diffs else 0.0


@dataclass(frozen=True)
class BackTest:
    """How a forecaster did on `folds` rolling origins, each forecasting `horizon` steps."""

    folds: int
    horizon: int
    mae: float
    baseline_mae: float
    average_mae: float
    mase: float
    baseline_mase: float

    @property
    def beats_baseline(self) -> bool:
        return self.mae < self.baseline_mae

    @property
    def finds_pattern(self) -> bool:
        return self.mae < self.average_mae * (1 - PATTERN_MARGIN)

    @property
    def offered(self) -> bool:
        return self.beats_baseline and self.finds_pattern

    @property
    def verdict(self) -> str:
        if self.offered:
            return "offered: beats seasonal-naive and the average"
        if not self.finds_pattern:
            return "not offered: no better than the average (no pattern found)"
        return "not offered: does not beat seasonal-naive"


def origins(length: int, horizon: int, folds: int, min_train: int) -> list[int]:
    """Where each fold's training ends: the last `folds` windows of `horizon` steps, oldest first."""
    ends = [length - horizon * k for k in range(folds, 0, -1)]
    return [end for end in ends if end >= min_train]


def back_test(
    series: Sequence[float],
    forecaster: Forecaster,
    *,
    season: int,
    horizon: int,
    folds: int = 4,
    min_train: int | None = None,
) -> BackTest | None:
    """Rolling-origin back-test; None when the series is too short for a single fold."""
    values = [float(v) for v in series]
    starts = origins(len(values), horizon, folds, min_train or 2 * season)
    if not starts:
        return None
    actual: list[float] = []
    model: list[float] = []
    naive: list[float] = []
    flat: list[float] = []
    for end in starts:
        train, test = values[:end], values[end : end + horizon]
        actual += test
        model += list(forecaster(train, horizon))[: len(test)]
        naive += seasonal_naive(train, horizon, season)[: len(test)]
        flat += average(train, horizon)[: len(test)]
    scale = naive_scale(values[: starts[-1]], season) or 1.0
    model_mae, naive_mae = mae(actual, model), mae(actual, naive)
    return BackTest(
        folds=len(starts),
        horizon=horizon,
        mae=model_mae,
        baseline_mae=naive_mae,
        average_mae=mae(actual, flat),
        mase=model_mae / scale,
        baseline_mase=naive_mae / scale,
    )
