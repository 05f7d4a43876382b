"""`/health`: is the web process up and can it reach its database (liveness); `/ready`: can the
installation do its work (database schema, broker, Tesseract, folders, SMTP receiver)."""

from __future__ import annotations

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from web.deps import AppDep, UowDep, client_address
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
async def ready(request: Request, app: AppDep) -> JSONResponse:
    """200 when every check passes, else 503; either way every check.  What each found (paths, hosts)
    only for the callers who may read the metrics; anyone else sees only which checks passed."""
    checks = await anyio.to_thread.run_sync(app.readiness)
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    told = app.metrics_allowed(client_address(request), token)
    body = Ready(
        status="ready" if all(c.ok for c in checks) else "unready",
        checks={
            c.name: CheckOut(ok=c.ok, detail=c.detail, fix=c.fix) if told else CheckOut(ok=c.ok, detail="")
            for c in checks
        },
    )
    return JSONResponse(status_code=200 if body.status == "ready" else 503, content=body.model_dump())
