"""The e-mail reader's headers: each header's class built once by its name, every value read as the
standard policy reads it."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.headerregistry import UnstructuredHeader

from parsers.email.mime import BOUNDED, parse_message

RAW = (
    "From: =?utf-8?b?Sm9zw6kgSWLDocOxZXo=?= <Jose.Ibanez@FerreteriaNunez.es>\r\n"
    "To: Pedidos <pedidos@comanda.example>, compras@comanda.example\r\n"
    'Reply-To: "Compras, Núñez" <compras@ferreterianunez.es>\r\n'
    "Subject: =?iso-8859-1?q?Pedido_urgente_n=BA?= 4711\r\n"
    "  (segunda   parte)\r\n"
    "Date: Thu, 26 Nov 2026 10:00:00 +0100\r\n"
    "Message-ID: <a1.b2@ferreterianunez.es>\r\n"
    "References: <r1@x.es> <r2@x.es>\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "10 x TOR-M8-40\r\n"
).encode()


def test_a_header_class_is_built_once_for_every_value_of_its_name() -> None:
    # the standard registry builds a new class each time (main: two classes for one name)
    first = BOUNDED.header_factory("Subject", "Pedido 1")
    second = BOUNDED.header_factory("subject", "Pedido 2")
    dated = BOUNDED.header_factory("Date", "Thu, 26 Nov 2026 10:00:00 +0100")
    assert type(first) is type(second)
    assert type(dated) is not type(first) and type(dated) is type(BOUNDED.header_factory("DATE", str(dated)))
    assert (str(first), str(second)) == ("Pedido 1", "Pedido 2")


def test_every_header_reads_as_the_standard_policy_reads_it() -> None:
    ours = email.message_from_bytes(RAW, policy=BOUNDED)
    theirs = email.message_from_bytes(RAW, policy=policy.default)
    for name in ("From", "To", "Reply-To", "Subject", "Date", "Message-ID", "References", "Content-Type"):
        assert str(ours[name]) == str(theirs[name]), name
        assert type(ours[name]).__mro__[1:] == type(theirs[name]).__mro__[1:], name
    assert ours["Date"].datetime == datetime(2026, 11, 26, 9, tzinfo=UTC)
    assert ours["Date"].datetime.utcoffset() == timedelta(hours=1)
    assert ours["Content-Type"].params == {"charset": "utf-8"}
    to = [a.addr_spec for a in ours["To"].addresses]
    assert to == ["pedidos@comanda.example", "compras@comanda.example"]


def test_the_mail_read_is_the_same_whatever_was_parsed_before() -> None:
    first, again = parse_message(RAW), parse_message(RAW.replace(b"4711", b"4712"))
    assert (first.from_name, first.from_addr) == ("José Ibáñez", "jose.ibanez@ferreterianunez.es")
    assert first.reply_to == "compras@ferreterianunez.es"
    assert first.subject == "Pedido urgente nº 4711 (segunda parte)"
    assert again.subject == "Pedido urgente nº 4712 (segunda parte)"
    assert first.date == datetime(2026, 11, 26, 10, tzinfo=timezone(timedelta(hours=1)))
    assert first.references == ("<r1@x.es>", "<r2@x.es>")
    assert first.original is not None and first.original.from_addr == "Jose.Ibanez@FerreteriaNunez.es"
    assert first.texts == ["10 x TOR-M8-40\r\n"]


def test_a_class_registered_later_replaces_the_one_built() -> None:
    from parsers.email.mime import _HeaderClasses

    class Shouted(UnstructuredHeader):
        @classmethod
        def parse(cls, value: str, kwds: dict[str, object]) -> None:
            super().parse(value.upper(), kwds)

    factory = _HeaderClasses()
    assert str(factory("X-Priority-Note", "soon")) == "soon"
    factory.map_to_type("x-priority-note", Shouted)
    assert str(factory("X-Priority-Note", "soon")) == "SOON"
