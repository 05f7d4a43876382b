"""Money is booked against someone: an empty or unknown customer or supplier is refused, nothing posted."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from oms.cli import main
from tests.integration.test_billing_api import clerk, supervisor  # noqa: F401 - the fixtures
from tests.integration.test_lifecycle_cli import data_dir  # noqa: F401 - the fixture

pytestmark = pytest.mark.integration

INVOICE = {
    "supplier_id": "P-100",
    "number": "FV-889",
    "issue_date": "2026-11-20",
    "due_date": "2026-12-20",
    "net": "100.00",
    "tax": "21.00",
}


def _journal_sources(client: TestClient) -> list[str]:
    return [e["source"] for e in client.get("/api/billing/journal", params={"limit": 1000}).json()]


@pytest.mark.parametrize(
    ("supplier", "status", "said"),
    [("", 422, None), ("   ", 400, "supplier id"), ("P-999", 400, "P-999"), ("p-100", 400, "p-100")],
)
def test_a_supplier_payment_to_no_one_or_a_stranger_is_refused(
    clerk: TestClient,  # noqa: F811
    supervisor: TestClient,  # noqa: F811 - paying suppliers is a supervisor's
    supplier: str,
    status: int,
    said: str | None,
) -> None:
    assert clerk.post("/api/billing/supplier-invoices", json=INVOICE).status_code == 201
    before = _journal_sources(clerk)
    answer = supervisor.post(
        "/api/billing/supplier-payments",
        json={"supplier_id": supplier, "amount": "50.00", "reference": "T-1"},
    )
    assert answer.status_code == status, answer.text
    if said:
        assert said in answer.json()["detail"]
    assert _journal_sources(clerk) == before
    [payable] = clerk.get("/api/billing/payables").json()
    assert payable["party"] == "P-100" and Decimal(payable["balance"]) == Decimal("121")


def test_a_supplier_payment_without_a_reference_is_refused(
    clerk: TestClient,  # noqa: F811
    supervisor: TestClient,  # noqa: F811
) -> None:
    assert clerk.post("/api/billing/supplier-invoices", json=INVOICE).status_code == 201
    for reference, status in (("", 422), ("  ", 400)):
        body = {"supplier_id": "P-100", "amount": "50.00", "reference": reference}
        assert supervisor.post("/api/billing/supplier-payments", json=body).status_code == status


@pytest.mark.parametrize(("customer", "status"), [("", 422), (" ", 400), ("C-9999", 400)])
def test_a_receipt_from_no_customer_we_know_is_refused(
    clerk: TestClient,  # noqa: F811
    customer: str,
    status: int,
) -> None:
    before = _journal_sources(clerk)
    body = {"customer_id": customer, "amount": "10.00", "reference": "TRF-1"}
    answer = clerk.post("/api/billing/payments", json=body)
    assert answer.status_code == status, answer.text
    assert _journal_sources(clerk) == before


def test_a_supplier_invoice_of_no_one_is_refused(clerk: TestClient) -> None:  # noqa: F811
    assert (
        clerk.post("/api/billing/supplier-invoices", json={**INVOICE, "supplier_id": " "}).status_code == 400
    )
    assert clerk.get("/api/billing/payables").json() == []


@pytest.mark.usefixtures("data_dir")
def test_the_command_line_refuses_the_same(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    assert main(["user", "create", "sofia", "--role", "supervisor", "--password-stdin"]) == 0
    capsys.readouterr()
    pay = ["billing", "supplier-payment", "--actor", "sofia", "--ref", "T-1"]
    assert main([*pay, "", "10.00"]) == 2
    assert "supplier id" in capsys.readouterr().err
    assert main([*pay, "P-404", "10.00"]) == 2
    assert "P-404" in capsys.readouterr().err
    assert main(["billing", "pay", "C-404", "10.00", "--ref", "T-2"]) == 2
    assert "no customer C-404" in capsys.readouterr().err
    assert main(["billing", "trial-balance"]) == 0
    assert "supplier_payment" not in capsys.readouterr().out
