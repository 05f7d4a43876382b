"""Every public ORDERS sample reads to exactly the key facts recorded in expected.json."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from core.capture.domain.order import CapturedOrder
from tests.conftest import SHARED_ABSENT, SHARED_EDIFACT, require_shared
from tests.unit.parsers.edifact_support import read

SAMPLES = SHARED_EDIFACT
FACTS = SAMPLES / "expected.json"
EXPECTED: dict[str, Any] = (
    json.loads(FACTS.read_text(encoding="utf-8")) if FACTS.is_file() else {SHARED_ABSENT: None}
)


@pytest.fixture(autouse=True)
def shared() -> None:
    require_shared()


def _facts(order: CapturedOrder) -> dict[str, Any]:
    return {
        "po_number": order.po_number,
        "buyer_id": order.buyer.party_id,
        "supplier_id": order.supplier.party_id,
        "delivery_party_id": order.ship_to.party_id,
        "order_date": order.order_date.isoformat() if order.order_date else None,
        "requested_delivery": (
            order.requested_delivery_date.isoformat() if order.requested_delivery_date else None
        ),
        "currency": order.currency,
    }


def _number(value: float | int | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_reads_to_the_expected_facts(name: str) -> None:
    expected = EXPECTED[name]
    result = read((SAMPLES / name).read_bytes())

    assert result.format == "edifact"
    assert sum(len(i.messages) for i in result.interchanges) == expected["messages"]
    assert len(result.orders) == len(expected["orders"])
    for order, want in zip(result.orders, expected["orders"], strict=True):
        assert _facts(order) == {k: v for k, v in want.items() if k != "lines"}
        assert len(order.lines) == len(want["lines"])
        for line, want_line in zip(order.lines, want["lines"], strict=True):
            assert line.line_no == want_line["line_no"]
            assert line.item_code == want_line["item_id"]
            assert line.buyer_item_code == want_line["buyer_item_id"]
            assert line.supplier_item_code == want_line["supplier_item_id"]
            assert line.quantity == _number(want_line["quantity"])
            assert line.unit == want_line["unit"]
            assert line.unit_price == _number(want_line["unit_price"])


def test_every_expected_sample_exists() -> None:
    missing = [name for name in EXPECTED if not (SAMPLES / name).is_file()]
    assert missing == []


def test_truncated_sample_keeps_its_order_and_reports_the_missing_unz() -> None:
    result = read((SAMPLES / "pydifact__order.edi").read_bytes())
    (receipt,) = result.interchanges
    assert [f.code for f in receipt.faults] == ["13"]
    assert receipt.faults[0].segment_tag == "UNZ"
    assert receipt.messages[0].accepted
    assert [p.code.value for p in result.orders[0].problems] == ["missing_unz"]


@pytest.mark.parametrize("name", ["edifabric__DespatchAdvice.txt", "edifabric__Invoice.txt"])
def test_broken_unz_count_in_samples_is_reported(name: str) -> None:
    result = read((SAMPLES / name).read_bytes())
    (receipt,) = result.interchanges
    assert [(f.code, f.segment_tag, f.element_position) for f in receipt.faults] == [("29", "UNZ", 2)]
    assert result.orders == ()
    assert "unsupported_message" in [p.code.value for p in result.problems]


def test_contrl_sample_is_recorded_without_complaint_about_its_type() -> None:
    result = read((SAMPLES / "edifabric__CONTRL.txt").read_bytes())
    assert result.extra["message_types"] == ["CONTRL"]
    assert [m.type for m in result.interchanges[0].messages] == ["CONTRL", "CONTRL"]
    assert "unsupported_message" not in [p.code.value for p in result.problems]
    # its UNB S001 has no syntax version: missing component 2 of element 2 (tag = 1)
    fault = result.interchanges[0].faults[0]
    assert (fault.code, fault.segment_tag, fault.element_position, fault.component_position) == (
        "13",
        "UNB",
        2,
        2,
    )
