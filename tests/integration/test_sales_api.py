"""The sales API and pages: who may do what, and a quote from the form to the order."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from tests.conftest import make_user
from tests.integration.helpers import all_orders, drain
from web.app import create_app

PROSPECT = {"name": "Talleres Ebro S.A.", "source": "web", "email": "compras@ebro.example", "language": "es"}


@pytest.fixture
def clients(demo_app: App) -> tuple[TestClient, TestClient]:
    web = create_app(demo_app, clock=demo_app.clock)
    clerk = make_user(demo_app, "ana", "clerk")
    boss = make_user(demo_app, "marta", "supervisor")
    return (
        TestClient(web, headers={"Authorization": f"Bearer {clerk}"}, follow_redirects=False),
        TestClient(web, headers={"Authorization": f"Bearer {boss}"}, follow_redirects=False),
    )


def test_a_clerk_writes_down_prospects_a_supervisor_quotes(
    clients: tuple[TestClient, TestClient], demo_app: App
) -> None:
    clerk, boss = clients
    made = clerk.post("/api/prospects", json=PROSPECT)
    assert made.status_code == 201
    prospect = made.json()
    assert (prospect["status"], prospect["owner"]) == ("new", "ana")
    assert [p["name"] for p in clerk.get("/api/prospects").json()] == ["Talleres Ebro S.A."]

    body = {"prospect_id": prospect["id"], "lines": [{"sku": "TOR-M8-40", "quantity": "1000"}]}
    assert clerk.post("/api/quotes", json=body).status_code == 403
    quote = boss.post("/api/quotes", json=body).json()
    # 1,000 bolts at the base list's 0.18 EUR
    assert (quote["state"], quote["total"]) == ("draft", "180.00")
    assert clerk.post(f"/api/quotes/{quote['id']}/send").status_code == 403
    assert boss.post(f"/api/quotes/{quote['id']}/send").json()["sent_to"] == "compras@ebro.example"

    accepted = boss.post(f"/api/quotes/{quote['id']}/accept").json()
    assert accepted["state"] == "accepted" and accepted["customer_id"] == "TALLERES-EBRO-S-A"
    again = boss.post(f"/api/quotes/{quote['id']}/accept")
    assert again.status_code == 409 and "only a sent quote" in again.json()["detail"]
    drain(demo_app)
    (order,) = all_orders(demo_app)
    assert order.customer_id == "TALLERES-EBRO-S-A" and order.po_number == accepted["number"]

    pdf = clerk.get(f"/api/quotes/{quote['id']}/pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert clerk.get("/api/quotes/999").status_code == 404
    assert clerk.get("/api/prospects/999").status_code == 404


def test_the_pages_take_a_prospect_to_a_sent_quote(clients: tuple[TestClient, TestClient]) -> None:
    clerk, boss = clients
    added = clerk.post("/sales/prospects", data=PROSPECT)
    assert added.status_code == 303
    page = added.headers["location"]
    assert "Talleres Ebro S.A." in clerk.get(page).text
    assert "Draft the quote" not in clerk.get(page).text  # quoting is a supervisor's

    lines = "TOR-M8-40 500\nTOR-M10-60 200 0,30\n"
    refused = clerk.post(f"{page}/quotes", data={"lines": lines})
    assert refused.status_code == 403
    drafted = boss.post(f"{page}/quotes", data={"lines": lines})
    assert drafted.status_code == 303
    quote_page = drafted.headers["location"]
    shown = boss.get(quote_page).text
    # 500 × 0.18 + 200 × 0.30 = 150.00
    assert "150.00 EUR" in shown and "typed by hand" in shown and "base price list" in shown
    sent = boss.post(f"{quote_page}/send")
    assert "sent%20to%20compras%40ebro.example" in sent.headers["location"]
    bad = boss.post(f"{page}/quotes", data={"lines": "TOR-M8-40 many"})
    assert "no%20quote" in bad.headers["location"]
    assert "prospect" in clerk.get("/sales").text.lower()


def test_the_review_screen_makes_a_prospect_of_an_unknown_sender(
    clients: tuple[TestClient, TestClient], demo_app: App
) -> None:
    from core.capture.domain.documents import Channel, InboundDocument

    clerk, _ = clients
    mail = (
        b"From: Talleres Ebro <pedidos@talleres-ebro.example>\r\nTo: pedidos@comanda.example\r\n"
        b"Subject: Pedido 7781\r\nMessage-ID: <p7781@talleres-ebro.example>\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n10 x TOR-M8-40\r\n5 x TUE-M8\r\n"
    )
    demo_app.submit(
        InboundDocument(
            channel=Channel.EMAIL,
            content=mail,
            received_at=demo_app.clock(),
            sender="pedidos@talleres-ebro.example",
            media_type="message/rfc822",
        )
    )
    drain(demo_app)
    (order,) = all_orders(demo_app)
    assert "New prospect from this sender" in clerk.get(f"/review/{order.id}").text
    made = clerk.post(f"/review/{order.id}/prospect")
    assert made.status_code == 303 and made.headers["location"].startswith("/sales/prospects/")
    prospect = clerk.get("/api/prospects").json()[0]
    assert (prospect["email"], prospect["source"], prospect["owner"]) == (
        "pedidos@talleres-ebro.example",
        "review-queue",
        "ana",
    )
