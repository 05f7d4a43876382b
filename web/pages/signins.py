"""Failed and refused sign-ins and locked accounts, for supervisors, who can unlock an account here."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from core.kernel.domain.users import Role
from core.kernel.services import signins
from web.deps import AppDep, CurrentUser, now, require_role
from web.templating import render

router = APIRouter(tags=["sign-ins"], include_in_schema=False)
SHOWN = timedelta(days=7)
Supervisor = [Depends(require_role(Role.SUPERVISOR))]


@router.get("/users/sign-ins", response_class=HTMLResponse, dependencies=Supervisor)
def sign_ins_page(request: Request, app: AppDep) -> HTMLResponse:
    at = now(request)
    found = signins.report(app.uow(), at - SHOWN, at, app.login_policy)
    return render(request, "signins.html", attempts=found.attempts, locked=found.locked, days=SHOWN.days)


@router.post("/users/{username}/unlock", dependencies=Supervisor)
def unlock(
    request: Request,
    username: Annotated[str, Path(max_length=64)],
    app: AppDep,
    user: CurrentUser,
) -> RedirectResponse:
    signins.unlock(app.uow(), username, user.username, now(request))
    return RedirectResponse("/users/sign-ins", status_code=303)
