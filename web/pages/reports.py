"""The reports' pages: a chart and the table under it per section, bars and rows leading to the order
list behind them, and each report as CSV or XLSX."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from core.reporting.adapters.export import FORMATS
from core.reporting.adapters.export import render as export
from core.reporting.domain.reports import Period, Report
from core.reporting.services.reports import REPORTS, TITLES
from web.charts import bar_chart
from web.deps import AppDep, CurrentUser, IsoDate, now
from web.downloads import content_disposition
from web.templating import render

router = APIRouter(tags=["report pages"], include_in_schema=False)
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_ROWS = 200  # rows a page shows under its chart; the exports have every row
By = Annotated[str, Query(pattern="^(day|week|month)$")]


def _report(
    app: AppDep, request: Request, name: str, start: date | None, end: date | None, by: str
) -> Report:
    if name not in TITLES:
        raise HTTPException(404, f"no report {name}")
    last = end or now(request).date()
    first = start or last - timedelta(days=364)
    if first > last:
        raise HTTPException(422, "from is after to")
    return app.reporting.reports.run(name, Period(first, last), by=by)


@router.get("/reports", response_class=HTMLResponse)
def reports_index(request: Request, user: CurrentUser) -> HTMLResponse:
    return render(request, "reports.html", titles=TITLES)


@router.get("/reports/{name}", response_class=HTMLResponse)
def report_page(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    name: str,
    start: Annotated[IsoDate, Query(alias="from")] = None,
    end: Annotated[IsoDate, Query(alias="to")] = None,
    by: By = "month",
) -> HTMLResponse:
    report = _report(app, request, name, start, end, by)
    charts = [bar_chart(s.chart(), s.title) for s in report.sections]
    query = f"from={report.period.start}&to={report.period.end}&by={by}"
    return render(
        request,
        "report.html",
        report=report,
        charts=charts,
        titles=TITLES,
        names=REPORTS,
        by=by,
        query=query,
        formats=FORMATS,
        max_rows=MAX_ROWS,
    )


@router.get("/reports/{name}/export")
def report_export(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    name: str,
    format: Annotated[str, Query(pattern="^(csv|xlsx)$")] = "csv",
    start: Annotated[IsoDate, Query(alias="from")] = None,
    end: Annotated[IsoDate, Query(alias="to")] = None,
    by: By = "month",
) -> Response:
    report = _report(app, request, name, start, end, by)
    filename = f"{name}_{report.period.start}_{report.period.end}.{format}"
    return Response(
        export(report, format),
        media_type=MEDIA[format],
        headers={"Content-Disposition": content_disposition(filename, f"report.{format}")},
    )
