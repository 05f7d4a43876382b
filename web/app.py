"""The FastAPI application factory: routers, and domain errors mapped to HTTP answers."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from core.errors import ComandaError, NotFound
from web.deps import Backend
from web.routes import documents, health, orders


def create_app(oms: Backend) -> FastAPI:
    api = FastAPI(
        title="Comanda",
        description="Order capture (EDIFACT, e-mail, fax) and order management",
        version="0.1.0",
    )
    api.state.oms = oms
    api.include_router(health.router)
    api.include_router(orders.router)
    api.include_router(documents.router)

    @api.exception_handler(NotFound)
    async def not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc)})

    @api.exception_handler(ComandaError)
    async def comanda_error(_request: Request, exc: ComandaError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    return api
