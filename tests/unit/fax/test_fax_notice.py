"""Lifecycle notices by fax are a real PDF page a fax server can send, in the customer's language."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal

import pdfplumber

from core.fulfilment.domain.notifications import CustomerNotice, NoticeKind, NoticeLine, Notification
from core.kernel.domain.model import Decision, Order, OrderState
from outbound.fax import page_count
from outbound.fax.notice import FaxNotifier

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)


def notice(language: str) -> CustomerNotice:
    order = Order(
        document_id=1,
        message_index=0,
        channel="fax",
        state=OrderState.BACKORDERED,
        decision=Decision.ACCEPT,
        confidence=1.0,
        created_at=NOW,
        po_number="OC-045056",
        id=7,
    )
    note = Notification(7, NoticeKind.BACKORDERED, "7:backordered", "fax", NOW, "+34981234567", language)
    line = NoticeLine(1, "1", "TUE-M8", "Tuerca hexagonal M8 zincada", Decimal(50), "UD", waiting=Decimal(20))
    return CustomerNotice(note, order, None, (line,), "7-backordered")


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_a_backorder_notice_by_fax_is_a_one_page_pdf_in_spanish() -> None:
    message = FaxNotifier().compose(notice("es"), NOW)
    assert message is not None
    assert message.channel == "fax" and message.recipient == "+34981234567"
    assert message.filename.endswith(".pdf") and message.content.startswith(b"%PDF")
    assert page_count(message.content) == 1  # what the fax job file states
    text = text_of(message.content)
    assert "OC-045056" in text and "pendiente de stock" in text and "Tuerca hexagonal M8 zincada" in text


def test_the_same_notice_renders_the_same_bytes_and_english_when_asked() -> None:
    assert (
        FaxNotifier().compose(notice("es"), NOW).content == FaxNotifier().compose(notice("es"), NOW).content
    )  # type: ignore[union-attr]
    english = FaxNotifier().compose(notice("en"), NOW)
    assert english is not None and "OC-045056" in text_of(english.content)
    assert "pendiente" not in text_of(english.content)
