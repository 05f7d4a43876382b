"""The forecasts page: per series a chart (the recent history, and the forecast where it is offered)
and the back-test against seasonal-naive under it; a refused forecast says why and shows no numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from core.forecasting.adapters.history import HistoryReader
from core.forecasting.services import forecasts as fc
from web.deps import AppDep, CurrentUser, now
from web.templating import render

router = APIRouter(tags=["forecasts"], include_in_schema=False)
KINDS = {"volume": "Orders", "shipping": "Shipments", "demand": "Demand (quantity)"}
SPLITS = {"volume": ("channel", "group"), "shipping": ("warehouse", "carrier", "zone"), "demand": ()}
SHOWN = 26  # history points drawn before the forecast
WIDTH, HEIGHT, PAD = 640, 180, 34


@dataclass(frozen=True)
class Chart:
    """One series drawn: SVG polyline points for the history and the forecast, the y-axis top."""

    forecast: fc.Forecast
    history_points: str
    ahead_points: str
    top: float
    first_label: str
    last_label: str


def chart(found: fc.Forecast) -> Chart:
    past = list(found.series.values[-SHOWN:])
    ahead = [v for _, v in found.ahead] if found.offered else []
    top = max([*past, *ahead, 1.0])
    count = max(len(past) + len(ahead) - 1, 1)

    def xy(i: int, v: float) -> str:
        return f"{PAD + i * (WIDTH - PAD) / count:.1f},{HEIGHT - v / top * (HEIGHT - 10):.1f}"

    history_points = " ".join(xy(i, v) for i, v in enumerate(past))
    # the forecast line starts at the last known point so the two lines meet
    joined = [(len(past) - 1, past[-1])] if past and ahead else []
    ahead_points = " ".join(xy(i, v) for i, v in joined + [(len(past) + h, v) for h, v in enumerate(ahead)])
    n = len(found.series.values)
    last = found.ahead[-1][0] if ahead else found.series.label(n - 1)
    return Chart(found, history_points, ahead_points, top, found.series.label(max(n - len(past), 0)), last)


@router.get("/forecasts", response_class=HTMLResponse)
def forecasts_page(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    kind: Annotated[str, Query(pattern="^(volume|shipping|demand)$")] = "volume",
    by: Annotated[str | None, Query(pattern="^(channel|group|warehouse|carrier)$")] = None,
    freq: Annotated[str, Query(pattern="^(day|week)$")] = "week",
    horizon: Annotated[int | None, Query(ge=1, le=120)] = None,
) -> HTMLResponse:
    by = by if by in SPLITS[kind] else None
    with app.uow() as uow:
        reader = HistoryReader(uow.session)
        at = now(request)
        if kind == "volume":
            found = fc.volume(reader, at, freq=freq, by=by, horizon=horizon)
        elif kind == "shipping":
            found = fc.shipping(reader, at, by=by, horizon=horizon)
        else:
            found = fc.demand(reader, at, freq=freq, horizon=horizon)
    return render(
        request,
        "forecasts.html",
        charts=[chart(f) for f in found],
        kind=kind,
        kinds=KINDS,
        by=by,
        splits=SPLITS[kind],
        freq="week" if kind == "shipping" else freq,
        width=WIDTH,
        height=HEIGHT,
        pad=PAD,
    )
