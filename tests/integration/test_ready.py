"""`/ready` and `oms doctor`: each check passes on a working installation and fails, saying what to fix,
when its part is missing (Tesseract data, a broker, a schema, the SMTP receiver)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from oms.health import broker, run_checks
from tests.conftest import ROOT, make_app
from web.app import create_app

TOKEN = "the operator's metrics token"
TOLD = {"Authorization": f"Bearer {TOKEN}"}  # who may read the metrics is told what each check found


@pytest.fixture
def quiet_app(tmp_path: Path) -> Iterator[App]:
    """The embedded default with no SMTP receiver configured."""
    application = make_app(tmp_path, smtp_port=0, metrics_token=TOKEN)
    yield application
    application.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_working_installation_is_ready_without_signing_in(quiet_app: App) -> None:
    answer = TestClient(create_app(quiet_app)).get("/ready", headers=TOLD)
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "broker", "tesseract", "folders", "smtp"}
    assert body["checks"]["tesseract"] == {"ok": True, "detail": "languages eng+spa", "fix": ""}
    assert (quiet_app.settings.inbox / "fax").is_dir() and quiet_app.settings.outbox.is_dir()


def test_an_smtp_receiver_that_does_not_listen_makes_it_unready(tmp_path: Path) -> None:
    app = make_app(tmp_path, smtp_port=closed_port(), metrics_token=TOKEN)
    try:
        answer = TestClient(create_app(app)).get("/ready", headers=TOLD)
        assert answer.status_code == 503
        smtp = answer.json()["checks"]["smtp"]
        assert smtp["ok"] is False and "nothing listens" in smtp["detail"]
        with socket.socket() as listener:  # now something listens there
            listener.bind(("127.0.0.1", app.settings.smtp_port))
            listener.listen()
            assert TestClient(create_app(app)).get("/ready").status_code == 200
    finally:
        app.close()


def test_missing_spanish_data_is_unready_and_says_what_to_install(
    quiet_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "tessdata"
    empty.mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(empty))
    answer = TestClient(create_app(quiet_app)).get("/ready", headers=TOLD)
    assert answer.status_code == 503
    check = answer.json()["checks"]["tesseract"]
    assert check["ok"] is False
    assert "spa" in check["detail"] and "spa.traineddata" in check["fix"]


def test_a_stranger_sees_which_checks_passed_but_not_what_they_found(quiet_app: App) -> None:
    answer = TestClient(create_app(quiet_app)).get("/ready")  # the test client's address is no IP
    assert answer.status_code == 200
    checks = answer.json()["checks"]
    assert checks["folders"] == {"ok": True, "detail": "", "fix": ""}
    assert all(c["detail"] == "" for c in checks.values())


def doctor(env_changes: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OMS_DATA_DIR": str(tmp_path / "var"), "OMS_SMTP_PORT": "0", **env_changes}
    env.pop("OMS_DATABASE_URL", None)
    env.pop("OMS_BROKER_URL", None)
    oms = [sys.executable, "-m", "oms.cli"]
    subprocess.run([*oms, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    return subprocess.run([*oms, "doctor"], cwd=ROOT, env=env, capture_output=True, text=True)


def test_doctor_passes_on_a_working_installation(tmp_path: Path) -> None:
    done = doctor({}, tmp_path)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1] == "ready"


def test_doctor_fails_clearly_when_tessdata_is_empty(tmp_path: Path) -> None:
    empty = tmp_path / "tessdata"
    empty.mkdir()
    done = doctor({"TESSDATA_PREFIX": str(empty)}, tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    failing = [line for line in lines if line.startswith("FAIL")]
    assert failing == [f"FAIL tesseract  language data missing in TESSDATA_PREFIX={empty}: eng, spa"]
    assert any("spa.traineddata" in line and "tesseract-ocr-spa" in line for line in lines)
    assert lines[-1] == "1 problem to fix"


def test_doctor_says_to_upgrade_an_old_schema(tmp_path: Path) -> None:
    env = {**os.environ, "OMS_DATA_DIR": str(tmp_path / "var"), "OMS_SMTP_PORT": "0"}
    env.pop("OMS_DATABASE_URL", None)
    env.pop("OMS_BROKER_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "oms.cli", "doctor"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "FAIL database   the schema is not the newest" in done.stdout
    assert "run `oms db upgrade`" in done.stdout


def test_real_brokers_answer_and_a_wrong_address_does_not(redis_url: str, amqp_url: str) -> None:
    assert broker(redis_url).ok
    assert broker(amqp_url).ok
    port = closed_port()
    for url in (f"redis://127.0.0.1:{port}/0", f"amqp://guest:guest@127.0.0.1:{port}/%2F"):
        found = broker(url)
        assert not found.ok and "OMS_BROKER_URL" in found.fix


def test_checks_on_postgresql_see_the_schema(pg_app: App) -> None:
    checks = {c.name: c for c in run_checks(pg_app.settings.but(smtp_port=0), pg_app.engine)}
    assert checks["database"].ok and checks["database"].detail == "postgresql, newest schema"
