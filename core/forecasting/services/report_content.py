"""What the scheduled reports say, as plain tables (a title, a header, rows) that the PDF and XLSX
writers lay out: the forecast summary and the recent order volume, both from forecasting's own reads."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from core.forecasting.adapters.models import mstl_forecast
from core.forecasting.domain.report import Cell, Report, Section
from core.forecasting.domain.schedule import REPORTS
from core.forecasting.domain.series import WEEK, Model, bucket
from core.forecasting.services.forecasts import Forecast, History, shipping, volume


def _test_rows(found: list[Forecast]) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = []
    for f in found:
        t = f.test
        figures: tuple[Cell, ...] = (
            (round(t.mae, 2), round(t.baseline_mae, 2), round(t.mase, 2)) if t else ("", "", "")
        )
        rows.append((f.subject, "yes" if f.offered else "no", *figures, f.verdict))
    return tuple(rows)


def _ahead_rows(found: list[Forecast]) -> tuple[tuple[Cell, ...], ...]:
    offered = [f for f in found if f.offered]
    if not offered:
        return ()
    labels = [label for label, _ in offered[0].ahead]
    return tuple((label, *(dict(f.ahead).get(label, "") for f in offered)) for label in labels)


def forecast_summary(history: History, now: datetime, model: Model = mstl_forecast) -> Report:
    """Orders and shipments for the next four weeks where the forecast beats seasonal-naive."""
    found = volume(history, now, freq=WEEK, horizon=4, model=model)
    found += volume(history, now, freq=WEEK, by="channel", horizon=4, model=model)
    found += shipping(history, now, by="warehouse", horizon=4, model=model)
    tests = Section(
        "Back-tests (4 weeks ahead, rolling origin)",
        ("series", "offered", "MAE", "seasonal-naive MAE", "MASE", "verdict"),
        _test_rows(found),
    )
    offered = [f.subject for f in found if f.offered]
    ahead = Section("The weeks ahead (offered forecasts only)", ("week", *offered), _ahead_rows(found))
    return Report("forecasts", REPORTS["forecasts"], now, (tests, ahead))


def order_volume(history: History, now: datetime, weeks: int = 8) -> Report:
    """Orders per ISO week and channel over the last `weeks` finished weeks."""
    since = now - timedelta(weeks=weeks + 1)
    events = [e for e in history.orders("channel") if e[0] >= since]
    series = bucket(events, WEEK, now)
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for channel, s in series.items():
        for i, value in enumerate(s.values):
            table[s.label(i)][channel] = value
    channels = sorted(series)
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (week, *(int(table[week].get(c, 0)) for c in channels), int(sum(table[week].values())))
        for week in sorted(table)[-weeks:]
    )
    section = Section(f"Orders per week, last {weeks} weeks", ("week", *channels, "total"), rows)
    return Report("order-volume", REPORTS["order-volume"], now, (section,))


def build(name: str, history: History, now: datetime) -> Report:
    if name == "forecasts":
        return forecast_summary(history, now)
    return order_volume(history, now)
