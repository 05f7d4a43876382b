"""Composing an outgoing e-mail: the policy's header classes are made once, and the message is the one
the standard SMTP policy composes, byte for byte (the MIME boundary is random: both are drawn alike)."""

from __future__ import annotations

import importlib
import random
from datetime import UTC, datetime
from email import policy
from email.generator import BytesGenerator
from email.headerregistry import BaseHeader
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


def test_a_header_is_parsed_once_for_its_name_and_text() -> None:
    """A reply's From, its parts' Content-Type and a customer's To are the same text every time."""
    factory = composing.SMTP.header_factory
    sender = "Pedidos Comanda <pedidos@comanda.example>"
    assert factory("From", sender) is factory("From", sender)
    assert factory("From", sender) is not factory("To", sender)
    assert (
        composing.DEFAULT.header_factory("From", "Ana Núñez <a@x.es>").addresses[0].display_name
        == "Ana Núñez"
    )


def test_a_message_made_of_headers_parsed_before_is_the_standard_policys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every header of the second message was parsed for the first: the bytes are still the standard's,
    and the first message's are unchanged by the second's folding."""
    random.seed(3)
    first = composing.compose(**REPLY)
    random.seed(3)
    again = composing.compose(**REPLY)
    monkeypatch.setattr(composing, "SMTP", policy.SMTP)
    random.seed(3)
    assert composing.compose(**REPLY) == again == first


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


def _drawn_boundary(seed: int) -> str:
    """The boundary the standard generator draws first after `random.seed(seed)`."""
    random.seed(seed)
    return BytesGenerator._make_boundary()  # type: ignore[attr-defined]


def test_a_boundary_is_checked_without_compiling_a_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard generator compiles `^--<boundary>(--)?$` for each boundary it draws (a new
    pattern every time); a boundary that is nowhere in the text needs no pattern."""
    compiled: list[object] = []
    standard = BytesGenerator._compile_re  # type: ignore[attr-defined]

    def counted(s: str, flags: int) -> object:
        compiled.append(s)
        return standard(s, flags)

    monkeypatch.setattr(BytesGenerator, "_compile_re", classmethod(lambda cls, s, f: counted(s, f)))
    random.seed(7)
    ours = composing.compose(**REPLY)
    assert compiled == []
    assert f'boundary="{_drawn_boundary(7)}"'.encode() in ours


def test_a_boundary_found_in_the_text_is_drawn_again_as_the_standard_policy_draws_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part's line that happens to be the drawn boundary: the standard generator decides, as before.
    (ASCII text, sent as it is: accented text is quoted-printable, where no line can be a boundary.
    With CRLF line ends its pattern's `$` never matches before the `\\r`, so it keeps the boundary.)"""
    boundary = _drawn_boundary(11)
    reply = REPLY | {"text": f"Pedido PO-2026-00123\n--{boundary}\nUn saludo\n"}
    random.seed(11)
    ours = composing.compose(**reply)
    monkeypatch.setattr(composing, "_Generator", BytesGenerator)
    random.seed(11)
    assert composing.compose(**reply) == ours
    assert f"\r\n--{boundary}\r\nUn saludo".encode() in ours


def test_a_recurring_header_is_folded_once_and_the_next_message_is_still_the_standard_policys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Our From, the customer's To and the text part's Content-Type are the same header objects in
    message after message: the second reply folds none of them again, and is still byte for byte
    what the standard SMTP policy composes."""
    folded: list[str] = []
    standard_fold = BaseHeader.fold

    def counted(self: BaseHeader, *, policy: Any) -> str:
        folded.append(self.name.lower())
        return standard_fold(self, policy=policy)

    monkeypatch.setattr(BaseHeader, "fold", counted)
    # a From and a To no other test parsed: folded for the first message
    reply = {**REPLY, "sender": "Pedidos <plegado@comanda.example>", "to": "plegado@ferreteria-nunez.es"}
    random.seed(11)
    first = composing.compose(**reply)
    assert {"from", "to", "subject"} <= set(folded)
    folded.clear()
    random.seed(11)
    again = composing.compose(**reply)
    assert "from" not in folded and "to" not in folded
    # the Subject, Date and Message-ID are parsed anew for every message: folded every time
    assert {"subject", "date", "message-id"} <= set(folded)
    monkeypatch.setattr(composing, "SMTP", policy.SMTP)
    random.seed(11)
    assert composing.compose(**reply) == again == first


def test_a_header_folded_under_other_settings_is_folded_again_for_them() -> None:
    """One header object, two policies with different line lengths: each gets the standard fold for
    its own settings, whichever came first; a clone with the same settings gets the same text."""
    factory = composing.SMTP.header_factory
    to = ", ".join(f"Comprador número {n} <compras{n}@ferreteria-nunez.es>" for n in range(4))
    header = factory("To", to)
    narrow = composing.SMTP.clone(max_line_length=40)
    for pol in (composing.SMTP, narrow, composing.SMTP, narrow, composing.SMTP.clone()):
        standard = policy.SMTP.clone(max_line_length=pol.max_line_length)
        assert header.fold(policy=pol) == policy.SMTP.header_factory("To", to).fold(policy=standard)
    assert header.fold(policy=narrow) != header.fold(policy=composing.SMTP)
