"""Logins and API tokens under attack: delays, a lock after five failures, a supervisor's unlock, and the
record a supervisor sees. The clock is handed to the app, so nothing here sleeps."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from oms.cli import build_parser
from oms.cli.admin import cmd_user
from tests.conftest import make_user
from tests.integration.test_web_security import PASSWORD
from tests.integration.test_web_security import login as login_form
from web.app import create_app


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def answer(client: TestClient, password: str, username: str = "ana") -> Any:
    """The login form filled in and sent, as a browser does."""
    form = client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', form.text)
    assert token is not None
    data = {"username": username, "password": password, "login_token": token[1], "next": "/review"}
    return client.post("/login", data=data)


def attempt(client: TestClient, password: str, username: str = "ana") -> int:
    return answer(client, password, username).status_code


def lock_out(client: TestClient, clock: Clock) -> None:
    """Five wrong passwords a minute apart: slow enough for the delays, not for the lock."""
    for n in range(5):
        assert attempt(client, f"wrong password {n}") == 401
        clock.wait(minutes=1)


def test_thirty_quick_guesses_get_three_tries_and_the_right_password_waits(
    app: App, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    make_user(app)
    client = TestClient(create_app(app, clock), follow_redirects=False)
    answers = [attempt(client, f"guess number {n}") for n in range(30)]
    assert answers[:3] == [401, 401, 401] and set(answers[3:]) == {429}
    logged = [r.getMessage() for r in caplog.records if r.name == "core.kernel.services.signins"]
    assert len(logged) == 30 and "sign-in password wrong: account 'ana', address testclient" in logged[0]
    assert attempt(client, PASSWORD) == 429  # the right one too: refused unseen
    clock.wait(seconds=2)
    assert attempt(client, PASSWORD) == 303


def test_five_failures_lock_the_account_until_a_supervisor_unlocks_it(app: App, clock: Clock) -> None:
    make_user(app)
    make_user(app, "marta", "supervisor")
    client = TestClient(create_app(app, clock), follow_redirects=False)
    lock_out(client, clock)
    locked = client.post("/login", data={"username": "ana", "password": PASSWORD, "login_token": "x"})
    assert locked.status_code == 403  # (the form's own token still comes first)
    assert attempt(client, PASSWORD) == 429
    refused = answer(client, PASSWORD)
    assert "locked" in refused.text and "supervisor" in refused.text
    assert int(refused.headers["retry-after"]) > 10 * 60

    boss = TestClient(create_app(app, clock), follow_redirects=False)
    csrf = login_form(boss, "marta")
    report = boss.get("/users/sign-ins")
    assert report.status_code == 200
    assert re.search(r"<td>ana</td><td>\d{4}-\d\d-\d\d \d\d:\d\d</td>", report.text)  # locked, shown
    assert report.text.count("<td>wrong</td>") == 5 and "testclient" in report.text
    assert boss.post("/users/ana/unlock", data={"csrf_token": csrf}).status_code == 303
    assert "unlocked by marta" in boss.get("/users/sign-ins").text
    assert attempt(client, PASSWORD) == 303


def test_a_lock_runs_out_after_fifteen_minutes(app: App, clock: Clock) -> None:
    make_user(app)
    client = TestClient(create_app(app, clock), follow_redirects=False)
    lock_out(client, clock)
    clock.wait(minutes=13)  # 14 minutes after the fifth failure
    assert attempt(client, PASSWORD) == 429
    clock.wait(minutes=1, seconds=1)
    assert attempt(client, PASSWORD) == 303


def test_the_command_line_unlocks_an_account(app: App, clock: Clock) -> None:
    make_user(app)
    client = TestClient(create_app(app, clock), follow_redirects=False)
    lock_out(client, clock)
    assert attempt(client, PASSWORD) == 429
    assert cmd_user(app, build_parser().parse_args(["user", "unlock", "ana"])) == 0  # `oms user unlock ana`
    assert attempt(client, PASSWORD) == 303


def test_only_supervisors_see_and_unlock(app: App, clock: Clock) -> None:
    make_user(app)
    client = TestClient(create_app(app, clock), follow_redirects=False)
    csrf = login_form(client)
    assert client.get("/users/sign-ins").status_code == 403
    assert client.post("/users/ana/unlock", data={"csrf_token": csrf}).status_code == 403


def test_an_address_sending_unknown_tokens_is_slowed_even_with_a_good_one(app: App, clock: Clock) -> None:
    token = make_user(app)
    client = TestClient(create_app(app, clock))
    bad = [client.get("/api/orders", headers={"Authorization": f"Bearer oms_guess{n}"}) for n in range(5)]
    assert [r.status_code for r in bad] == [401, 401, 401, 429, 429]
    good = client.get("/api/orders", headers={"Authorization": f"Bearer {token}"})
    assert good.status_code == 429 and int(good.headers["retry-after"]) >= 1
    clock.wait(seconds=2)
    assert client.get("/api/orders", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    with app.uow() as uow:
        seen = uow.users.recent_attempts(clock.now - timedelta(hours=1))
        assert sorted(a.outcome for a in seen if a.kind == "token") == ["throttled"] * 3 + ["wrong"] * 3
