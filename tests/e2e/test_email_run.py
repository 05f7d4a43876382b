"""End to end: a running `oms run`, an order e-mailed to its SMTP receiver, read back through the API,
and the reply handed to the smarthost (a real SMTP server in this test)."""

from __future__ import annotations

import email
import json
import os
import smtplib
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from email import policy
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.integration.mail_support import Capture, free_port, smarthost
from tests.unit.parsers.email_support import message
from tests.waiting import wait_until

pytestmark = pytest.mark.e2e


def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    wait_until(predicate, what, timeout, tolerate=(OSError,))


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[str, int, dict[str, str], Capture]]:
    with smarthost() as (relay_port, capture):
        smtp_port = free_port()
        env = {
            **os.environ,
            "OMS_DATA_DIR": str(tmp_path / "var"),
            "OMS_SMTP_PORT": str(smtp_port),
            "OMS_SMTP_SMARTHOST": f"127.0.0.1:{relay_port}",
            "OMS_MAIL_FROM": "Pedidos Comanda <pedidos@comanda.example>",
            "OMP_THREAD_LIMIT": "1",
        }
        for name in ("OMS_DATABASE_URL", "OMS_BROKER_URL", "OMS_IMAP_URL"):
            env.pop(name, None)
        oms = [sys.executable, "-m", "oms.cli"]

        def run(*args: str, stdin: str | None = None) -> str:
            done = subprocess.run(
                [*oms, *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True
            )
            assert done.returncode == 0, done.stderr
            return done.stdout

        run("db", "seed", "--if-empty")
        run("user", "create", "ana", "--role", "clerk", "--password-stdin", stdin="correct horse battery\n")
        auth = {"Authorization": f"Bearer {run('user', 'token', 'ana').strip()}"}
        port = free_port()
        log = (tmp_path / "run.log").open("wb")
        proc = subprocess.Popen([*oms, "run", "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(lambda: get(f"{base}/health", auth)["status"] == "ok", 60, "the server to come up")
            yield base, smtp_port, auth, capture
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            log.close()


def get(url: str, headers: dict[str, str]) -> Any:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as resp:
        return json.loads(resp.read())


def test_an_emailed_order_arrives_in_the_api_and_is_answered_in_the_thread(running) -> None:  # type: ignore[no-untyped-def]
    base, smtp_port, auth, capture = running
    body = "Buenos días:\n\n* 12 x TOR-M8-40\n* Ref. 4713: 300 uds\n\nUn saludo,\nAna Núñez\n"
    raw = message(
        body, subject="Pedido PO-E2E-7 – urgente", message_id="<e2e-7@ferreterianunez.es>"
    ).as_bytes()
    with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as smtp:
        smtp.sendmail("pedidos@ferreterianunez.es", ["pedidos@comanda.example"], raw)

    def the_order() -> bool:
        return any(o["po_number"] == "PO-E2E-7" for o in get(f"{base}/api/orders", auth)["items"])

    wait_for(the_order, 30, "the e-mailed order")
    (summary,) = [o for o in get(f"{base}/api/orders", auth)["items"] if o["po_number"] == "PO-E2E-7"]
    order = get(f"{base}/api/orders/{summary['id']}", auth)
    assert order["state"] == "accepted" and order["customer_id"] == "C-1001"
    assert [(ln["sku"], ln["quantity"]) for ln in order["lines"]] == [("TOR-M8-40", "12"), ("ARA-M8", "300")]

    wait_for(lambda: len(capture.messages) == 1, 30, "the reply at the smarthost")
    reply = email.message_from_bytes(capture.messages[0].content, policy=policy.default)
    assert reply["In-Reply-To"] == "<e2e-7@ferreterianunez.es>"
    assert reply["Subject"] == "Re: Pedido PO-E2E-7 – urgente"
    assert capture.messages[0].rcpt_tos == ["pedidos@ferreterianunez.es"]
