"""The books page lists the money steps waiting for a second supervisor, and a second supervisor approves
one there (a form post with the session's CSRF token, no script): the step is carried out and the books
name both people. The one who asked, and a clerk, get no button and are refused if they post anyway."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import App
from tests.conftest import make_user
from tests.integration.test_web_security import login
from web.app import create_app

pytestmark = pytest.mark.integration
BILL = {"supplier_id": "P-100", "number": "FV-9", "issue_date": "2026-11-20", "due_date": "2026-12-20",
        "net": "1000.00", "tax": "210.00"}  # fmt: skip


@pytest.fixture
def books(books_second_approval: App) -> App:
    return books_second_approval


def signed_in(app: App, name: str, role: str) -> tuple[TestClient, str]:
    """A browser session (cookie) of a new user and its CSRF token."""
    make_user(app, name, role)
    browser = TestClient(create_app(app), follow_redirects=False)
    return browser, login(browser, name)


def approve_forms(html: str) -> list[str]:
    return re.findall(r'<form method="post" action="(/billing/approvals/\d+/approve)">', html)


def paid(app: App) -> list[str]:
    with app.uow() as uow:
        return [e.actor for e in uow.ledger.entries(limit=100, source="supplier_payment")]


@pytest.fixture
def waiting(books: App) -> int:
    """Marta pays P-100 60 EUR, above the 50 EUR threshold: it waits for a second supervisor."""
    app_api = TestClient(create_app(books), headers={"Authorization": f"Bearer {make_user(books, 'ana')}"})
    assert app_api.post("/api/billing/supplier-invoices", json=BILL).status_code == 201
    marta = TestClient(
        create_app(books), headers={"Authorization": f"Bearer {make_user(books, 'marta', 'supervisor')}"}
    )
    r = marta.post(
        "/api/billing/supplier-payments", json={"supplier_id": "P-100", "amount": "60", "reference": "T-9"}
    )
    assert r.status_code == 202, r.text
    return int(r.json()["id"])


def test_a_second_supervisor_approves_from_the_books_page(books: App, waiting: int) -> None:
    sofia, csrf = signed_in(books, "sofia", "supervisor")
    page = sofia.get("/billing")
    assert page.status_code == 200
    table = page.text[page.text.index('id="approvals"') :].split("</table>", 1)[0]
    assert "supplier payment" in table and "P-100" in table and "<td>60 EUR</td>" in table
    assert "<td>marta</td>" in table
    assert approve_forms(page.text) == [f"/billing/approvals/{waiting}/approve"]
    assert f'name="csrf_token" value="{csrf}"' in table and "<script" not in page.text

    assert (
        sofia.post(f"/billing/approvals/{waiting}/approve").status_code == 403
    )  # no CSRF token, nothing done
    assert paid(books) == []
    done = sofia.post(f"/billing/approvals/{waiting}/approve", data={"csrf_token": csrf})
    assert done.status_code == 303
    assert "approved by sofia" in sofia.get(done.headers["location"]).text
    assert paid(books) == ["marta/sofia"]
    assert "Nothing waiting." in sofia.get("/billing").text

    again = sofia.post(f"/billing/approvals/{waiting}/approve", data={"csrf_token": csrf})
    assert "given already" in sofia.get(again.headers["location"]).text
    assert paid(books) == ["marta/sofia"]  # once only


def test_who_asked_and_a_clerk_see_it_but_cannot_approve(books: App, waiting: int) -> None:
    marta, marta_csrf = TestClient(create_app(books), follow_redirects=False), ""
    marta_csrf = login(marta, "marta")
    page = marta.get("/billing").text
    assert approve_forms(page) == [] and "yours: another supervisor approves" in page
    refused = marta.post(f"/billing/approvals/{waiting}/approve", data={"csrf_token": marta_csrf})
    assert "a second person must approve" in marta.get(refused.headers["location"]).text

    ben, ben_csrf = signed_in(books, "ben", "clerk")
    page = ben.get("/billing").text
    assert approve_forms(page) == [] and "P-100" in page and "a supervisor approves" in page
    assert ben.post(f"/billing/approvals/{waiting}/approve", data={"csrf_token": ben_csrf}).status_code == 403
    assert paid(books) == []
