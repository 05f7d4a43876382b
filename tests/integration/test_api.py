"""The JSON API over a processed demo interchange: orders, one order, documents, raw bytes, health."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from tests.conftest import SAMPLES, make_user
from tests.integration.helpers import ingest
from web.app import create_app

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


@pytest.fixture
def client(demo_app: App) -> TestClient:
    token = make_user(demo_app)
    return TestClient(create_app(demo_app), headers={"Authorization": f"Bearer {token}"})


def test_orders_documents_and_raw_bytes(client: TestClient, demo_app: App) -> None:
    doc_id = ingest(demo_app, DEMO, "demo.edi")
    listing = client.get("/api/orders").json()
    assert [o["po_number"] for o in listing["items"]] == ["PO-2026-00124", "PO-2026-00123"]  # newest first
    order = client.get(f"/api/orders/{listing['items'][1]['id']}").json()
    assert order["state"] == "accepted" and order["decision"] == "accept"
    assert order["customer_id"] == "C-1001"
    assert order["buyer"] == {
        "party_id": "8437000100010",
        "name": "Ferretería Núñez S.L.",
        "street": None,
        "postal_code": None,
        "city": None,
        "country": None,
    }
    assert order["ship_to"]["city"] == "Getafe"
    assert [(ln["sku"], ln["quantity"], ln["unit_price"]) for ln in order["lines"]] == [
        ("TOR-M8-40", "250", "0.18"),
        ("TUE-M8", "250", "0.05"),
        ("TAC-6", "4", "3.9"),
    ]
    document = client.get(f"/api/documents/{doc_id}").json()
    assert document["state"] == "processed" and document["format"] == "edifact"
    assert sorted(document["order_ids"]) == sorted(o["id"] for o in listing["items"])
    assert sorted(a["kind"] for a in document["answers"]) == ["contrl", "ordrsp"]
    raw = client.get(f"/api/documents/{doc_id}/raw")
    assert raw.status_code == 200 and raw.content == DEMO
    assert 'filename="demo.edi"' in raw.headers["content-disposition"]


def test_filters_paging_and_not_found(client: TestClient, demo_app: App) -> None:
    ingest(demo_app, DEMO)
    assert len(client.get("/api/orders", params={"state": "accepted"}).json()["items"]) == 2
    assert client.get("/api/orders", params={"state": "rejected"}).json()["items"] == []
    assert len(client.get("/api/orders", params={"limit": 1}).json()["items"]) == 1
    assert client.get("/api/orders", params={"state": "nonsense"}).status_code == 422
    missing = client.get("/api/orders/9999")
    assert missing.status_code == 404 and "9999" in missing.json()["detail"]
    assert client.get("/api/documents/9999").status_code == 404


def test_health_and_openapi(client: TestClient, demo_app: App) -> None:
    health = TestClient(create_app(demo_app)).get("/health")  # no credentials needed
    assert health.status_code == 200 and health.json()["database"] == "ok"
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/orders", "/api/orders/{order_id}", "/api/documents/{document_id}", "/health"} <= set(paths)
