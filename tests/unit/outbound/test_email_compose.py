"""Composing an outgoing e-mail: the policy's header classes are made once, and the message is the one
the standard SMTP policy composes, byte for byte (the MIME boundary is random: both are drawn alike)."""

from __future__ import annotations

import importlib
import random
from datetime import UTC, datetime
from email import policy
from typing import Any

import pytest

# the module, not the function `outbound.email` exports under the same name
composing = importlib.import_module("outbound.email.compose")

NOW = datetime(2026, 11, 26, 10, tzinfo=UTC)
REPLY: dict[str, Any] = {
    "sender": "Pedidos Comanda <pedidos@comanda.example>",
    "to": "compras@ferreteria-nunez.es",
    "subject": "Re: Pedido PO-2026-00123 — entrega urgente, señora Núñez",
    "text": "Buenos días:\n\nHemos recibido y aceptado su pedido PO-2026-00123.\n",
    "message_id": "<comanda.0123456789abcdef01234567@comanda.example>",
    "now": NOW,
    "in_reply_to": "<19162df6567c755f.9@ferreteria-nunez.es>",
    "references": ["<a1@ferreteria-nunez.es>"],
    "attachments": [("confirmación-pedido-77.pdf", "application/pdf", bytes(range(256)) * 12)],
    "language": "es",
}


def test_each_header_class_is_made_once() -> None:
    """The standard registry makes a new class every time a header is set, counted or folded."""
    factory = composing.SMTP.header_factory
    assert factory["Message-ID"] is factory["message-id"]
    assert factory["X-Unknown"] is factory["x-unknown"]


def test_the_message_is_the_standard_policys(monkeypatch: pytest.MonkeyPatch) -> None:
    random.seed(7)
    ours = composing.compose(**REPLY)
    monkeypatch.setattr(composing, "SMTP", policy.SMTP)
    random.seed(7)
    assert composing.compose(**REPLY) == ours
    assert b"Subject: Re: Pedido PO-2026-00123 =?utf-8?q?=E2=80=94" in ours  # still folded as before


def test_an_original_is_read_as_the_standard_policy_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert composing.DEFAULT.header_factory["From"] is composing.DEFAULT.header_factory["from"]
    raw = composing.compose(**REPLY)
    ours = composing.read_original(raw)
    monkeypatch.setattr(composing, "DEFAULT", policy.default)
    assert composing.read_original(raw) == ours
    assert ours.subject == REPLY["subject"] and ours.references == (
        "<a1@ferreteria-nunez.es>",
        REPLY["in_reply_to"],
    )
