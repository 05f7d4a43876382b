"""Authentication and CSRF for every route: one ASGI middleware in front of the whole app.

Nothing but `/health`, `/ready`, `/metrics` (which admits only its own callers), the login page,
static files and the paths registered channels declare public (AS2's `/as2`: partners authenticate by
signature) is reachable without a user.  A browser
proves itself with the session cookie, and every state-changing request it makes carries the
session's CSRF token (form field `csrf_token` or header `X-CSRF-Token`).  API clients send
`Authorization: Bearer <token>` and need no CSRF token, having no cookie to abuse.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote

import anyio

from core.kernel.domain.users import User
from core.kernel.services import auth
from core.kernel.services.signins import SignInRefused
from web.deps import Backend

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "oms_session"
LOGIN_COOKIE = "oms_login"  # double-submit token of the login form, before there is a session
PUBLIC_PATHS = frozenset({"/health", "/ready", "/metrics", "/login"})  # /metrics checks its callers itself
PUBLIC_PREFIXES = ("/static/", "/catalogue/")  # a catalogue link proves itself by its token
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_FORM_BYTES = 1024 * 1024


def is_public(path: str, channels: frozenset[str] = frozenset()) -> bool:
    return path in PUBLIC_PATHS or path in channels or path.startswith(PUBLIC_PREFIXES)


def _cookies(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, val = part.strip().partition("=")
                if key:
                    out[key] = val
    return out


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope.get("headers", []):
        if name == wanted:
            return str(value.decode("latin-1"))
    return None


class AuthMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        backend: Backend,
        public: frozenset[str] = frozenset(),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.app = app
        self.backend = backend
        self.public = public  # the paths registered channels serve without a login
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or is_public(scope["path"], self.public):
            await self.app(scope, receive, send)
            return
        bearer = _header(scope, b"authorization")
        cookie = _cookies(scope).get(SESSION_COOKIE)
        client = scope.get("client")
        address = str(client[0]) if client else None
        try:
            found = await anyio.to_thread.run_sync(self._identify, bearer, cookie, address)
        except SignInRefused as exc:
            retry = [(b"retry-after", str(exc.retry_after).encode())]
            await _respond(send, 429, {"detail": str(exc)}, retry)
            return
        if found is None:
            await self._refuse(scope, send)
            return
        user, csrf = found
        if csrf is not None and scope["method"] in UNSAFE:
            given = _header(scope, b"x-csrf-token")
            if given is None:
                given, receive = await _form_field(scope, receive, "csrf_token")
            if not auth.csrf_ok(csrf, given):
                await _respond(send, 403, {"detail": "missing or wrong CSRF token"})
                return
        state = scope.setdefault("state", {})
        state["user"] = user
        state["csrf"] = csrf or ""
        await self.app(scope, receive, send)

    def _identify(
        self, bearer: str | None, cookie: str | None, address: str | None
    ) -> tuple[User, str | None] | None:
        now = self.clock()
        with self.backend.uow() as uow:
            if bearer and bearer.lower().startswith("bearer "):
                policy = self.backend.login_policy
                user = auth.token_user(uow, bearer[7:].strip(), now, address=address, policy=policy)
                uow.commit()
                return (user, None) if user else None
            if cookie:
                found = auth.session_user(uow, cookie, now)
                if found:
                    return found[0], found[1].csrf_token
        return None

    @staticmethod
    async def _refuse(scope: Scope, send: Send) -> None:
        path = scope["path"]
        wants_page = "text/html" in (_header(scope, b"accept") or "")
        if path.startswith("/api/") or path in ("/openapi.json",) or not wants_page:
            await _respond(
                send, 401, {"detail": "authentication required"}, [(b"www-authenticate", b"Bearer")]
            )
            return
        query = scope.get("query_string", b"").decode("latin-1")
        target = path + (f"?{query}" if query else "")
        location = f"/login?next={quote(target, safe='')}".encode()
        await send({"type": "http.response.start", "status": 303, "headers": [(b"location", location)]})
        await send({"type": "http.response.body", "body": b""})


async def _respond(
    send: Send, status: int, body: dict[str, str], extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    payload = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + (extra or [])})
    await send({"type": "http.response.body", "body": payload})


async def _form_field(scope: Scope, receive: Receive, field: str) -> tuple[str | None, Receive]:
    """Read an urlencoded or multipart body to find one field, and hand the body on unchanged."""
    ctype = _header(scope, b"content-type") or ""
    if not ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return None, receive
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        body = message.get("body", b"")
        size += len(body)
        if size > MAX_FORM_BYTES:
            return None, receive
        chunks.append(body)
        more = message.get("more_body", False)
    raw = b"".join(chunks)
    value: str | None = None
    if ctype.startswith("application/x-www-form-urlencoded"):
        values = parse_qs(raw.decode("utf-8", "replace")).get(field)
        value = values[0] if values else None
    else:
        marker = f'name="{field}"'.encode()
        at = raw.find(marker)
        if at != -1:
            start = raw.find(b"\r\n\r\n", at) + 4
            value = raw[start : raw.find(b"\r\n", start)].decode("utf-8", "replace")
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}
        return await receive()

    return value, replay
