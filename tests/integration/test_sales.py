"""Prospects and quotes through the wired app: a quote goes out by e-mail with its PDF, the customer's
acceptance becomes an order that flows like any other, and the prospect becomes a customer."""

from __future__ import annotations

import email
import io
from datetime import timedelta
from decimal import Decimal
from email import policy

import pdfplumber
import pytest

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.catalog.domain.pricing import PriceLevel
from core.catalog.domain.prospects import ProspectStatus
from core.catalog.domain.quotes import ACCEPTANCE_MEDIA_TYPE, QuoteState
from core.catalog.services import sales
from core.kernel.domain.model import OrderState
from core.kernel.errors import SalesError
from oms.bootstrap import App
from tests.integration.helpers import all_orders, drain


def lead(app: App) -> int:
    p = sales.add_prospect(
        app.uow(),
        "Ferretería Núñez S.L.",
        "fair",
        "marta",
        app.clock(),
        email="Compras@Nunez.example",
        city="Teruel",
        country="es",
        language="es",
        vat_id="ESB44123456",
    )
    assert p.id is not None
    return p.id


def quoted(app: App, prospect_id: int) -> int:
    """TOR-M8-40 at the price the base list gives (0.18 EUR), TOR-M10-60 at a price typed by hand."""
    offers = [
        sales.Offer("TOR-M8-40", Decimal(500)),
        sales.Offer("TOR-M10-60", Decimal(200), Decimal("0.30")),
    ]
    q = sales.create_quote(app.uow(), offers, "marta", app.clock(), prospect_id=prospect_id)
    assert q.id is not None
    return q.id


def test_a_quote_goes_out_by_email_with_its_pdf_in_the_prospects_language(demo_app: App) -> None:
    quote_id = quoted(demo_app, lead(demo_app))
    demo_app.sales.send(quote_id)
    drain(demo_app)
    with demo_app.uow() as uow:
        q = uow.sales.quote(quote_id)
        assert q is not None and q.state is QuoteState.SENT and q.sent_to == "compras@nunez.example"
        prospect = uow.sales.prospect(q.prospect_id or 0)
        assert prospect is not None and prospect.status is ProspectStatus.QUOTED
    files = list((demo_app.settings.outbox / "email").rglob("QUOTE_*.eml"))
    assert len(files) == 1
    mail = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert mail["To"] == "compras@nunez.example"
    assert "Presupuesto Q-" in str(mail["Subject"])
    (pdf,) = [part for part in mail.iter_attachments() if part.get_content_type() == "application/pdf"]
    with pdfplumber.open(io.BytesIO(pdf.get_content())) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    # 500 × 0,18 = 90,00 and 200 × 0,30 = 60,00: 150,00 before tax, written the Spanish way
    assert "Ferretería Núñez S.L." in text
    assert "90,00" in text and "60,00" in text and "150,00" in text


def test_an_accepted_quote_makes_one_accepted_order_and_a_customer(demo_app: App) -> None:
    prospect_id = lead(demo_app)
    quote_id = quoted(demo_app, prospect_id)
    demo_app.sales.send(quote_id)
    quote, document_id = demo_app.sales.accept(quote_id, "marta")
    drain(demo_app)

    (order,) = all_orders(demo_app)
    assert order.state is not OrderState.IN_REVIEW and order.problems == []
    assert order.customer_id == quote.customer_id == "FERRETERIA-NUNEZ-S-L"
    assert order.po_number == quote.number
    assert [(line.sku, line.quantity, line.unit_price) for line in order.lines] == [
        ("TOR-M8-40", Decimal(500), Decimal("0.18")),
        ("TOR-M10-60", Decimal(200), Decimal("0.30")),
    ]
    with demo_app.uow() as uow:
        customer = uow.master.customer("FERRETERIA-NUNEZ-S-L")
        assert customer is not None
        assert (customer.name, customer.email, customer.vat_id) == (
            "Ferretería Núñez S.L.",
            "compras@nunez.example",
            "ESB44123456",
        )
        prospect = uow.sales.prospect(prospect_id)
        assert prospect is not None and prospect.status is ProspectStatus.WON
        # the price typed by hand is this customer's agreed price for the quote's validity; the one the
        # base list gave needs no agreement
        agreed = [r for r in uow.master.prices_for("TOR-M10-60") if r.party == "FERRETERIA-NUNEZ-S-L"]
        assert [(r.level, r.unit_price, r.valid_to) for r in agreed] == [
            (PriceLevel.AGREEMENT, Decimal("0.30"), quote.valid_until)
        ]
        assert not [r for r in uow.master.prices_for("TOR-M8-40") if r.party == "FERRETERIA-NUNEZ-S-L"]
        record = uow.documents.get(document_id)
        assert record is not None and record.media_type == ACCEPTANCE_MEDIA_TYPE

    with pytest.raises(SalesError):
        demo_app.sales.accept(quote_id, "marta")


