"""The supply loop end to end for a supplier that works by e-mail: a backorder raises a proposal, the
approved order goes out as an e-mail with its PDF, the supplier's e-mailed confirmation (a PDF) is read
into the order's lines and date, receiving serves the backorder, their invoice typed in with its
carriage matches and is posted, and the books balance. An ambiguous confirmation waits for a buyer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.billing.domain.ledger import PAYABLE
from core.purchasing.domain.answers import DocumentState as DocState
from core.purchasing.domain.landed import Charge
from core.purchasing.domain.receiving import Counted
from ingest.mail import mail_envelope
from oms.bootstrap import App
from tests.conftest import DEMO_DAY
from tests.integration.billing_support import account_balance, assert_trial_balance_zero
from tests.integration.lifecycle_support import allocations, demo_orders, drain_all, state
from tests.integration.purchasing_support import po
from tests.integration.test_purchasing_mailed import HERR, a_pdf, processed, supplier_documents, supplier_mail

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def app(supplier_mail_shop: App) -> App:
    return supplier_mail_shop


def _sent(app: App) -> tuple[str, list[int]]:
    orders = demo_orders(app)
    app.lifecycle.service.start(orders, "ana")
    drain_all(app)
    made, _ = app.purchasing.service.plan("ana")
    number = next(p.number for p in made if p.supplier_id == "S-HERR")  # LLA-AJ-250 6, TAC-6 12
    app.purchasing.service.approve(number, "luis")
    drain_all(app)
    assert po(app, number).state == "sent"
    assert list((app.settings.outbox / "email").glob(f"*/PURCHASE_{number}.eml"))  # out by e-mail
    return number, orders


def test_an_email_supplier_confirms_by_pdf_and_the_loop_closes(app: App) -> None:
    number, orders = _sent(app)
    waiting = [o for o in orders if state(app, o) == "backordered"]
    assert waiting
    pdf = a_pdf(
        "ORDER CONFIRMATION AB-7731",
        f"Your order: {number}",
        "AW-250   Adjustable wrench 250 mm   6 units   6.40",
        "WP6-100  Wall plugs 6 mm   24 units   1.82",
        "Delivery date: 10/12/2026",
    )
    processed(app, mail_envelope(supplier_mail(pdf), DEMO_DAY, envelope_sender=HERR))
    (kept,) = supplier_documents(app)
    assert (kept.state, kept.po_number) == (DocState.APPLIED, number)
    assert kept.detail["changes"] == ["TAC-6: 12 -> 24"]  # the plugs confirmed at two boxes
    confirmed = po(app, number)
    assert confirmed.state == "confirmed" and confirmed.expected_date == date(2026, 12, 10)
    assert [(line.sku, line.confirmed_quantity) for line in confirmed.lines] == [
        ("LLA-AJ-250", D(6)), ("TAC-6", D(24)),
    ]  # fmt: skip

    counts = [Counted("LLA-AJ-250", D(6)), Counted("TAC-6", D(24))]
    app.purchasing.service.receive(number, counts, "ana", reference="ALB-88")
    drain_all(app)
    assert po(app, number).state == "received"
    # the backorders got the wrenches and the plugs (they still wait for S-TORN's bolts and nuts)
    served = {a.sku: a.quantity for o in orders for a in allocations(app, o)}
    assert (served["LLA-AJ-250"], served["TAC-6"]) == (D(6), D(4))

    # their invoice on paper: 6 x 6.40 + 24 x 1.82 = 82.08, carriage 5.00; VAT 21 % of 87.08 = 18.29
    lines = [("LLA-AJ-250", D(6), D("6.40")), ("TAC-6", D(24), D("1.82"))]
    doc = app.purchasing.service.type_invoice(
        number, "FH-2001", lines, "luis", charges=[Charge("carriage", D("5.00"))], tax=D("18.29")
    )
    assert doc.state == "matched" and po(app, number).state == "invoiced"
    assert account_balance(app, PAYABLE) == D("-105.37")  # 82.08 + 5.00 + 18.29
    assert_trial_balance_zero(app)


def test_an_ambiguous_emailed_confirmation_waits_for_a_buyer_with_why(app: App) -> None:
    number, _ = _sent(app)
    pdf = a_pdf(
        "ORDER CONFIRMATION AB-7732",
        f"Your order: {number}",
        "AW-250 Adjustable wrench 6 units",
    )  # fmt: skip  the plugs are not named
    processed(
        app, mail_envelope(supplier_mail(pdf, message_id="<oc-9@b.example>"), DEMO_DAY, envelope_sender=HERR)
    )
    (kept,) = supplier_documents(app)
    assert kept.state == DocState.WAITING
    assert kept.detail["not_read"] == "TAC-6 is named on 0 lines of the text, not one"
    assert po(app, number).state == "sent"  # nothing changed on the order
