"""The API at its edges: file names no header can carry as they are, numbers no database column holds."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from tests.conftest import make_user
from tests.integration.helpers import arrive
from tests.integration.test_web_security import registered
from web.app import create_app

BIG = 2**63  # one past the largest signed 64-bit integer a database id column holds


@pytest.fixture
def client(app: App) -> TestClient:
    token = make_user(app)
    return TestClient(create_app(app), headers={"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize(
    ("name", "ascii_name"),
    [
        ("pedido 100€ Núñez.edi", "pedido 100_ Nunez.edi"),
        ("año\r\nX-Injected: yes.edi", "anoX-Injected_ yes.edi"),
    ],
)
def test_raw_bytes_keep_a_name_no_header_can_carry_plainly(
    client: TestClient, app: App, name: str, ascii_name: str
) -> None:
    doc_id = arrive(app, b"UNA:+.? '", name)
    raw = client.get(f"/api/documents/{doc_id}/raw")
    assert raw.status_code == 200 and raw.content == b"UNA:+.? '"
    assert "x-injected" not in raw.headers
    disposition = raw.headers["content-disposition"]
    assert "\r" not in disposition and "\n" not in disposition and disposition.isascii()
    assert f'filename="{ascii_name}"' in disposition
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded, encoding="utf-8") == name.replace("\r\n", "")


def test_a_plain_name_needs_no_encoded_twin(client: TestClient, app: App) -> None:
    doc_id = arrive(app, b"x", "orders-17.edi")
    assert client.get(f"/api/documents/{doc_id}/raw").headers["content-disposition"] == (
        'attachment; filename="orders-17.edi"'
    )


def _routes(api: object) -> list[tuple[str, str]]:
    """(method, path template) of every route with a parameter in its path, pages and API alike."""
    return [
        (method, path)
        for path, methods in registered(api)
        if "{" in path
        for method in sorted(methods - {"HEAD", "MOUNT"})
    ]


def test_ids_no_database_key_can_hold_are_refused_not_crashed(app: App) -> None:
    token = make_user(app, "root", "admin")
    api = create_app(app)
    client = TestClient(api, headers={"Authorization": f"Bearer {token}"}, raise_server_exceptions=False)
    routes = _routes(api)
    assert len(routes) >= 30
    for method, template in routes:
        for value in (BIG, -1):
            path = re.sub(r"\{(\w+_id|number)(:int)?\}", str(value), template)
            path = re.sub(r"\{[^}]+\}", "C-1", path)
            answer = client.request(method, path, json={})
            assert answer.status_code in (404, 422), (method, path, answer.status_code, answer.text[:200])


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/orders", {"offset": BIG}),
        ("/api/documents", {"offset": BIG}),
        ("/api/orders", {"offset": -1}),
        ("/api/shipments", {"order_id": BIG}),
        ("/review/next", {"after": BIG}),
    ],
)
def test_query_numbers_out_of_range_are_422(client: TestClient, path: str, params: dict[str, int]) -> None:
    client_answer = client.get(path, params=params, follow_redirects=False)
    assert client_answer.status_code == 422, client_answer.text[:200]


@pytest.mark.parametrize("ids", [[False], [BIG], [0], ["1"]])
def test_order_ids_in_a_body_are_json_integers_in_range(client: TestClient, ids: list[object]) -> None:
    answer = client.post("/api/orders/allocate", json={"order_ids": ids})
    assert answer.status_code == 422, answer.text[:200]


SECURITY_HEADERS = ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy")


@pytest.mark.parametrize(
    ("path", "auth"),
    [
        ("/login", False),
        ("/health", False),
        ("/static/app.css", False),
        ("/review", False),
        ("/api/orders", False),
        ("/review", True),
        ("/api/orders", True),
        ("/dashboard", True),
        ("/api/orders/0", True),
    ],
)
def test_every_answer_carries_the_security_headers(app: App, path: str, auth: bool) -> None:
    token = make_user(app)
    headers = {"Authorization": f"Bearer {token}"} if auth else {"Accept": "text/html"}
    answer = TestClient(create_app(app), follow_redirects=False).get(path, headers=headers)
    assert all(name in answer.headers for name in SECURITY_HEADERS), (answer.status_code, answer.headers)
    policy = {d.split()[0]: d.split()[1:] for d in answer.headers["content-security-policy"].split("; ")}
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] in ("same-origin", "no-referrer", "strict-origin")


TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"


# the replay report is a standalone file written to disk, never served under the policy
SERVED = sorted(p.name for p in TEMPLATES.glob("*.html") if p.name != "replay_report.html")


@pytest.mark.parametrize("template", SERVED)
def test_pages_hold_no_inline_script_or_style_the_policy_would_block(template: str) -> None:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert not re.search(r"\sstyle\s*=", text) and "<style" not in text, "inline style"
    assert "javascript:" not in text
    for script in re.findall(r"<script[^>]*>", text):
        assert 'src="/static/' in script or 'type="application/json"' in script, script


def test_the_schema_names_the_refusals_the_api_really_gives(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    one_order = paths["/api/orders/{order_id}"]["get"]["responses"]
    assert {"200", "401", "404", "422", "429"} <= set(one_order)
    assert "409" in paths["/api/orders/{order_id}/cancel"]["post"]["responses"]
    assert paths["/api/orders/{order_id}"]["get"]["parameters"][0]["schema"]["maximum"] == 2**63 - 1


@pytest.mark.parametrize("as_of", ["0", "1700000000", "30/11/2026", "2026-11-31"])
def test_a_date_is_written_as_a_date(client: TestClient, as_of: str) -> None:
    assert client.get("/api/billing/receivables", params={"as_of": as_of}).status_code == 422


def test_an_iso_date_is_taken(client: TestClient) -> None:
    assert client.get("/api/billing/receivables", params={"as_of": "2026-11-30"}).status_code == 200


def test_the_api_docs_page_may_load_swagger_but_still_cannot_be_framed(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger-ui" in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("amount", ["1e30", "1E+400", "0.00001", "NaN", "Infinity", "-5"])
def test_an_amount_no_ledger_column_holds_is_refused_not_crashed(app: App, amount: str) -> None:
    """Schemathesis found a payment of 1e30 answering 500 (rounding it to cents overflowed)."""
    token = make_user(app, "root", "admin")
    client = TestClient(
        create_app(app), headers={"Authorization": f"Bearer {token}"}, raise_server_exceptions=False
    )
    payment = {"customer_id": "C-1", "amount": amount, "reference": "x"}
    assert client.post("/api/billing/payments", json=payment).status_code == 422
    invoice = {
        "supplier_id": "S-1",
        "number": "F-1",
        "issue_date": "2026-11-01",
        "due_date": "2026-12-01",
        "net": amount,
        "tax": "0",
    }
    assert client.post("/api/billing/supplier-invoices", json=invoice).status_code == 422
