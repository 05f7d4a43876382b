"""Jinja2 templates for the server-rendered pages, with the user and CSRF token in every page."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _age(since: datetime) -> str:
    minutes = int((datetime.now(UTC) - since).total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d}"
    return f"{minutes // 1440} d"


templates.env.filters["num"] = _num
templates.env.filters["age"] = _age


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    state = request.scope.get("state", {})
    context.setdefault("user", state.get("user"))
    context.setdefault("csrf", state.get("csrf", ""))
    return templates.TemplateResponse(request, name, context, status_code=status_code)
