"""The first run: an installation without users gets `admin` with a password printed once (or the one
OMS_ADMIN_PASSWORD gives), that password signs in, and the login page says where to look until then."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from oms.cli.common import UsageError
from oms.cli.run import first_run
from tests.conftest import make_app, make_user
from tests.integration.test_login_throttle import answer
from web.app import create_app

PRINTED = re.compile(r"password: (\S+)")


def test_the_printed_password_signs_in_and_the_hint_goes_away(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    client = TestClient(create_app(app), follow_redirects=False)
    first_run(app, "127.0.0.1", 8000)
    printed = capsys.readouterr().out
    found = PRINTED.search(printed)
    assert found is not None, printed
    assert "http://127.0.0.1:8000/login" in printed
    assert 'id="first-run"' in client.get("/login").text

    assert answer(client, "not the password", "admin").status_code == 401
    assert 'id="first-run"' in client.get("/login").text  # a wrong guess is no first sign-in
    signed_in = answer(client, found[1], "admin")
    assert signed_in.status_code == 303
    assert client.get("/review").status_code == 200
    assert 'id="first-run"' not in client.get("/login").text


def test_a_second_start_makes_no_user_and_prints_nothing(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    first_run(app, "127.0.0.1", 8000)
    capsys.readouterr()
    first_run(app, "127.0.0.1", 8000)
    assert capsys.readouterr().out == ""
    with app.uow() as uow:
        assert [u.username for u in uow.users.all()] == ["admin"]


def test_an_installation_with_users_gets_no_admin_and_no_hint(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    make_user(app, "ana")
    first_run(app, "127.0.0.1", 8000)
    assert capsys.readouterr().out == ""
    with app.uow() as uow:
        assert [u.username for u in uow.users.all()] == ["ana"]
    client = TestClient(create_app(app), follow_redirects=False)
    assert 'id="first-run"' not in client.get("/login").text


def test_the_admin_password_setting_is_used_and_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = "una contraseña larga"
    app = make_app(tmp_path, admin_password=chosen)
    try:
        first_run(app, "0.0.0.0", 9000)
        out = capsys.readouterr().out
        assert "created user admin" in out
        assert chosen not in out
        client = TestClient(create_app(app), follow_redirects=False)
        assert answer(client, chosen, "admin").status_code == 303
    finally:
        app.close()


def test_a_too_short_admin_password_stops_the_start(tmp_path: Path) -> None:
    app = make_app(tmp_path, admin_password="short")
    try:
        with pytest.raises(UsageError, match="OMS_ADMIN_PASSWORD needs at least 10"):
            first_run(app, "127.0.0.1", 8000)
        with app.uow() as uow:
            assert uow.users.count() == 0
    finally:
        app.close()
