"""`/health`: is the web process up and can it reach its database (liveness); `/ready`: can the
installation do its work (database schema, broker, Tesseract, folders, SMTP receiver)."""

from __future__ import annotations

import anyio
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from web.deps import AppDep, UowDep
from web.schemas import CheckOut, Health, Ready

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(uow: UowDep) -> JSONResponse | Health:
    try:
        uow.session.execute(text("SELECT 1"))
        counts = uow.documents.count_by_state()
    except Exception as exc:
        body = Health(status="unavailable", database=type(exc).__name__, documents={})
        return JSONResponse(status_code=503, content=body.model_dump())
    return Health(status="ok", database="ok", documents=counts)


@router.get("/ready", response_model=Ready, responses={503: {"model": Ready}})
async def ready(app: AppDep) -> JSONResponse:
    """200 when every check passes, else 503; either way every check with its detail."""
    checks = await anyio.to_thread.run_sync(app.readiness)
    body = Ready(
        status="ready" if all(c.ok for c in checks) else "unready",
        checks={c.name: CheckOut(ok=c.ok, detail=c.detail, fix=c.fix) for c in checks},
    )
    return JSONResponse(status_code=200 if body.status == "ready" else 503, content=body.model_dump())
