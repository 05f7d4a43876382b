"""`POST /as2`: the AS2 endpoint partners post EDIFACT messages and asynchronous MDNs to.

AS2 authenticates by signature, not by login, so the endpoint must sit outside the login wall. The
work is `outbound.as2.receiver`'s; this router only moves bytes and posts asynchronous MDNs after
the response has gone.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from outbound.as2.message import Outgoing
from outbound.as2.receiver import As2Receiver

MAX_MESSAGE_BYTES = 64 * 1024 * 1024

AsyncMdnPoster = Callable[[str, Outgoing], None]  # (partner's URL, the MDN) -> posted, or raises


def as2_router(receiver: As2Receiver, post_async_mdn: AsyncMdnPoster, path: str = "/as2") -> APIRouter:
    router = APIRouter(tags=["as2"])

    @router.post(path, response_class=Response)
    async def receive(request: Request, background: BackgroundTasks) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_MESSAGE_BYTES:
            return Response(b"message too large\n", status_code=413, media_type="text/plain")
        body = await request.body()
        if len(body) > MAX_MESSAGE_BYTES:
            return Response(b"message too large\n", status_code=413, media_type="text/plain")
        # decrypting, verifying and storing block: keep them off the event loop
        reply = await run_in_threadpool(receiver.receive, dict(request.headers), body)
        if reply.async_url and reply.async_mdn:
            background.add_task(post_async_mdn, reply.async_url, reply.async_mdn)
        return Response(reply.body, status_code=reply.status, headers=reply.headers)

    return router
