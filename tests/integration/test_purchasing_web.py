"""Purchasing over HTTP: the JSON API with its supervisor-only steps, the pages, and the scanner page
receiving by GTIN (its script a static file: the CSP allows no inline script)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from tests.conftest import make_user
from tests.integration.lifecycle_support import drain_all
from tests.integration.purchasing_support import po, shop
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def shopped(app: App) -> App:
    shop(app, reorder=True)
    return app


def client(app: App, name: str, role: str) -> TestClient:
    token = make_user(app, name, role)
    return TestClient(create_app(app), headers={"Authorization": f"Bearer {token}"})


def test_a_supervisor_plans_and_approves_a_clerk_receives_by_scanning(shopped: App) -> None:
    app = shopped
    boss, clerk = client(app, "marta", "supervisor"), client(app, "ana", "clerk")
    preview = boss.get("/api/purchasing/plan").json()
    assert [(p["supplier_id"], len(p["lines"])) for p in preview["proposals"]] == [
        ("S-HERR", 3),
        ("S-QUIM", 1),
    ]
    assert clerk.post("/api/purchasing/plan").status_code == 403
    made = boss.post("/api/purchasing/plan")
    assert made.status_code == 201
    herr = made.json()[0]
    assert [(x["sku"], x["quantity"]) for x in herr["lines"]] == [
        ("BRO-HSS-8", "180"), ("GUA-NIT-L", "120"), ("LLA-AJ-250", "36"),
    ]  # fmt: skip
    assert clerk.post(f"/api/purchasing/orders/{herr['number']}/approve").status_code == 403
    assert (
        boss.put(f"/api/purchasing/orders/{herr['number']}/lines/2", json={"quantity": "60"}).status_code
        == 200
    )
    approved = boss.post(f"/api/purchasing/orders/{herr['number']}/approve")
    assert approved.json()["state"] == "approved"
    drain_all(app)
    assert boss.post(f"/api/purchasing/orders/{herr['number']}/approve").status_code == 409  # sent already

    page = clerk.get("/purchasing/receive")
    assert page.status_code == 200 and '<script src="/static/receive.js"></script>' in page.text
    assert "<script>" not in page.text and "script-src 'self'" in page.headers["content-security-policy"]
    # the wrench's GTIN, no order named: the oldest open order with it
    done = clerk.post(
        "/purchasing/receive",
        data={"gtin": "8437000100195", "count": "30", "damaged": "2"},
        follow_redirects=False,
    )
    assert (
        done.status_code == 303
        and "LLA-AJ-250%3A%2030%20received%2C%202%20damaged" in done.headers["location"]
    )
    bad = clerk.post(
        "/purchasing/receive", data={"gtin": "8437000100102", "count": "5"}, follow_redirects=False
    )
    assert "no%20open%20purchase%20order%20has%20GTIN%208437000100102" in bad.headers["location"]
    detail = clerk.get(f"/api/purchasing/orders/{herr['number']}").json()
    wrench = next(x for x in detail["lines"] if x["sku"] == "LLA-AJ-250")
    assert (wrench["received"], wrench["damaged"]) == ("30", "2")
    assert detail["state"] == "partly_received"
    assert [r["lines"] for r in detail["receipts"]] == [
        [{"sku": "LLA-AJ-250", "good": "30", "damaged": "2", "over": "0"}]
    ]
    assert [h["step"] for h in detail["history"]] == ["propose", "edit", "approve", "send", "receive"]
    with app.uow() as uow:
        levels = {lv.location: lv.on_hand for lv in uow.stock.levels(sku="LLA-AJ-250", warehouse="MAD")}
        promised = uow.stock.available_to_promise(["LLA-AJ-250"])
    shelf = next(loc for loc in levels if loc != "CUARENTENA")
    assert (levels[shelf], levels["CUARENTENA"]) == (25 + 30, 2)  # the damaged two are held apart
    assert promised == {"LLA-AJ-250": D(25 + 30)}  # and never available
    got = clerk.post(
        f"/api/purchasing/orders/{herr['number']}/receipts",
        json={"lines": [{"gtin": "8437000100157", "good": "200"}, {"sku": "GUA-NIT-L", "good": "60"},
                        {"sku": "LLA-AJ-250", "good": "6"}]},
    )  # fmt: skip
    assert got.status_code == 201 and got.json()["lines"][0] == {
        "sku": "BRO-HSS-8", "good": "200", "damaged": "0", "over": "20",
    }  # fmt: skip
    assert po(app, herr["number"]).state == "received"
    listing = clerk.get("/purchasing")
    assert listing.status_code == 200 and herr["number"] in listing.text and "Approve" not in listing.text
    assert "Approve" in boss.get("/purchasing").text  # the other draft, S-QUIM's
    assert "received" in clerk.get(f"/purchasing/orders/{herr['number']}").text
