"""An e-mail body's lines are each read once, whether a closing before the list made the reader look
ahead or not; the order read, the lines, quantities and what is not understood stay the same."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parsers.email import body
from parsers.email.lines import BodyLine
from parsers.email.mime import Mail
from parsers.layout import identifiers

TODAY = date(2026, 11, 26)
TEXT = (
    "Hola Ana,\n"
    "\n"
    "Gracias, necesitamos:\n"  # a closing that is no signature: order lines follow it
    "10 x TOR-M8-40\n"
    "Ref. 4711: 20 uds\n"
    "10 x TOR-M8-40\n"  # the same text twice is two lines
    "4 x ???\n"
    "\n"
    "Saludos,\n"
    "Ana Núñez\n"
    "Tel. +34 912 345 678\n"
)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = body.read_line

    def counted(row: str) -> BodyLine | None:
        seen.append(row)
        return real(row)

    monkeypatch.setattr(body, "read_line", counted)
    return seen


def test_each_line_of_the_body_is_read_once(reads: list[str]) -> None:
    order, _ = body.read_body(Mail(subject="Pedido PO-2026-0042"), TEXT, TODAY)
    assert order is not None
    # main: the lines after "Gracias," were read to look ahead, then again as rows
    assert len(reads) == len(set(reads))
    assert "Ana Núñez" in reads  # looked at after "Saludos,": the signature's first line, no item
    found = [(line.item_code, line.quantity) for line in order.lines]
    assert found == [("TOR-M8-40", Decimal(10)), ("4711", Decimal(20)), ("TOR-M8-40", Decimal(10))]
    assert [p.message for p in order.problems] == [
        "a line that looks like an order line was not understood: '4 x ???'"
    ]
    assert order.po_number == "PO-2026-0042"
    assert [(i.kind.value, i.value) for i in order.identifiers] == [("phone", "+34912345678")]


def test_a_line_without_an_at_sign_holds_no_address_and_one_with_it_does() -> None:
    assert identifiers.in_text("Pedido 4711 de 20 uds") == []
    (found,) = identifiers.in_text("compras: Ana.Nunez@FerreteriaNunez.es, 2 ofertas")
    assert (found.kind.value, found.value) == ("email", "ana.nunez@ferreterianunez.es")
    (phone,) = identifiers.in_text("Tel. +34 912 345 678")
    assert phone.kind.value == "phone"
