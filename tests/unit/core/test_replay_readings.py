"""What a replay compares, from what the calibration page promises a supervisor:

- a reading is the order's deciding facts as text: dates in ISO form, quantities and prices without
  trailing zeros (12.000 and 12 are one quantity), nothing written as nothing;
- the first reading of a corrected order takes each edited field as it was before its first edit, in
  the order the edits were made; a line a clerk added was never read;
- differences come header first, then line by line in the line's own field order;
- touchless is the share of accepted among the orders decided; today's reader agrees with the clerk
  when it reads nothing else than the clerk left; a false accept is one it would let through reading
  otherwise.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder
from core.capture.domain.replay import (
    FieldChange,
    OrderReplay,
    ReplayReport,
    corrected_fields,
    differences,
    first_reading,
    order_reading,
    resolved_reading,
)
from core.capture.domain.resolution import ResolvedOrder
from core.capture.domain.review import AuditEvent
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState

D = Decimal
T = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_an_order_reads_as_its_deciding_facts_in_comparable_text() -> None:
    order = Order(
        1, 0, "email", OrderState.ACCEPTED, Decision.ACCEPT, 0.9, T,
        po_number=" 4500012 ", customer_id="C-1", order_date=date(2026, 11, 30), currency="",
        lines=[
            OrderLine(2, sku="ARA-M8", quantity=D("1.500"), unit_price=D("0.10")),
            OrderLine(1, sku="TOR-M8-40", quantity=D("12.000"), unit_price=D("2E+1")),
        ],
    )  # fmt: skip
    assert order_reading(order) == {
        "po_number": "4500012",
        "customer_id": "C-1",
        "order_date": "2026-11-30",
        "requested_delivery_date": None,
        "currency": None,
        "lines[0].sku": "TOR-M8-40",  # lines by their position
        "lines[0].quantity": "12",
        "lines[0].unit_price": "20",
        "lines[1].sku": "ARA-M8",
        "lines[1].quantity": "1.5",
        "lines[1].unit_price": "0.1",
    }


def test_a_numeric_looking_sku_is_read_as_written_and_a_quantity_typed_as_text_as_a_number() -> None:
    order = Order(
        1, 0, "email", OrderState.ACCEPTED, Decision.ACCEPT, 0.9, T,
        lines=[OrderLine(1, sku="00120", quantity="12.50", unit_price="1E+1")],  # type: ignore[arg-type]
    )  # fmt: skip
    reading = order_reading(order)
    assert (reading["lines[0].sku"], reading["lines[0].quantity"], reading["lines[0].unit_price"]) == (
        "00120",
        "12.5",
        "10",
    )


def test_a_new_reading_takes_the_skus_and_customer_resolution_found() -> None:
    lines = (CapturedLine(item_code="t-m8", quantity=D("10.0"), unit_price=D("0.180")), CapturedLine())
    captured = CapturedOrder(
        po_number="PO-7",
        order_date=date(2026, 12, 1),
        requested_delivery_date=date(2026, 12, 9),
        currency="EUR",
        lines=lines,
    )
    resolved = ResolvedOrder(captured, "C-9", ("TOR-M8-40", None), (), 0.8, Decision.REVIEW)
    assert resolved_reading(resolved) == {
        "po_number": "PO-7",
        "customer_id": "C-9",
        "order_date": "2026-12-01",
        "requested_delivery_date": "2026-12-09",
        "currency": "EUR",
        "lines[0].sku": "TOR-M8-40",
        "lines[0].quantity": "10",
        "lines[0].unit_price": "0.18",
        "lines[1].sku": None,
        "lines[1].quantity": None,
        "lines[1].unit_price": None,
    }


def test_the_first_reading_undoes_each_field_to_before_its_first_edit_in_time_order() -> None:
    now = {"po_number": "PO-9", "currency": "EUR", "lines[0].unit_price": "2", "lines[0].sku": "B"}
    audit = [
        # given out of order: the 10:00 edit came second
        AuditEvent(1, T.replace(hour=10), "edit", 1, "lines[0].unit_price", "1.90", "2"),
        AuditEvent(1, T, "edit", 1, "lines[0].unit_price", "1.800", "1.90"),
        AuditEvent(1, T, "edit", 1, "currency", None, "EUR"),
        AuditEvent(1, T, "edit", 1, "lines[0].sku", "A", "B"),
        AuditEvent(1, T, "approve", 1, "po_number", "PO-1", "PO-9"),  # not an edit
        AuditEvent(1, T, "edit", 1, "notes", "x", "y"),  # not a fact a reading holds
    ]
    assert first_reading(now, audit) == {
        "po_number": "PO-9",
        "currency": None,
        "lines[0].unit_price": "1.8",
        "lines[0].sku": "A",
    }


def test_edits_at_the_same_moment_go_by_their_order_in_the_trail() -> None:
    now = {"lines[0].quantity": "3"}
    audit = [
        AuditEvent(1, T, "edit", 1, "lines[0].quantity", "2", "3", id=8),
        AuditEvent(1, T, "edit", 1, "lines[0].quantity", "1.0", "2", id=7),
    ]
    assert first_reading(now, audit) == {"lines[0].quantity": "1"}


def test_a_line_a_clerk_added_is_left_out_whole_and_only_that_line() -> None:
    now = {"lines[1].sku": "X", "lines[1].quantity": "5", "lines[10].sku": "Y", "lines[2].sku": "Z"}
    audit = [AuditEvent(1, T, "edit", 1, "lines[1]", None, "added")]
    assert first_reading(now, audit) == {"lines[10].sku": "Y", "lines[2].sku": "Z"}


def test_the_fields_a_clerk_edited() -> None:
    audit = [
        AuditEvent(1, T, "edit", 1, "po_number", "a", "b"),
        AuditEvent(1, T, "edit", 1, "lines[1]", None, "added"),
        AuditEvent(1, T, "edit", 1, None, None, None),
        AuditEvent(1, T, "lock", 1, "customer_id"),
    ]
    assert corrected_fields(audit) == {"po_number", "lines[1]"}


def test_differences_come_header_first_then_lines_in_order() -> None:
    before = {
        "currency": "EUR",
        "po_number": "A",
        "lines[10].sku": "X",
        "lines[2].unit_price": "1",
        "lines[2].sku": "S",
    }
    after = {
        "currency": "USD",
        "po_number": "A",
        "lines[2].sku": "T",
        "lines[2].unit_price": "2",
        "customer_id": "C",
    }
    assert differences(before, after) == [
        FieldChange("customer_id", None, "C"),
        FieldChange("currency", "EUR", "USD"),
        FieldChange("lines[2].sku", "S", "T"),
        FieldChange("lines[2].unit_price", "1", "2"),
        FieldChange("lines[10].sku", "X", None),
    ]
    assert differences(before, before) == []


def _replay(
    before: str | None, after: str | None, corrected: bool = False, disagree: bool = False
) -> OrderReplay:
    disagreements = (FieldChange("po_number", "A", "B"),) if disagree else ()
    return OrderReplay(
        1, "email", "x.eml", 1, before, after, corrected=corrected, disagreements=disagreements
    )


def test_agreement_with_the_clerk_is_asked_only_of_corrected_orders() -> None:
    assert _replay("accept", "accept").agrees_with_clerk is None
    assert _replay("review", "accept", corrected=True).agrees_with_clerk is True
    assert _replay("review", "accept", corrected=True, disagree=True).agrees_with_clerk is False


def test_a_false_accept_is_an_accept_reading_otherwise_than_the_clerk() -> None:
    assert _replay("review", "accept", corrected=True, disagree=True).false_accept_after
    assert not _replay("review", "accept", corrected=True).false_accept_after
    assert not _replay("review", "review", corrected=True, disagree=True).false_accept_after
    assert not _replay("review", "accept", disagree=True).false_accept_after


def test_the_summary_counts_what_the_replay_found() -> None:
    report = ReplayReport(
        orders=[
            _replay("accept", "accept"),
            _replay("review", "accept", corrected=True, disagree=True),
            _replay("review", "accept", corrected=True),
            _replay(None, "review"),  # found only now
            _replay("reject", None),  # no longer found
        ],
        documents=6,
        unreadable=[(9, "no pages")],
    )
    report.orders[0] = OrderReplay(
        1, "email", None, 1, "accept", "accept", changes=(FieldChange("x", "1", "2"),)
    )
    assert report.summary() == {
        "documents": 6,
        "orders": 5,
        "unreadable_now": 1,
        "touchless_before": 1 / 4,  # of accept, review, review, reject
        "touchless_after": 3 / 4,  # of accept, accept, accept, review
        "decisions_changed": 4,
        "orders_with_fields_changed": 1,
        "corrected_by_clerk": 2,
        "now_agree_with_clerk": 1,
        "false_accepts_after": 1,
    }
    assert ReplayReport().touchless_before is None
