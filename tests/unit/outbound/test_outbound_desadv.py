"""DESADV written for a shipment and read back, by pydifact and by our own EDIFACT reader."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pydifact.segmentcollection import Interchange

from core.fulfilment.domain.warehouse import Parcel, Shipment, ShipmentState
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState
from outbound.edifact import Envelope
from outbound.edifact.desadv import build_desadv
from parsers.edifact.parser import read_interchanges

pytestmark = pytest.mark.filterwarnings("ignore::pydifact.exceptions.MissingImplementationWarning")
NOW = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)
D = Decimal


def shipment_of_two_parcels() -> tuple[Order, Shipment]:
    order = Order(
        document_id=1,
        message_index=0,
        channel="edi",
        state=OrderState.SHIPPED,
        decision=Decision.ACCEPT,
        confidence=1.0,
        created_at=NOW,
        po_number="PO-2026-00123",
        order_date=date(2026, 11, 26),
        buyer_party_id="8437000100010",
        buyer_name="Ferretería Núñez S.L.",
        supplier_party_id="8437000999997",
        ship_to_party_id="8437000100027",
        ship_to_name="Ferretería Núñez - Almacén",
        id=5,
    )
    order.lines = [
        OrderLine(
            position=1, line_no="1", id=11, gtin="8437000100102", sku="TOR-M8-40", quantity=D(250), unit="PCE"
        ),
        OrderLine(
            position=2, line_no="2", id=12, buyer_item_code="4712", sku="TUE-M8", quantity=D(250), unit="PCE"
        ),
    ]
    parcels = [
        Parcel(1, D("7.5"), D(40), D(30), D(25), "M", sscc="084370000000000427",
               contents=[{"line_id": 11, "position": 1, "sku": "TOR-M8-40", "quantity": "250"}]),
        Parcel(2, D("1.45"), D(30), D(20), D(15), "S", sscc="084370000000000434",
               contents=[{"line_id": 12, "position": 2, "sku": "TUE-M8", "quantity": "250"}]),
    ]  # fmt: skip
    shipment = Shipment(
        order_id=5,
        warehouse="MAD",
        created_at=NOW,
        state=ShipmentState.SHIPPED,
        carrier="TRANSLOG",
        service="ESTANDAR",
        tracking_number="TR12345678903ES",
        promised_date=date(2026, 12, 1),
        shipped_at=NOW,
        parcels=parcels,
        id=9,
    )
    return order, shipment


def envelope() -> Envelope:
    return Envelope("8437000999997", "14", "8437000100010", "14", "77", "UNOC", "3", NOW)


def test_desadv_parses_back_with_pydifact_to_the_same_values() -> None:
    order, shipment = shipment_of_two_parcels()
    content = build_desadv(order, shipment, envelope(), message_ref="1", issued_at=NOW, number="77-N3")
    interchange = Interchange.from_str(content.decode("latin-1"))
    [message] = list(interchange.get_messages())
    segs = [(s.tag, s.elements) for s in message.segments]
    tags = [t for t, _ in segs]
    assert tags[:4] == ["UNH", "BGM", "DTM", "DTM"] or tags[:3] == ["BGM", "DTM", "DTM"]
    values = {t: e for t, e in segs}
    assert values["BGM"][:3] == ["351", "77-N3", "9"]
    assert ["ON", "PO-2026-00123"] in [e[0] for t, e in segs if t == "RFF"]
    assert [e[1] for t, e in segs if t == "GIN"] == ["084370000000000427", "084370000000000434"]
    assert [e[0] for t, e in segs if t == "QTY"] == [["12", "250", "PCE"], ["12", "250", "PCE"]]
    assert [e[2] for t, e in segs if t == "MEA"] == [["KGM", "7.5"], ["KGM", "1.45"]]
    assert [e[0] for t, e in segs if t == "CPS"] == ["1", "2", "3"]
    assert ["2", "2"] in [e[0] for t, e in segs if t == "CNT"]
    nads = {e[0]: e for t, e in segs if t == "NAD"}
    assert nads["BY"][1][0] == "8437000100010" and nads["DP"][3] == "Ferretería Núñez - Almacén"


def test_desadv_passes_our_own_reader_without_a_fault() -> None:
    order, shipment = shipment_of_two_parcels()
    content = build_desadv(order, shipment, envelope(), message_ref="1", issued_at=NOW, number="77-N3")
    result = read_interchanges(content)
    [receipt] = result.interchanges
    assert receipt.accepted and receipt.control_ref == "77"
    [message] = receipt.messages
    assert (message.type, message.version, message.release, message.association) == (
        "DESADV",
        "D",
        "96A",
        "EAN007",
    )
    assert result.orders == ()  # not an order: the reader notes it and takes nothing
