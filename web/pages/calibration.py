"""The calibration page: accuracy per confidence band and channel, from clerks' corrections."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from core.capture.services.calibration import calibration
from web.deps import AppDep, CurrentUser
from web.templating import render

router = APIRouter(tags=["dashboard"], include_in_schema=False)


@router.get("/dashboard/calibration", response_class=HTMLResponse)
def calibration_page(request: Request, app: AppDep, user: CurrentUser) -> HTMLResponse:
    return render(request, "calibration.html", channels=calibration(app.uow()))
