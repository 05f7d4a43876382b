"""CONTRL written for a received interchange and read back with pydifact."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from pydifact.parser import Parser
from pydifact.segmentcollection import Interchange

from core.capture.domain.interchange import GroupReceipt, InterchangeReceipt, MessageReceipt, SyntaxFault
from outbound.edifact import Envelope, build_contrl

pytestmark = pytest.mark.filterwarnings("ignore::pydifact.exceptions.MissingImplementationWarning")

CODEC = {"UNOA": "ascii", "UNOB": "ascii", "UNOC": "latin-1", "UNOW": "utf-8"}
PARTNER, US = "5412345000013", "8412345000004"
AT = datetime(2025, 3, 4, 9, 5, tzinfo=timezone(timedelta(hours=1)))


def answer_envelope(syntax_version: str = "3") -> Envelope:
    """The answer goes from us (the receipt's recipient) back to the partner (its sender)."""
    return Envelope(
        sender_id=US,
        sender_qualifier="14",
        recipient_id=PARTNER,
        recipient_qualifier="14",
        control_ref="501",
        syntax_id="UNOC",
        syntax_version=syntax_version,
        prepared_at=AT,
    )


def orders(reference: str, *faults: SyntaxFault, group_ref: str | None = None) -> MessageReceipt:
    return MessageReceipt(
        reference=reference,
        type="ORDERS",
        version="D",
        release="96A",
        agency="UN",
        association="EAN008",
        segment_count=20,
        group_ref=group_ref,
        faults=faults,
    )


def receipt(
    *messages: MessageReceipt,
    faults: tuple[SyntaxFault, ...] = (),
    groups: tuple[GroupReceipt, ...] = (),
    syntax_version: str = "3",
) -> InterchangeReceipt:
    return InterchangeReceipt(
        sender_id=PARTNER,
        sender_qualifier="14",
        recipient_id=US,
        recipient_qualifier="14",
        control_ref="IC0099",
        syntax_id="UNOC",
        syntax_version=syntax_version,
        ack_requested=True,
        messages=messages,
        groups=groups,
        faults=faults,
    )


def read(data: bytes) -> tuple[Interchange, list[tuple[str, list[Any]]]]:
    text = data.decode(CODEC[data[13:17].decode("ascii")])
    raw = [(s.tag, list(s.elements)) for s in Parser().parse(text) if s.tag != "UNA"]
    return Interchange.from_str(text), raw


def body(raw: list[tuple[str, list[Any]]]) -> list[tuple[str, list[Any]]]:
    """The segments between UNH and UNT."""
    tags = [tag for tag, _ in raw]
    return raw[tags.index("UNH") + 1 : tags.index("UNT")]


def test_an_accepted_interchange_is_acknowledged_message_by_message() -> None:
    data = build_contrl(receipt(orders("1"), orders("2")), answer_envelope(), message_ref="C1")

    interchange, raw = read(data)
    assert interchange.sender == [US, "14"]
    assert interchange.recipient == [PARTNER, "14"]
    (message,) = list(interchange.get_messages())
    assert message.identifier == ["CONTRL", "D", "3", "UN"]
    assert body(raw) == [
        ("UCI", ["IC0099", [PARTNER, "14"], [US, "14"], "7"]),
        ("UCM", ["1", ["ORDERS", "D", "96A", "UN", "EAN008"], "7"]),
        ("UCM", ["2", ["ORDERS", "D", "96A", "UN", "EAN008"], "7"]),
    ]
    tags = [tag for tag, _ in raw]
    assert raw[tags.index("UNT")] == ("UNT", [str(tags.index("UNT") - tags.index("UNH") + 1), "C1"])
    assert raw[-1] == ("UNZ", ["1", "501"])


def test_message_faults_reject_that_message_with_segment_and_element_positions() -> None:
    bad = orders(
        "2",
        SyntaxFault(
            "12",
            "invalid value",
            segment_tag="QTY",
            segment_position=9,
            element_position=2,
            component_position=2,
        ),
        SyntaxFault("37", "invalid characters", segment_tag="QTY", segment_position=9, element_position=2),
        SyntaxFault("13", "missing segment", segment_tag="DTM", segment_position=3),
        SyntaxFault(
            "29", "control count does not match", segment_tag="UNT", segment_position=20, element_position=2
        ),
    )
    data = build_contrl(receipt(orders("1"), bad), answer_envelope(), message_ref="C2")

    _, raw = read(data)
    assert body(raw) == [
        ("UCI", ["IC0099", [PARTNER, "14"], [US, "14"], "7"]),  # the interchange itself is fine
        ("UCM", ["1", ["ORDERS", "D", "96A", "UN", "EAN008"], "7"]),
        ("UCM", ["2", ["ORDERS", "D", "96A", "UN", "EAN008"], "4", "29", "UNT", "2"]),
        ("UCS", ["3", "13"]),
        ("UCS", ["9"]),
        ("UCD", ["12", ["2", "2"]]),
        ("UCD", ["37", "2"]),
    ]


def test_an_envelope_fault_rejects_the_interchange_and_every_message() -> None:
    faults = (SyntaxFault("28", "references do not match", segment_tag="UNZ", element_position=3),)
    data = build_contrl(receipt(orders("1"), orders("2"), faults=faults), answer_envelope(), message_ref="C3")

    _, raw = read(data)
    assert body(raw) == [
        ("UCI", ["IC0099", [PARTNER, "14"], [US, "14"], "4", "28", "UNZ", "3"]),
        ("UCM", ["1", ["ORDERS", "D", "96A", "UN", "EAN008"], "4"]),
        ("UCM", ["2", ["ORDERS", "D", "96A", "UN", "EAN008"], "4"]),
    ]


def test_groups_get_a_ucf_each_with_their_messages_under_them() -> None:
    groups = (
        GroupReceipt("G1", "ORDERS", PARTNER, US),
        GroupReceipt("G2", "ORDERS", PARTNER, US, faults=(SyntaxFault("29", "count", segment_tag="UNE"),)),
    )
    messages = (orders("1", group_ref="G1"), orders("2", group_ref="G2"))
    data = build_contrl(receipt(*messages, groups=groups), answer_envelope(), message_ref="C4")

    _, raw = read(data)
    assert body(raw) == [
        ("UCI", ["IC0099", [PARTNER, "14"], [US, "14"], "7"]),
        ("UCF", ["G1", PARTNER, US, "7"]),
        ("UCM", ["1", ["ORDERS", "D", "96A", "UN", "EAN008"], "7"]),
        ("UCF", ["G2", PARTNER, US, "4", "29", "UNE"]),
        ("UCM", ["2", ["ORDERS", "D", "96A", "UN", "EAN008"], "4"]),
    ]


def test_syntax_4_uses_the_version_4_contrl() -> None:
    data = build_contrl(
        receipt(orders("1"), syntax_version="4"), answer_envelope("4"), message_ref="C5", association="EAN004"
    )

    interchange, raw = read(data)
    assert interchange.syntax_identifier == ("UNOC", 4)
    assert raw[0][1][3] == ["20250304", "0905"]
    (message,) = list(interchange.get_messages())
    assert message.identifier == ["CONTRL", "4", "1", "UN", "EAN004"]


def test_an_envelope_not_swapped_by_the_caller_is_refused() -> None:
    unswapped = Envelope(
        sender_id=PARTNER,
        sender_qualifier="14",
        recipient_id=US,
        recipient_qualifier="14",
        control_ref="501",
        syntax_id="UNOC",
        syntax_version="3",
        prepared_at=AT,
    )
    with pytest.raises(ValueError, match="receipt's recipient"):
        build_contrl(receipt(orders("1")), unswapped, message_ref="C6")


def test_references_with_service_characters_are_copied_exactly() -> None:
    odd = InterchangeReceipt(sender_id="ACME:ES", recipient_id="US+1", control_ref="A'B?C")
    envelope = Envelope("US+1", "", "ACME:ES", "", "9", "UNOA", "3", AT)
    data = build_contrl(odd, envelope, message_ref="C7")

    _, raw = read(data)
    assert body(raw) == [("UCI", ["A'B?C", "ACME:ES", "US+1", "7"])]
