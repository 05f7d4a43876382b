"""The envelope of an arrived e-mail, and the settings that point at mail servers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.capture.domain.documents import Channel
from core.kernel.errors import ConfigError
from ingest.imap import ImapAccount
from ingest.mail import mail_envelope
from outbound.email import Smarthost

RAW = (
    b"Return-Path: <bounces+1@mail.ferreterianunez.es>\r\nFrom: Ana <pedidos@ferreterianunez.es>\r\n"
    b"Subject: =?utf-8?q?Pedido_=C3=B1?=\r\nMessage-ID: <abc@ferreterianunez.es>\r\n\r\n10 x TOR-M8-40\r\n"
)
NOW = datetime(2026, 11, 26, tzinfo=UTC)


def test_envelope_keeps_the_bytes_and_takes_message_id_and_return_path() -> None:
    doc = mail_envelope(RAW, NOW)
    assert doc.channel is Channel.EMAIL and doc.content == RAW and doc.media_type == "message/rfc822"
    assert doc.external_id == "<abc@ferreterianunez.es>"
    assert doc.sender == "bounces+1@mail.ferreterianunez.es"
    assert doc.original_name == "message.eml"


def test_the_smtp_envelope_sender_wins_and_from_stands_in_without_one() -> None:
    assert mail_envelope(RAW, NOW, envelope_sender="x@y.es").sender == "x@y.es"
    assert mail_envelope(RAW, NOW, envelope_sender="").sender == ""  # a bounce: the null sender
    no_path = RAW.split(b"\r\n", 1)[1]
    assert mail_envelope(no_path, NOW).sender == "pedidos@ferreterianunez.es"
    assert mail_envelope(b"garbage without headers", NOW).external_id is None


def test_smarthost_and_imap_urls() -> None:
    assert Smarthost.parse("mail.example:2525") == Smarthost("mail.example", 2525)
    assert Smarthost.parse("smtp+starttls://u%40x:p%C3%B1@mail.example") == Smarthost(
        "mail.example", 587, "starttls", "u@x", "pñ"
    )
    assert Smarthost.parse("smtps://mail.example").port == 465
    with pytest.raises(ConfigError):
        Smarthost.parse("ftp://mail.example")
    account = ImapAccount.parse("imaps://orders%40x.es:s3cret@imap.example/Pedidos/Nuevos")
    assert (account.host, account.port, account.username, account.folder, account.security) == (
        "imap.example",
        993,
        "orders@x.es",
        "Pedidos/Nuevos",
        "tls",
    )
    with pytest.raises(ConfigError):
        ImapAccount.parse("imaps://imap.example/INBOX")  # no user
