"""ORDRSP written for an order and read back with pydifact to the same values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from pydifact.parser import Parser
from pydifact.segmentcollection import Interchange

from core.kernel.domain.model import Decision, Order, OrderLine, OrderState
from outbound.edifact import Envelope, OrderResponse, build_ordrsp

pytestmark = pytest.mark.filterwarnings("ignore::pydifact.exceptions.MissingImplementationWarning")

CODEC = {"UNOA": "ascii", "UNOB": "ascii", "UNOC": "latin-1", "UNOW": "utf-8"}
MADRID = timezone(timedelta(hours=1))
ISSUED = datetime(2025, 3, 4, 9, 5, tzinfo=MADRID)
BUYER_GLN = "5412345000013"  # valid GS1 check digit


def envelope(syntax_id: str = "UNOC") -> Envelope:
    return Envelope(
        sender_id="8412345000004",
        sender_qualifier="14",
        recipient_id=BUYER_GLN,
        recipient_qualifier="14",
        control_ref="42",
        syntax_id=syntax_id,
        syntax_version="3",
        prepared_at=ISSUED,
    )


def order(**changes: object) -> Order:
    values: dict[str, object] = {
        "document_id": 7,
        "message_index": 0,
        "channel": "edi",
        "state": OrderState.ACCEPTED,
        "decision": Decision.ACCEPT,
        "confidence": 1.0,
        "created_at": ISSUED,
        "po_number": "PO+2025:17'B?",
        "order_date": date(2025, 3, 1),
        "requested_delivery_date": date(2025, 3, 10),
        "currency": "EUR",
        "buyer_party_id": BUYER_GLN,
        "buyer_name": "Ferretería Núñez",
        "supplier_party_id": "PROV-77",
        "supplier_name": "Comanda Suministros, S.L.",
        "ship_to_party_id": "8412345000103",  # 13 digits, wrong check digit: not a GLN
        "ship_to_name": "Almacén Peñíscola",
        "ship_to_street": "Calle Mayor 1",
        "ship_to_city": "Málaga",
        "ship_to_postal_code": "29001",
        "ship_to_country": "es",
        "lines": [
            OrderLine(
                position=2,
                line_no="20",
                gtin="8412345678905",
                sku="TOR-6",
                buyer_item_code="B-100",
                description="Tornillo cabeza allen 6 mm acero inoxidable, caja de 100 unidades",
                quantity=Decimal("1250.5"),
                unit="kgm",
                unit_price=Decimal("0.18"),
            ),
            OrderLine(position=1, line_no="10", sku="ARAND-8", quantity=Decimal("12"), unit="unidades"),
        ],
    }
    values.update(changes)
    return Order(**values)  # type: ignore[arg-type]


def read(data: bytes) -> tuple[str, Interchange, list[tuple[str, list[Any]]]]:
    syntax_id = data[13:17].decode("ascii")
    text = data.decode(CODEC[syntax_id])
    raw = [(s.tag, list(s.elements)) for s in Parser().parse(text) if s.tag != "UNA"]
    return syntax_id, Interchange.from_str(text), raw


def of(raw: list[tuple[str, list[Any]]], tag: str) -> list[list[Any]]:
    return [elements for t, elements in raw if t == tag]


def test_an_accepted_order_reads_back_to_the_same_values() -> None:
    data = build_ordrsp(order(), envelope(), message_ref="1", issued_at=ISSUED)

    syntax_id, interchange, raw = read(data)
    assert syntax_id == "UNOC"  # every accent here is in Latin-1
    (message,) = list(interchange.get_messages())
    assert message.identifier == ["ORDRSP", "D", "96A", "UN", "EAN005"]
    assert of(raw, "BGM") == [["231", "42-1", "29"]]
    assert of(raw, "DTM") == [
        [["137", "20250304", "102"]],
        [["2", "20250310", "102"]],
        [["171", "20250301", "102"]],
    ]
    assert of(raw, "RFF")[0] == [["ON", "PO+2025:17'B?"]]
    assert of(raw, "NAD") == [
        ["BY", [BUYER_GLN, "", "9"], "", "Ferretería Núñez"],
        ["SU", "PROV-77", "", "Comanda Suministros, S.L."],
        ["DP", "8412345000103", "", "Almacén Peñíscola", "Calle Mayor 1", "Málaga", "", "29001", "ES"],
    ]
    assert of(raw, "CUX") == [[["2", "EUR", "9"]]]


def test_one_lin_group_per_line_in_position_order_with_codes_quantities_and_prices() -> None:
    data = build_ordrsp(order(), envelope(), message_ref="1", issued_at=ISSUED)

    _, _, raw = read(data)
    lin_at = [i for i, (tag, _) in enumerate(raw) if tag == "LIN"]
    uns_at = next(i for i, (tag, _) in enumerate(raw) if tag == "UNS")
    first = raw[lin_at[0] : lin_at[1]]
    second = raw[lin_at[1] : uns_at]

    assert first == [
        ("LIN", ["1", "5"]),
        ("PIA", ["5", ["ARAND-8", "SA", "", "91"]]),
        ("QTY", [["21", "12"]]),  # "unidades" is no unit code, so it is left out
        ("RFF", [["LI", "10"]]),
    ]
    assert second[0] == ("LIN", ["2", "5", ["8412345678905", "EN"]])
    assert second[1] == ("PIA", ["5", ["TOR-6", "SA", "", "91"], ["B-100", "IN", "", "92"]])
    descriptions = [e[2][3:] for t, e in second if t == "IMD"]
    assert "".join(part for pair in descriptions for part in pair) == (
        "Tornillo cabeza allen 6 mm acero inoxidable, caja de 100 unidades"
    )
    quantity = next(e for t, e in second if t == "QTY")
    price = next(e for t, e in second if t == "PRI")
    assert quantity == [["21", "1250.5", "KGM"]]
    assert price == [["AAA", "0.18"]]
    assert Decimal(str(quantity[0][1])) == Decimal("1250.5")
    assert Decimal(str(price[0][1])) == Decimal("0.18")
    assert raw[uns_at] == ("UNS", ["S"])
    assert raw[uns_at + 1] == ("CNT", [["2", "2"]])


def test_unt_counts_every_segment_and_unz_closes_with_count_and_reference() -> None:
    data = build_ordrsp(order(), envelope(), message_ref="ORSP7", issued_at=ISSUED)

    _, _, raw = read(data)
    tags = [tag for tag, _ in raw]
    unh, unt = tags.index("UNH"), tags.index("UNT")
    assert raw[unt] == ("UNT", [str(unt - unh + 1), "ORSP7"])
    assert raw[-1] == ("UNZ", ["1", "42"])
    assert raw[0][1][4] == "42"  # UNB 0020


def test_a_euro_sign_in_the_note_upgrades_unoc_to_unow_and_survives() -> None:
    note = "Precio neto en € por kilo; entrega en Peñíscola"
    data = build_ordrsp(order(), envelope(), message_ref="1", issued_at=ISSUED, note=note)

    syntax_id, _, raw = read(data)
    assert syntax_id == "UNOW"
    (ftx,) = of(raw, "FTX")
    assert ftx[:3] == ["AAI", "", ""]
    assert ftx[3] == note
    assert of(raw, "NAD")[0][3] == "Ferretería Núñez"


def test_a_long_note_is_split_without_losing_a_character() -> None:
    note = "Ñ" + "x" * 400 + "€"
    data = build_ordrsp(order(), envelope(), message_ref="1", issued_at=ISSUED, note=note)

    _, _, raw = read(data)
    pieces: list[str] = []
    for ftx in of(raw, "FTX"):
        text = ftx[3]
        pieces.extend([text] if isinstance(text, str) else text)
    assert all(len(p) <= 70 for p in pieces)
    assert "".join(pieces) == note


def test_service_characters_in_names_are_released_and_read_back() -> None:
    name = "Hierros + Aceros: O'Neill ¿S.A.?"
    data = build_ordrsp(order(buyer_name=name), envelope(), message_ref="1", issued_at=ISSUED)

    assert "Hierros ?+ Aceros?: O?'Neill ¿S.A.??".encode("latin-1") in data
    _, _, raw = read(data)
    assert of(raw, "NAD")[0][3] == name


def test_a_long_party_name_is_spread_over_the_name_components() -> None:
    name = "Distribuciones Ferreteras del Levante Español, Sociedad Limitada Unipersonal"
    data = build_ordrsp(order(buyer_name=name), envelope(), message_ref="1", issued_at=ISSUED)

    _, _, raw = read(data)
    parts = of(raw, "NAD")[0][3]
    assert isinstance(parts, list)
    assert all(len(p) <= 35 for p in parts)
    assert "".join(parts) == name


def test_a_rejected_order_says_27_and_rejects_every_line() -> None:
    data = build_ordrsp(order(), envelope(), message_ref="1", response="rejected", issued_at=ISSUED)

    _, _, raw = read(data)
    assert of(raw, "BGM") == [["231", "42-1", "27"]]
    assert [lin[1] for lin in of(raw, "LIN")] == ["7", "7"]


def test_a_changed_order_says_4_and_marks_the_changed_line() -> None:
    data = build_ordrsp(
        order(),
        envelope(),
        message_ref="3",
        response=OrderResponse.CHANGED,
        issued_at=ISSUED,
        response_number="RESP-9",
        line_responses={2: "changed"},
    )

    _, _, raw = read(data)
    assert of(raw, "BGM") == [["231", "RESP-9", "4"]]
    assert [lin[1] for lin in of(raw, "LIN")] == ["5", "3"]


def test_what_is_unknown_is_left_out() -> None:
    bare = order(
        po_number=None,
        order_date=None,
        requested_delivery_date=None,
        currency=None,
        supplier_party_id=None,
        supplier_name=None,
        ship_to_party_id=None,
        ship_to_name=None,
        ship_to_street=None,
        ship_to_city=None,
        ship_to_postal_code=None,
        ship_to_country=None,
        lines=[OrderLine(position=1, quantity=Decimal("3"))],
    )
    data = build_ordrsp(bare, envelope(), message_ref="1", issued_at=ISSUED)

    _, _, raw = read(data)
    tags = [tag for tag, _ in raw]
    assert tags == ["UNB", "UNH", "BGM", "DTM", "NAD", "LIN", "QTY", "UNS", "CNT", "UNT", "UNZ"]
    assert of(raw, "LIN") == [["1", "5"]]
    assert of(raw, "UNT") == [["9", "1"]]


def test_line_delivery_dates_are_written_per_line() -> None:
    lines = [OrderLine(position=1, quantity=Decimal("1"), requested_delivery_date=date(2025, 4, 2))]
    data = build_ordrsp(order(lines=lines), envelope(), message_ref="1", issued_at=ISSUED)

    _, _, raw = read(data)
    lin_at = [tag for tag, _ in raw].index("LIN")
    assert raw[lin_at + 2] == ("DTM", [["2", "20250402", "102"]])


def test_an_unknown_response_or_a_naive_issue_time_is_refused() -> None:
    with pytest.raises(ValueError, match="maybe"):
        build_ordrsp(order(), envelope(), message_ref="1", response="maybe", issued_at=ISSUED)
    with pytest.raises(ValueError, match="timezone-aware"):
        build_ordrsp(order(), envelope(), message_ref="1", issued_at=datetime(2025, 3, 4, 9, 5))
