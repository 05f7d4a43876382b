"""`/metrics` for Prometheus, open only to the addresses and the token the settings name, and the
HTTP latency of every request, by route template (never the raw path: ids would explode the series)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, Histogram

from web.deps import AppDep, client_address

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]

HTTP_SECONDS = Histogram(
    "comanda_http_request_seconds",
    "Time to answer an HTTP request, by method, route and status",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
router = APIRouter(tags=["health"], include_in_schema=False)


@router.get("/metrics")
async def metrics(request: Request, app: AppDep) -> Response:
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    if not app.metrics_allowed(client_address(request), token):
        detail = "metrics are open to the addresses in OMS_METRICS_ALLOW, or with OMS_METRICS_TOKEN"
        return JSONResponse(status_code=403, content={"detail": detail})
    body = await anyio.to_thread.run_sync(app.metrics)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


class LatencyMiddleware:
    """Observes every HTTP request's time to its last byte."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            template = str(getattr(route, "path", "")) or "unmatched"
            HTTP_SECONDS.labels(scope["method"], template, str(status[0])).observe(
                time.perf_counter() - started
            )
