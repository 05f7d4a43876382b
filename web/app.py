"""The FastAPI application factory: routers, and domain errors mapped to HTTP answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from core.kernel.errors import ComandaError, LifecycleError, NoCarrier, NotFound, NotPermitted, SalesError
from core.purchasing.domain.errors import IllegalPoTransition
from web import metrics
from web.deps import Backend
from web.headers import SecurityHeadersMiddleware
from web.metrics import LatencyMiddleware
from web.pages import billing as billing_pages
from web.pages import calibration, dashboard, forecasts, fulfilment, images, login, reports, review, signins
from web.pages import catalogue as catalogue_pages
from web.pages import purchasing as purchasing_pages
from web.pages import sales as sales_pages
from web.pages import terms as terms_pages
from web.routes import (
    billing,
    books,
    documents,
    health,
    lifecycle,
    orders,
    picklists,
    purchasing,
    sales,
    shipments,
    stock,
    terms,
)
from web.routes.channels import endpoint_router
from web.schemas import COMMON_ERRORS, CONFLICT
from web.security import AuthMiddleware
from web.templating import HERE


def create_app(oms: Backend, clock: Callable[[], datetime] | None = None) -> FastAPI:
    """The app over the wired system; `clock` (the real one by default) times sign-ins and sessions."""
    api = FastAPI(
        title="Comanda",
        description="Order capture (EDIFACT, e-mail, fax) and order management",
        version="0.1.0",
        responses=COMMON_ERRORS,
    )
    api.state.oms = oms
    api.state.clock = clock or (lambda: datetime.now(UTC))
    api.include_router(health.router)
    api.include_router(metrics.router)
    api.include_router(orders.router)
    api.include_router(documents.router)
    api.include_router(login.router)
    api.include_router(signins.router)
    api.include_router(review.router)
    api.include_router(images.router)
    api.include_router(dashboard.router)
    api.include_router(calibration.router)
    api.include_router(forecasts.router)
    api.include_router(forecasts.api_router)
    for router in (lifecycle.router, stock.router, picklists.router, shipments.router, fulfilment.router):
        api.include_router(router, responses=CONFLICT)
    api.include_router(billing.router, responses=CONFLICT)
    api.include_router(books.router, responses=CONFLICT)
    api.include_router(billing_pages.router)
    api.include_router(purchasing.router, responses=CONFLICT)
    api.include_router(purchasing_pages.router)
    api.include_router(sales.router, responses=CONFLICT)
    api.include_router(sales_pages.router)
    api.include_router(reports.router)
    api.include_router(terms.router)
    api.include_router(terms_pages.router)
    api.include_router(catalogue_pages.router)
    for endpoint in oms.channels.endpoints():  # what registered channels receive on (AS2's /as2)
        api.include_router(endpoint_router(endpoint))
    api.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    # outermost: nothing below is reached without a user (see web/security.py), but for the paths
    # channels declare public (their callers prove themselves otherwise, AS2 by signature)
    api.add_middleware(AuthMiddleware, backend=oms, public=oms.channels.public_paths(), clock=api.state.clock)
    api.add_middleware(SecurityHeadersMiddleware)  # added last, so it wraps even the login check
    api.add_middleware(LatencyMiddleware)  # outermost: a refused request is timed too

    @api.exception_handler(NotFound)
    async def not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc)})

    @api.exception_handler(NotPermitted)
    async def not_permitted(_request: Request, exc: NotPermitted) -> JSONResponse:
        """A step the user's role does not allow (a clerk paying out money), or approving one's own."""
        return JSONResponse(status_code=403, content={"detail": str(exc)})

    @api.exception_handler(LifecycleError)
    async def lifecycle_error(_request: Request, exc: LifecycleError) -> JSONResponse:
        """A step the order's state (or the stock, or the carriers) does not allow: 409, or 422 for goods
        no carrier takes."""
        status = 422 if isinstance(exc, NoCarrier) else 409
        return JSONResponse(status_code=status, content={"detail": str(exc)})

    @api.exception_handler(SalesError)
    async def sales_error(_request: Request, exc: SalesError) -> JSONResponse:
        """A quote or prospect step its state does not allow (accepting an expired quote): 409."""
        return JSONResponse(status_code=409, content={"detail": str(exc)})

    @api.exception_handler(IllegalPoTransition)
    async def po_state(_request: Request, exc: IllegalPoTransition) -> JSONResponse:
        """A step the purchase order's state does not allow."""
        return JSONResponse(status_code=409, content={"detail": str(exc)})

    @api.exception_handler(ComandaError)
    async def comanda_error(_request: Request, exc: ComandaError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    return api
