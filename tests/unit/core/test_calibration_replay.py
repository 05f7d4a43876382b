"""Calibration and replay comparisons, from the rules written out in their module docstrings."""

from __future__ import annotations

from datetime import UTC, datetime

from core.capture.domain.calibration import Outcome, calibrate, misread
from core.capture.domain.replay import differences, first_reading
from core.capture.domain.review import AuditEvent

T = datetime(2026, 12, 1, tzinfo=UTC)


def test_a_misread_is_a_corrected_fact_not_a_chosen_customer_or_sku() -> None:
    assert misread(["lines[2].quantity"]) and misread(["order_date"]) and misread(["lines[3]"])
    assert not misread(["customer_id", "lines[0].sku", "lines[1].description"])


def test_bands_count_checked_orders_and_the_safe_threshold_sits_above_the_highest_misread() -> None:
    outcomes = [
        Outcome("fax", 0.55, checked=True, right=False),
        Outcome("fax", 0.91, checked=True, right=False),  # the misread that sets the threshold
        Outcome("fax", 0.93, checked=True, right=True),
        Outcome("fax", 0.97, checked=True, right=True),
        Outcome("fax", 0.99, checked=False, right=True),  # touchless: counted apart, not checked
        Outcome("edi", 1.0, checked=True, right=True),
    ]
    edi, fax = calibrate(outcomes)
    assert (edi.channel, edi.safe_threshold, edi.checked_above_threshold) == ("edi", 1.0, 1)
    assert fax.safe_threshold == 0.93 and fax.checked_above_threshold == 2
    by_low = {band.low: band for band in fax.bands}
    assert (by_low[0.5].checked, by_low[0.5].accuracy) == (1, 0.0)
    assert (by_low[0.9].checked, by_low[0.9].right) == (2, 1)
    assert by_low[0.95].accuracy == 1.0 and by_low[0.98].touchless == 1 and by_low[0.98].checked == 0


def test_no_threshold_when_the_most_confident_checked_order_was_misread() -> None:
    [fax] = calibrate([Outcome("fax", 0.99, True, False), Outcome("fax", 0.6, True, True)])
    assert fax.safe_threshold is None and fax.checked_above_threshold == 0


def test_the_first_reading_takes_each_field_as_it_was_before_its_first_edit() -> None:
    now = {"po_number": "PO-9", "lines[0].quantity": "12", "lines[1].quantity": "5", "lines[1].sku": "X"}
    audit = [
        AuditEvent(1, T, "edit", 1, "lines[0].quantity", "10.000", "11"),
        AuditEvent(1, T.replace(hour=1), "edit", 1, "lines[0].quantity", "11", "12"),
        AuditEvent(1, T, "edit", 1, "lines[1]", None, "added"),
        AuditEvent(1, T, "lock", 1),
    ]
    first = first_reading(now, audit)
    assert first == {"po_number": "PO-9", "lines[0].quantity": "10"}  # the added line was never read
    changes = differences(first, now)
    assert [c.field for c in changes] == ["lines[0].quantity", "lines[1].sku", "lines[1].quantity"]
