"""The endpoints channels serve on our web server (AS2's `POST /as2`), mounted from the registry.

A channel's endpoint is framework-free (`outbound.channel.Endpoint`): headers and body in, an answer
out; this router only moves bytes, keeps blocking work off the event loop, refuses bodies over the
endpoint's limit, and runs the answer's `after` (posting an asynchronous receipt) once it has gone.
"""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from outbound.channel import Endpoint


def _too_large() -> Response:
    return Response(b"message too large\n", status_code=413, media_type="text/plain")


def endpoint_router(endpoint: Endpoint) -> APIRouter:
    router = APIRouter(tags=["channels"])

    @router.post(endpoint.path, response_class=Response)
    async def receive(request: Request, background: BackgroundTasks) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > endpoint.max_bytes:
            return _too_large()
        body = await request.body()
        if len(body) > endpoint.max_bytes:
            return _too_large()
        # decrypting, verifying and storing block: keep them off the event loop
        answer = await run_in_threadpool(endpoint.receive, dict(request.headers), body)
        if answer.after is not None:
            background.add_task(answer.after)
        return Response(answer.body, status_code=answer.status, headers=dict(answer.headers))

    return router
