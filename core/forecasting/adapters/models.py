"""The forecasting library behind our forecasters: Nixtla's statsforecast, MSTL (one seasonal
component per season length, loess-smoothed) with an automatically chosen exponential-smoothing
trend. A season joins only when the history holds two full cycles of it and more, so a daily series
gets its yearly shape once two years are there, and the weekly one always."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

os.environ.setdefault("NIXTLA_ID_AS_COL", "1")


class TooLittleHistory(ValueError):
    """The library cannot fit a model on so few values (a series of a handful of days)."""


def mstl_forecast(history: Sequence[float], horizon: int, seasons: Sequence[int]) -> list[float]:
    """`horizon` values ahead of `history`, never below zero (volumes are counts); TooLittleHistory
    when the series is too short to fit at all."""
    import numpy as np
    from statsforecast.models import MSTL, AutoETS

    y = np.asarray(history, dtype=float)
    usable = [s for s in seasons if len(y) > 2 * s]
    model: Any
    if not usable:
        model = AutoETS(model="ZZN")
    else:
        model = MSTL(season_length=usable, trend_forecaster=AutoETS(model="ZZN"))
    try:
        mean = model.forecast(y=y, h=horizon)["mean"]
    except (IndexError, NotImplementedError) as exc:  # statsforecast's answers to a tiny series
        raise TooLittleHistory(f"{len(y)} values are too few to fit a forecast on") from exc
    return [max(0.0, float(v)) for v in mean]