def test_the_same_acceptance_stored_twice_makes_one_order(demo_app: App) -> None:
    """A crash after the acceptance was stored but before the quote noted it: accepting again stores
    the same bytes, which processing knows as the same document."""
    quote_id = quoted(demo_app, lead(demo_app))
    demo_app.sales.send(quote_id)
    quote = sales.accept(demo_app.uow(), quote_id, "marta", demo_app.clock())
    stored = InboundDocument(
        channel=Channel.UPLOAD,
        content=quote.acceptance(),
        received_at=demo_app.clock(),
        media_type=ACCEPTANCE_MEDIA_TYPE,
    )
    first = demo_app.submit(stored)
    drain(demo_app)
    _, second = demo_app.sales.accept(quote_id, "marta")  # the quote never learnt of the first
    drain(demo_app)
    assert second != first
    assert len(all_orders(demo_app)) == 1
    with demo_app.uow() as uow:
        record = uow.documents.get(second)
        assert record is not None and record.state is DocumentState.DUPLICATE


def test_an_expired_quote_cannot_be_accepted(demo_app: App) -> None:
    quote_id = quoted(demo_app, lead(demo_app))
    demo_app.sales.send(quote_id)
    later = demo_app.clock() + timedelta(days=31)
    with pytest.raises(SalesError, match="valid until"):
        sales.accept(demo_app.uow(), quote_id, "marta", later)
    assert all_orders(demo_app) == []


def test_an_order_from_an_unknown_sender_becomes_a_prospect(demo_app: App) -> None:
    body = (
        "From: Talleres Ebro <pedidos@talleres-ebro.example>\r\nTo: pedidos@comanda.example\r\n"
        "Subject: Pedido 7781\r\nMessage-ID: <p7781@talleres-ebro.example>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Buenos días, por favor envíen:\r\n10 x TOR-M8-40\r\n5 x TUE-M8\r\nGracias\r\n"
    ).encode()
    doc = InboundDocument(
        channel=Channel.EMAIL,
        content=body,
        received_at=demo_app.clock(),
        sender="pedidos@talleres-ebro.example",
        media_type="message/rfc822",
    )
    demo_app.submit(doc)
    drain(demo_app)
    (order,) = all_orders(demo_app)
    assert order.customer_id is None and order.id is not None
    p = sales.prospect_from_order(demo_app.uow(), order.id, "marta", demo_app.clock())
    assert (p.email, p.source) == ("pedidos@talleres-ebro.example", "review-queue")
    assert p.status is ProspectStatus.NEW
    again = sales.prospect_from_order(demo_app.uow(), order.id, "marta", demo_app.clock())
    assert again.id == p.id  # the same sender twice is the same prospect


def test_a_quote_message_left_pending_goes_out_after_a_restart(demo_app: App) -> None:
    quote_id = quoted(demo_app, lead(demo_app))
    demo_app.sales.send(quote_id)  # its delivery job is queued but no worker ran it
    demo_app.broker.flush_all()  # type: ignore[attr-defined]  # and the queue lost it
    outbox = demo_app.settings.outbox / "email"
    with demo_app.uow() as uow:
        assert len(uow.outbound.loose_pending()) == 1
    assert not list(outbox.rglob("QUOTE_*.eml"))
    assert demo_app.requeue_unfinished(everything=True) >= 1
    drain(demo_app)
    with demo_app.uow() as uow:
        assert uow.outbound.loose_pending() == []
    assert len(list(outbox.rglob("QUOTE_*.eml"))) == 1
