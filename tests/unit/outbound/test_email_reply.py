"""The e-mail answer: same thread, customer's language, lines as understood, confirmation attached."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from decimal import Decimal
from email import policy
from email.message import EmailMessage
from typing import ClassVar

from core.kernel.domain.model import Customer, Decision, Order, OrderLine, OrderState, OutboundKind, Product
from outbound.email import EmailResponder, reply_subject
from outbound.email.compose import message_id_of

NOW = datetime(2026, 11, 26, 10, tzinfo=UTC)


class Blobs:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def get(self, sha256: str) -> bytes:
        return self.raw


class Master:
    customers: ClassVar[dict[str, Customer]] = {
        "C-1001": Customer(
            "C-1001", "Ferretería Núñez S.L.", email="pedidos@ferreterianunez.es", language="es"
        ),
        "C-2001": Customer(
            "C-2001", "Hartley Hardware Ltd", email="orders@hartleyhardware.co.uk", language="en"
        ),
    }
    products: ClassVar[dict[str, Product]] = {
        "TOR-M8-40": Product("TOR-M8-40", "Tornillo hexagonal M8x40", "Hex bolt M8x40", unit="UD")
    }

    def customer(self, customer_id: str) -> Customer | None:
        return self.customers.get(customer_id)

    def customer_by_gln(self, gln: str) -> Customer | None:
        return None

    def customer_by_email(self, address: str, *, domain: bool = True) -> Customer | None:
        return None

    def product(self, sku: str) -> Product | None:
        return self.products.get(sku)

    def product_by_gtin(self, gtin: str) -> Product | None:
        return None

    def sku_for_customer_code(self, customer_id: str, code: str) -> str | None:
        return None


class Uow:
    def __init__(self, raw: bytes) -> None:
        self.blobs = Blobs(raw)
        self.master = Master()


class Record:
    id = 42
    sha256 = "x"


def original(
    subject: str = "Pedido PO-7", sender: str = "Ana Núñez <pedidos@ferreterianunez.es>", **extra: str
) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["Subject"] = subject
    msg["Message-ID"] = "<orig@ferreterianunez.es>"
    msg["References"] = "<older@comanda.example>"
    for key, value in extra.items():
        msg[key.replace("_", "-")] = value
    msg.set_content("10 x TOR-M8-40\n")
    return msg.as_bytes()


def order(customer_id: str | None = "C-1001", decision: Decision = Decision.ACCEPT) -> Order:
    o = Order(
        document_id=42, message_index=0, channel="email", state=OrderState.ACCEPTED, decision=decision,
        confidence=1.0, created_at=NOW, po_number="PO-7", customer_id=customer_id,
        requested_delivery_date=date(2026, 12, 3), id=7,
    )  # fmt: skip
    o.lines.append(
        OrderLine(position=1, item_code="TOR-M8-40", sku="TOR-M8-40", quantity=Decimal(1000), unit="UD")
    )
    return o


def respond(raw: bytes, *orders: Order) -> list[object]:
    return list(EmailResponder("Pedidos <pedidos@comanda.example>").respond(Uow(raw), Record(), orders, NOW))


def test_reply_in_the_same_thread_in_spanish_with_the_lines_and_the_pdf() -> None:
    (msg,) = respond(original(), order())
    assert msg.channel == "email" and msg.kind is OutboundKind.REPLY  # type: ignore[attr-defined]
    assert msg.recipient == "pedidos@ferreterianunez.es"  # type: ignore[attr-defined]
    reply = email.message_from_bytes(msg.content, policy=policy.default)  # type: ignore[attr-defined]
    assert reply["Subject"] == "Re: Pedido PO-7"
    assert reply["In-Reply-To"] == "<orig@ferreterianunez.es>"
    assert reply["References"] == "<older@comanda.example> <orig@ferreterianunez.es>"
    assert reply["Auto-Submitted"] == "auto-replied" and reply["Content-Language"] == "es"
    text = reply.get_body(("plain",)).get_content()
    assert "aceptado su pedido PO-7" in text
    assert "1. TOR-M8-40 – Tornillo hexagonal M8x40: 1.000 UD" in text
    assert "Entrega solicitada: 03/12/2026" in text
    (pdf,) = list(reply.iter_attachments())
    assert (
        pdf.get_content_type() == "application/pdf" and pdf.get_filename() == "confirmacion-pedido-PO-7.pdf"
    )
    assert pdf.get_content().startswith(b"%PDF")


def test_english_customer_gets_english_and_re_is_not_doubled() -> None:
    raw = original(subject="RE: Order PO-7", sender="orders@hartleyhardware.co.uk")
    (msg,) = respond(raw, order("C-2001"))
    reply = email.message_from_bytes(msg.content, policy=policy.default)  # type: ignore[attr-defined]
    assert reply["Subject"] == "RE: Order PO-7"
    text = reply.get_body(("plain",)).get_content()
    assert "accepted your order PO-7" in text and "Hex bolt M8x40: 1,000 UD" in text


def test_rejected_order_says_why_in_the_customers_language() -> None:
    rejected = order(decision=Decision.REJECT)
    rejected.problems = [{"field": "lines", "code": "no_lines", "message": "the order has no lines"}]
    (msg,) = respond(original(), rejected)
    text = email.message_from_bytes(msg.content, policy=policy.default).get_body(("plain",)).get_content()  # type: ignore[attr-defined,union-attr]
    assert "No hemos podido aceptar su pedido PO-7" in text and "el pedido no tiene líneas" in text


def test_the_same_answer_rendered_twice_has_the_same_message_id() -> None:
    first, second = respond(original(), order())[0], respond(original(), order())[0]
    assert message_id_of(first.content) == message_id_of(second.content)  # type: ignore[attr-defined]
    assert first.filename == second.filename  # type: ignore[attr-defined]


def test_auto_replies_bounces_and_lists_are_never_answered() -> None:
    assert respond(original(Auto_Submitted="auto-replied"), order()) == []
    assert respond(original(Precedence="bulk"), order()) == []
    assert respond(original(sender="undisclosed-recipients:;"), order()) == []


def test_unknown_customer_language_from_the_subject_or_the_address() -> None:
    (msg,) = respond(original(subject="Pedido urgente", sender="x@desconocido.com"), order(None))
    assert "Content-Language: es" in msg.content.decode()  # type: ignore[attr-defined]
    (msg,) = respond(original(subject="PO 7", sender="x@unknown.com"), order(None))
    assert "Content-Language: en" in msg.content.decode()  # type: ignore[attr-defined]


def test_reply_subject() -> None:
    assert reply_subject("Pedido 7") == "Re: Pedido 7"
    assert reply_subject("Re: Pedido 7") == "Re: Pedido 7"
    assert reply_subject("AW: Bestellung") == "AW: Bestellung"
    assert reply_subject("") == "Re: (sin asunto)"
