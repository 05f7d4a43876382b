"""The lifecycle through the JSON API and the pages: allocate, release, pick, pack, ship, deliver."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from tests.conftest import make_user
from tests.integration.lifecycle_support import demo_orders, drain_all, set_up_shop
from web.app import create_app

pytestmark = pytest.mark.integration


@pytest.fixture
def client(demo_app: App) -> TestClient:
    set_up_shop(demo_app)
    token = make_user(demo_app, "almacen", "supervisor")
    return TestClient(create_app(demo_app), headers={"Authorization": f"Bearer {token}"})


def test_an_order_through_the_api(client: TestClient, demo_app: App) -> None:
    first, second = demo_orders(demo_app)
    r = client.post("/api/orders/allocate", json={"order_ids": [first, second]})
    assert r.status_code == 200 and r.json()["states"] == {str(first): "allocated", str(second): "allocated"}

    r = client.post("/api/pick-lists", json={"order_ids": [first, second]})
    assert r.status_code == 201
    [pick_list] = r.json()
    assert pick_list["warehouse"] == "MAD" and len(pick_list["lines"]) == 5
    locations = [ln["location"] for ln in pick_list["lines"]]
    assert client.get(f"/api/pick-lists/{pick_list['id']}/pdf").content.startswith(b"%PDF")
    short = next(ln for ln in pick_list["lines"] if ln["sku"] == "SIL-TRA-300")
    r = client.post(f"/api/pick-lists/{pick_list['id']}/confirm", json={"picked": {str(short["id"]): "20"}})
    assert r.status_code == 200 and r.json()["state"] == "confirmed" and locations

    life = client.get(f"/api/orders/{second}/lifecycle").json()
    assert life["state"] == "backordered"  # 4 sealant tubes missing, none anywhere else: they wait
    assert life["lines"][1]["waiting"] == "4" and life["lines"][1]["picked"] == "20"
    r = client.post("/api/shipments", json={"order_id": first, "warehouse": "MAD"})
    assert r.status_code == 201
    shipment = r.json()
    assert shipment["state"] == "packed" and shipment["parcels"][0]["sscc"]
    quotes = client.get(f"/api/shipments/{shipment['id']}/quotes").json()
    assert quotes and quotes == sorted(quotes, key=lambda q: (float(q["total"]), q["delivery_date"]))
    r = client.post(f"/api/shipments/{shipment['id']}/ship", json={})
    assert r.status_code == 200 and r.json()["tracking_number"]
    assert client.get(f"/api/shipments/{shipment['id']}/label").content.startswith(b"%PDF")
    again = client.post(f"/api/shipments/{shipment['id']}/ship", json={})
    assert again.status_code == 409 and "only a packed one" in again.json()["detail"]
    assert client.post(f"/api/shipments/{shipment['id']}/deliver").json()["state"] == "delivered"
    drain_all(demo_app)
    life = client.get(f"/api/orders/{first}/lifecycle").json()
    assert life["state"] == "delivered"
    assert [e["step"] for e in life["events"]][-3:] == ["pack", "ship", "deliver"]
    assert {n["kind"] for n in life["notifications"]} == {"accepted", "shipped", "delivered"}
    assert client.post(f"/api/orders/{first}/close").json()["state"] == "closed"


def test_illegal_steps_are_409_and_unknown_things_404(client: TestClient, demo_app: App) -> None:
    first, _ = demo_orders(demo_app)
    r = client.post(f"/api/orders/{first}/release")
    assert r.status_code == 409 and "cannot release" in r.json()["detail"]
    assert client.post(f"/api/orders/{first}/close").status_code == 409
    assert client.get("/api/orders/99999/lifecycle").status_code == 404
    assert client.get("/api/shipments/99999").status_code == 404
    r = client.post(
        "/api/stock/adjustments", json={"sku": "NOPE", "warehouse": "MAD", "location": "X", "quantity": "1"}
    )
    assert r.status_code == 404


def test_stock_receipts_hold_cancel_and_modify(client: TestClient, demo_app: App) -> None:
    first, _ = demo_orders(demo_app)
    r = client.post(
        "/api/stock/receipts",
        json={"sku": "TAC-6", "warehouse": "BCN", "location": "B-01-03", "quantity": "10"},
    )
    assert r.status_code == 201 and r.json()["on_hand"] == "50"
    stock = client.get("/api/stock", params={"sku": "TAC-6"}).json()
    assert stock["available_to_promise"] == {"TAC-6": "110"}
    assert client.post(f"/api/orders/{first}/hold", json={"reason": "check"}).json()["state"] == "on_hold"
    assert client.post(f"/api/orders/{first}/release-hold").json()["state"] == "accepted"
    client.post(f"/api/orders/{first}/allocate")
    body = {"lines": [{"position": 1, "quantity": "10"}], "note": "menos tornillos"}
    life = client.post(f"/api/orders/{first}/modify", json=body).json()
    assert life["lines"][0]["ordered"] == "10" and life["lines"][0]["allocated"] == "10"
    assert client.post(f"/api/orders/{first}/cancel", json={"reason": "x"}).json()["state"] == "cancelled"
    movements = client.get("/api/stock/movements", params={"sku": "TOR-M8-40"}).json()
    assert [m["kind"] for m in movements][:3] == ["deallocate", "deallocate", "allocate"]


def test_pages_render(client: TestClient, demo_app: App) -> None:
    first, _ = demo_orders(demo_app)
    demo_app.lifecycle.service.start([first], "clerk")
    for path in ("/orders", f"/orders/{first}", "/stock", "/stock?sku=TAC-6", "/pick-lists", "/shipments"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "Comanda" in r.text
    assert "Ferretería Núñez" in client.get(f"/orders/{first}").text
