"""Who may reach what: every registered route needs a user, except /health and the login; CSRF on forms."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount

from oms.bootstrap import App
from tests.conftest import make_user
from web.app import create_app

PUBLIC = {"/health", "/ready", "/metrics", "/login"}
# a catalogue's link proves itself by its token: without one these find nothing (docs/catalogues.md)
BY_TOKEN = {"/catalogue/{group}", "/catalogue/{group}/catalogue.pdf", "/catalogue/{group}/images/{sku}"}
PASSWORD = "correct horse battery"


def registered(api: object) -> list[tuple[str, set[str]]]:
    """(path, methods) of every route, looking inside included routers (FastAPI keeps them nested)."""
    out: list[tuple[str, set[str]]] = []
    for route in getattr(api, "routes", []):
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is not None:
            for ctx in contexts() if callable(contexts) else contexts:
                out.append((ctx.path, set(ctx.methods or {"GET"})))
        elif isinstance(route, Mount):
            out.append((route.path, {"MOUNT"}))
        else:
            out.append((route.path, set(getattr(route, "methods", None) or {"GET"})))
    return out


def concrete(path: str) -> str:
    """A path with every parameter filled with something plausible."""
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_the_app_registers_needs_a_user(app: App) -> None:
    api = create_app(app)
    client = TestClient(api, follow_redirects=False)
    checked = 0
    routes = registered(api)
    for template, methods in routes:
        if methods == {"MOUNT"}:
            assert template == "/static"  # static files are the only mount, and public by design
            continue
        for method in sorted(methods - {"HEAD"}):
            path = concrete(template)
            response = client.request(method, path)
            browser = client.request(method, path, headers={"Accept": "text/html"})
            if template in PUBLIC:
                assert response.status_code not in (401, 303), (method, path)
                continue
            if template in BY_TOKEN:
                assert response.status_code == 404 and browser.status_code == 404, (method, path)
                continue
            checked += 1
            # a program is told 401; a browser asking for a page is sent to the login form
            assert response.status_code == 401, (method, path, response.status_code)
            assert response.headers["www-authenticate"] == "Bearer"
            if path.startswith("/api/") or path == "/openapi.json":
                assert browser.status_code == 401, (method, path, browser.status_code)
            else:
                assert browser.status_code == 303, (method, path, browser.status_code)
                assert browser.headers["location"].startswith("/login?next=")
    assert checked >= 15
    assert ("/review/{order_id:int}/approve", {"POST"}) in routes


def test_bad_tokens_and_cookies_are_refused(app: App) -> None:
    client = TestClient(create_app(app), follow_redirects=False)
    assert client.get("/api/orders", headers={"Authorization": "Bearer oms_nonsense"}).status_code == 401
    client.cookies.set("oms_session", "forged")
    assert client.get("/review", headers={"Accept": "text/html"}).status_code == 303


def login(client: TestClient, username: str = "ana", password: str = PASSWORD) -> str:
    """Log in through the form; returns the page's CSRF token."""
    form = client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', form.text)
    assert token is not None
    done = client.post(
        "/login",
        data={"username": username, "password": password, "login_token": token[1], "next": "/review"},
    )
    assert done.status_code == 303, done.text
    page = client.get("/review")
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text)
    assert csrf is not None and csrf[1]
    return csrf[1]


def test_login_sets_a_safe_cookie_and_wrong_passwords_are_refused(app: App) -> None:
    make_user(app)
    client = TestClient(create_app(app), follow_redirects=False)
    form = client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', form.text)
    assert token is not None
    wrong = client.post(
        "/login", data={"username": "ana", "password": "nope nope nope", "login_token": token[1]}
    )
    assert wrong.status_code == 401 and "wrong" in wrong.text
    no_token = TestClient(create_app(app), follow_redirects=False)
    refused = no_token.post("/login", data={"username": "ana", "password": PASSWORD, "login_token": "x"})
    assert refused.status_code == 403  # the login form's own CSRF token
    fresh = TestClient(create_app(app), follow_redirects=False)
    form = fresh.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', form.text)
    assert token is not None
    ok = fresh.post("/login", data={"username": "ana", "password": PASSWORD, "login_token": token[1]})
    cookie = ok.headers["set-cookie"]
    assert "oms_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    evil = fresh.post(
        "/login", data={"username": "ana", "password": PASSWORD, "login_token": "", "next": "https://evil"}
    )
    assert evil.status_code == 403


def test_forms_need_the_csrf_token(app: App) -> None:
    make_user(app)
    client = TestClient(create_app(app), follow_redirects=False)
    csrf = login(client)
    assert client.post("/logout").status_code == 403
    assert client.post("/logout", data={"csrf_token": "wrong"}).status_code == 403
    assert client.post("/review/1/lock", headers={"X-CSRF-Token": csrf}).status_code == 404  # past CSRF
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert client.get("/review").status_code == 401  # the session is gone


@pytest.mark.parametrize(("role", "status"), [("clerk", 403), ("supervisor", 200), ("admin", 200)])
def test_learned_codes_are_for_supervisors(app: App, role: str, status: int) -> None:
    make_user(app, "u1", role)
    client = TestClient(create_app(app), follow_redirects=False)
    login(client, "u1")
    assert client.get("/review/learned").status_code == status


def test_passwords_are_stored_as_argon2id(app: App) -> None:
    make_user(app)
    with app.uow() as uow:
        user = uow.users.by_name("ana")
        assert user is not None
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
