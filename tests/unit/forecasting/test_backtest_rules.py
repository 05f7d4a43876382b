"""The back-test's arithmetic worked by hand on series short enough to follow (the slow tests in
test_backtest.py check the forecasts on realistic series).

The rules, written out (core.forecasting.domain.backtest and docs/forecasts.md): seasonal-naive says
"the same step one season ago", and the last value when less than a season is known; the average says
the mean of everything known; MAE is the mean absolute error; MASE divides it by the in-sample error of
seasonal-naive on the history before the last fold (1 where that is zero, so a flat history does not
divide by nothing). Folds end at the last `folds` whole horizons of the series, oldest first, each with
at least `min_train` steps of history (two seasons unless told). A forecast is offered only if its MAE
is below seasonal-naive's and at least 5 % below the average's; the verdict says which it failed.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from core.forecasting.domain.backtest import (
    BackTest,
    average,
    back_test,
    mae,
    naive_scale,
    origins,
    seasonal_naive,
)


def last_value(history: Sequence[float], horizon: int) -> list[float]:
    return [history[-1]] * horizon


def test_seasonal_naive_repeats_the_last_season_and_falls_back_to_the_last_value() -> None:
    # exactly one season known: it is repeated
    assert seasonal_naive([1.0, 2.0, 3.0], 4, 3) == [1.0, 2.0, 3.0, 1.0]
    # less than a season: the last value, each step
    assert seasonal_naive([4.0, 5.0, 6.0], 3, 7) == [6.0, 6.0, 6.0]
    # nothing known: zero
    assert seasonal_naive([], 2, 7) == [0.0, 0.0]


def test_the_average_is_the_mean_of_the_history() -> None:
    assert average([1.0, 2.0, 6.0], 2) == [3.0, 3.0]
    assert average([], 3) == [0.0, 0.0, 0.0]


def test_mae_is_the_mean_absolute_error() -> None:
    assert mae([1.0, 2.0, 3.0, 4.0], [2.0, 2.0, 1.0, 8.0]) == 1.75  # (1 + 0 + 2 + 4) / 4
    assert mae([], []) == 0.0
    with pytest.raises(ValueError):  # a forecast of the wrong length is a bug, not a score
        mae([1.0, 2.0], [1.0])


def test_the_mase_scale_is_seasonal_naives_error_in_sample() -> None:
    # season 2: |3-2|, |6-4|, |2-3|, |5-6| = 1, 2, 1, 1: mean 1.25
    assert naive_scale([2.0, 4.0, 3.0, 6.0, 2.0, 5.0], 2) == 1.25
    # not more than one season: nothing to compare, zero
    assert naive_scale([2.0, 4.0], 2) == 0.0
    assert naive_scale([2.0], 2) == 0.0


def test_folds_end_at_the_last_whole_horizons_with_enough_history() -> None:
    # 20 steps, horizon 3, 4 folds: training ends at 20-12, 20-9, 20-6, 20-3
    assert origins(20, 3, 4, 8) == [8, 11, 14, 17]  # 8 steps of history is enough where 8 are asked
    assert origins(20, 3, 4, 9) == [11, 14, 17]
    assert origins(5, 3, 4, 8) == []


def test_a_back_test_worked_by_hand() -> None:
    # season 2, horizon 2, 4 folds asked, history of two seasons (4) needed: training ends at
    # 8-8=0 and 8-6=2 (too short), 4 and 6.
    series = [2.0, 4.0, 3.0, 6.0, 2.0, 5.0, 4.0, 8.0]
    # fold 1: known 2 4 3 6, actual 2 5; fold 2: known 2 4 3 6 2 5, actual 4 8
    # last value:      6 6 | 5 5       errors 4 1 | 1 3        MAE 9/4 = 2.25
    # seasonal-naive:  3 6 | 2 5       errors 1 1 | 2 3        MAE 7/4 = 1.75
    # average:  3.75 3.75 | 11/3 11/3  errors 1.75 1.25 | 1/3 13/3   MAE (23/3)/4 = 23/12
    # scale: the history before the last fold (2 4 3 6 2 5), season 2: 1.25
    result = back_test(series, last_value, season=2, horizon=2)
    assert result is not None
    assert (result.folds, result.horizon) == (2, 2)
    assert result.mae == pytest.approx(2.25)
    assert result.baseline_mae == pytest.approx(1.75)
    assert result.average_mae == pytest.approx(23 / 12)
    assert result.mase == pytest.approx(2.25 / 1.25)
    assert result.baseline_mase == pytest.approx(1.75 / 1.25)
    assert not result.offered


def test_four_folds_unless_told() -> None:
    # 20 steps, season 2, horizon 2: four folds end at 12, 14, 16, 18 (a fifth would end at 10)
    result = back_test([float(i % 2) for i in range(20)], last_value, season=2, horizon=2)
    assert result is not None and result.folds == 4


def test_the_minimum_history_can_be_set() -> None:
    # 8 steps, horizon 2, 4 folds: ends 0, 2, 4, 6; with at least 2 steps known, three folds
    seen: list[int] = []

    def recorded(history: Sequence[float], horizon: int) -> list[float]:
        seen.append(len(history))
        return [0.0] * horizon

    result = back_test([1.0] * 8, recorded, season=2, horizon=2, min_train=2)
    assert result is not None and result.folds == 3 and seen == [2, 4, 6]


def test_a_flat_history_scales_by_one() -> None:
    # a constant 5: seasonal-naive is never wrong in sample (scale 0), so MASE is the MAE itself
    result = back_test([5.0] * 8, lambda history, horizon: [6.0] * horizon, season=2, horizon=2)
    assert result is not None
    assert (result.mae, result.mase, result.baseline_mae, result.baseline_mase) == (1.0, 1.0, 0.0, 0.0)


def test_too_short_for_one_fold_gives_no_back_test() -> None:
    # season 3 needs 6 steps of history before a 3-step fold: 8 steps are not enough
    assert back_test([1.0] * 8, last_value, season=3, horizon=3) is None
    assert back_test([1.0] * 9, last_value, season=3, horizon=3) is not None


def judged(mae: float, baseline: float, average: float) -> BackTest:
    return BackTest(
        folds=4, horizon=7, mae=mae, baseline_mae=baseline, average_mae=average, mase=1, baseline_mase=1
    )


def test_offered_only_below_seasonal_naive_and_five_percent_below_the_average() -> None:
    # the average's MAE is 20: a pattern means an MAE of 19 or less (5 % less); at exactly 19 the
    # docs ("at least 5 %") and the code (strictly less) differ, so the boundary is not asserted
    good = judged(mae=18.9, baseline=19.5, average=20.0)
    assert good.beats_baseline and good.finds_pattern and good.offered
    assert good.verdict == "offered: beats seasonal-naive and the average"
    near_the_margin = judged(mae=19.1, baseline=25.0, average=20.0)
    assert (
        near_the_margin.beats_baseline and not near_the_margin.finds_pattern and not near_the_margin.offered
    )
    assert near_the_margin.verdict == "not offered: no better than the average (no pattern found)"
    tie_with_naive = judged(mae=10.0, baseline=10.0, average=20.0)
    assert tie_with_naive.finds_pattern and not tie_with_naive.beats_baseline and not tie_with_naive.offered
    assert tie_with_naive.verdict == "not offered: does not beat seasonal-naive"
    # failing both: the missing pattern is what the verdict names
    assert judged(mae=30.0, baseline=10.0, average=20.0).verdict == (
        "not offered: no better than the average (no pattern found)"
    )
