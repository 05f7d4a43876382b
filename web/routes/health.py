"""`/health`: is the web process up and can it reach its database."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from web.deps import UowDep
from web.schemas import Health

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
