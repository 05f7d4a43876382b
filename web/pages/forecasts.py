"""The forecasts page: per series a chart (the recent history, and the forecast where it is offered)
and the back-test against seasonal-naive under it; a refused forecast says why and shows no numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from core.forecasting.adapters.history import HistoryReader
from core.forecasting.domain.staffing import Sla
from core.forecasting.services import forecasts as fc
from web.deps import AppDep, CurrentUser, now
from web.templating import render

router = APIRouter(tags=["forecasts"], include_in_schema=False)
api_router = APIRouter(tags=["forecasts"])
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


class SlaOut(BaseModel):
    wait_minutes: float
    share: float
    handle_minutes: float
    handle_basis: str


class BackTestOut(BaseModel):
    folds: int
    horizon: int
    mae: float
    baseline_mae: float
    average_mae: float
    mase: float
    baseline_mase: float


class HourOut(BaseModel):
    hour: str  # "YYYY-MM-DD HH:00", UTC
    expected: float
    clerks: int


class WorkloadOut(BaseModel):
    sla: SlaOut
    offered: bool
    verdict: str
    back_test: BackTestOut | None
    hours: list[HourOut]


def _workload(app: AppDep, request: Request, horizon: int | None) -> tuple[fc.Staffing | None, Sla]:
    with app.uow() as uow:
        reader, at = HistoryReader(uow.session), now(request)
        sla = fc.review_sla(reader, at, app.review_sla)
        return fc.workload(reader, at, horizon=horizon, sla=sla), sla


NO_ARRIVALS = "not offered: no orders went to the review queue in the last 12 weeks"


@router.get("/forecasts/workload", response_class=HTMLResponse)
def workload_page(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    horizon: Annotated[int | None, Query(ge=1, le=168)] = None,
) -> HTMLResponse:
    """Orders expected in the review queue per hour and the clerks each hour needs for the SLA."""
    staffing, sla = _workload(app, request, horizon)
    return render(
        request,
        "forecasts_workload.html",
        staffing=staffing,
        chart=chart(staffing.forecast) if staffing else None,
        sla=sla,
        no_arrivals=NO_ARRIVALS,
        width=WIDTH,
        height=HEIGHT,
        pad=PAD,
    )


@api_router.get("/api/forecasts/workload", response_model=WorkloadOut)
def workload_api(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    horizon: Annotated[int | None, Query(ge=1, le=168)] = None,
) -> WorkloadOut:
    """Per hour ahead: orders expected to arrive for review and the clerks needed to take the SLA's
    share of them within its wait (Erlang C); hours only where the forecast beats seasonal-naive."""
    staffing, sla = _workload(app, request, horizon)
    sla_out = SlaOut(
        wait_minutes=sla.wait_minutes,
        share=sla.share,
        handle_minutes=sla.handle_minutes,
        handle_basis=sla.basis,
    )
    if staffing is None:
        return WorkloadOut(sla=sla_out, offered=False, verdict=NO_ARRIVALS, back_test=None, hours=[])
    found, test = staffing.forecast, staffing.forecast.test
    return WorkloadOut(
        sla=sla_out,
        offered=found.offered,
        verdict=found.verdict,
        back_test=None
        if test is None
        else BackTestOut(
            folds=test.folds,
            horizon=test.horizon,
            mae=test.mae,
            baseline_mae=test.baseline_mae,
            average_mae=test.average_mae,
            mase=test.mase,
            baseline_mase=test.baseline_mase,
        ),
        hours=[HourOut(hour=h, expected=v, clerks=c) for h, v, c in staffing.clerks] if found.offered else [],
    )
