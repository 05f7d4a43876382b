"""Logging in and out; the login form has its own double-submit CSRF token."""

from __future__ import annotations

import hmac
import secrets
from functools import partial
from typing import Annotated

import anyio
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from core.kernel.services import auth, first_run
from core.kernel.services.signins import SignInRefused
from web.deps import AppDep, client_address, now
from web.security import LOGIN_COOKIE, SESSION_COOKIE
from web.templating import render

router = APIRouter(tags=["login"], include_in_schema=False)


def _safe_next(target: str) -> str:
    """Only a path on this site; never an absolute URL someone slipped in."""
    return target if target.startswith("/") and not target.startswith("//") else "/review"


def _form(
    request: Request, next_: str, error: str | None = None, status: int = 200, first_run: bool = False
) -> HTMLResponse:
    # keep the token a browser already has: a second tab or a background request must not void the first
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    page = render(
        request, "login.html", status, login_token=token, next=next_, error=error, first_run=first_run
    )
    page.set_cookie(
        LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return page


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, app: AppDep, next: str = "/review") -> HTMLResponse:
    # until somebody has signed in, say where the first run's admin password went
    return _form(request, _safe_next(next), first_run=first_run.awaiting_first_sign_in(app.uow()))


@router.post("/login")
async def login(
    request: Request,
    app: AppDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    login_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/review",
) -> Response:
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie.encode(), login_token.encode()):
        return _form(request, _safe_next(next), "The form expired; please try again.", 403)
    signin = partial(auth.login, address=client_address(request), policy=app.login_policy)
    try:
        done = await anyio.to_thread.run_sync(signin, app.uow(), username, password, now(request))
    except SignInRefused as exc:
        refused = _form(request, _safe_next(next), str(exc), 429)
        refused.headers["Retry-After"] = str(exc.retry_after)
        return refused
    except auth.AuthError as exc:
        return _form(request, _safe_next(next), str(exc), 401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        done.token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=int(auth.SESSION_LIFETIME.total_seconds()),
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, app: AppDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        auth.logout(app.uow(), token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
