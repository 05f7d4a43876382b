"""The order confirmation PDF and the fax spool a fax server collects from."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from core.kernel.domain.model import Customer, Decision, Order, OrderLine, OrderState, OutboundKind
from outbound.confirmation import Letterhead, price_text, quantity_text, render_confirmation
from outbound.fax import FaxJob, FaxSender, SpoolFaxGateway, confirmation_by_fax, page_count

NOW = datetime(2026, 11, 26, 10, 20, tzinfo=UTC)
CUSTOMER = Customer(
    "C-1001",
    "Ferretería Núñez S.L.",
    fax="+34 912 345 678",
    street="Calle Mayor 12",
    postal_code="28013",
    city="Madrid",
    country="ES",
    language="es",
)


def order(decision: Decision = Decision.ACCEPT, lines: int = 2) -> Order:
    o = Order(
        document_id=1,
        message_index=0,
        channel="fax",
        state=decision.order_state,
        decision=decision,
        confidence=0.97,
        created_at=NOW,
        po_number="PED-26/72309",
        customer_id="C-1001",
        order_date=date(2026, 11, 23),
        requested_delivery_date=date(2026, 12, 4),
        currency="EUR",
        id=41,
    )
    o.lines = [
        OrderLine(
            position=i,
            sku="TOR-M8-40",
            description="Tornillo hexagonal M8x40 zincado",
            quantity=Decimal(1250),
            unit="UD",
            unit_price=Decimal("0.1800"),
        )
        for i in range(1, lines + 1)
    ]
    return o


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_spanish_confirmation_says_what_we_understood() -> None:
    pdf = render_confirmation(order(), CUSTOMER, "es", now=NOW, number="+34912345678")
    text = text_of(pdf)
    for expected in (
        "Comanda Suministros Industriales S.L.",
        "CONFIRMACIÓN DE PEDIDO",
        "Ferretería Núñez S.L.",
        "PED-26/72309",
        "04/12/2026",
        "TOR-M8-40",
        "1.250",
        "0,18",
        "225,00",
        "Total EUR: 450,00",
        "Página 1",
    ):
        assert expected in text


def test_english_rejection_gives_the_reasons() -> None:
    rejected = order(Decision.REJECT)
    rejected.state = OrderState.REJECTED
    rejected.problems = [
        {"field": "lines[1].sku", "code": "unknown_product", "message": "no such product X-1"}
    ]
    text = text_of(render_confirmation(rejected, None, "en", now=NOW))
    assert "ORDER NOT ACCEPTED" in text and "no such product X-1" in text and "Total EUR: 450.00" in text


def test_same_order_same_bytes() -> None:
    assert render_confirmation(order(), CUSTOMER, "es", now=NOW) == render_confirmation(
        order(), CUSTOMER, "es", now=NOW
    )


def test_long_orders_run_over_pages() -> None:
    pdf = render_confirmation(order(lines=70), CUSTOMER, "en", now=NOW, letterhead=Letterhead(name="Us Ltd"))
    assert page_count(pdf) >= 2
    assert "Us Ltd" in text_of(pdf)


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [(Decimal("1250"), "es", "1.250"), (Decimal("2.5"), "en", "2.5"), (Decimal("0.1250"), "es", "0,125")],
)
def test_quantities_print_as_written(value: Decimal, language: str, text: str) -> None:
    assert quantity_text(value, language) == text


def test_prices_keep_two_to_four_places() -> None:
    assert price_text(Decimal("0.1"), "en") == "0.10"
    assert price_text(Decimal("0.12345"), "es") == "0,1235"


def test_confirmation_message_is_a_fax_reply() -> None:
    msg = confirmation_by_fax(order(), CUSTOMER, "+34912345678", "es", NOW)
    assert (msg.channel, msg.kind, msg.recipient, msg.order_id) == (
        "fax",
        OutboundKind.REPLY,
        "+34912345678",
        41,
    )
    assert msg.filename == "confirmation-41-20261126T102000Z.pdf"
    assert msg.content.startswith(b"%PDF")


def test_spool_writes_document_and_job_once(tmp_path: Path) -> None:
    gateway = SpoolFaxGateway(tmp_path / "outbox" / "fax")
    msg = confirmation_by_fax(order(), CUSTOMER, "+34912345678", "es", NOW)
    sender = FaxSender(gateway)
    sender.send(msg)
    document, job = gateway.paths("confirmation-41-20261126T102000Z")
    assert document.read_bytes() == msg.content
    assert json.loads(job.read_text()) == {
        "number": "+34912345678",
        "document": "confirmation-41-20261126T102000Z.pdf",
        "pages": 1,
        "reference": "confirmation-41-20261126T102000Z",
        "order_id": 41,
        "created_at": "2026-11-26T10:20:00+00:00",
    }
    before = job.stat().st_mtime_ns
    sender.send(msg)  # delivered again after a crash: nothing new is written
    assert job.stat().st_mtime_ns == before
    assert sorted(p.name for p in document.parent.iterdir()) == sorted([document.name, job.name])


def test_spool_names_are_safe(tmp_path: Path) -> None:
    gateway = SpoolFaxGateway(tmp_path)
    gateway.submit(FaxJob(number="+1", document=b"%PDF-", reference="../../etc/passwd", pages=1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_.._etc_passwd.json", "_.._etc_passwd.pdf"]
