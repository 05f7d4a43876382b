"""What one order adds to the reporting summary, and the change that replaces an old contribution by a
new one, worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from core.reporting.domain.facts import (
    LineFact,
    OrderFacts,
    ReturnFact,
    ShipmentFact,
    contribution,
    decode,
    delta,
    encode,
)
from core.reporting.domain.reports import Period, bucket_of_period, by_month, correction_row, ratio, split

D = Decimal
ARRIVED = datetime(2026, 3, 2, 8, 15, tzinfo=UTC)  # a Monday


def order(state: str = "shipped", **extra: object) -> OrderFacts:
    lines = (
        LineFact("A", D(10), D("25.00"), D("1.10"), shipped=D(10)),
        LineFact("B", D(3), D("9.30"), None, shipped=D(3)),
        LineFact("A", D(2), D("5.00"), D("1.10"), shipped=D(2)),
    )
    shipment = ShipmentFact(
        "SEUR",
        "ES-PEN",
        datetime(2026, 3, 3, 14, 15, tzinfo=UTC),
        2,
        D("7.5"),
        D("8.20"),
        date(2026, 3, 5),
        datetime(2026, 3, 5, 10, tzinfo=UTC),
    )
    base: dict[str, object] = {
        "order_id": 7,
        "arrived_at": ARRIVED,
        "customer_id": "C-1",
        "channel": "fax",
        "state": state,
        "lines": lines,
        "shipments": (shipment,),
        "requested": date(2026, 3, 4),
        "in_full": True,
        "review_seconds": 300.0,
    }
    base.update(extra)
    return OrderFacts(**base)  # type: ignore[arg-type]


def test_a_booked_order_adds_its_sales_service_carrier_and_capture_figures() -> None:
    c = contribution(order())
    day = date(2026, 3, 2)
    # revenue 25 + 9.30 + 5 = 39.30; cost (10 + 2) x 1.10 = 13.20, line B has no cost
    assert c[(day, "customer", "C-1")] == {
        "orders": 1,
        "lines": 3,
        "quantity": 15,
        "revenue": D("39.30"),
        "cost": D("13.20"),
        "uncosted_lines": 1,
        "shipped_orders": 1,
        "lead_hours": 30,
        "on_time": 1,
        "in_full": 1,
        "otif": 1,
    }
    # product A on two lines: one order, two lines, 12 units
    assert c[(day, "product", "A")] == {
        "orders": 1,
        "lines": 2,
        "quantity": 12,
        "revenue": D("30.00"),
        "cost": D("13.20"),
        "shipped_qty": 12,
    }
    assert c[(day, "weekday", "1")]["orders"] == 1 and c[(day, "hour", "08")]["orders"] == 1
    # the carrier's figures count on the day the shipment left; delivered by the promised day
    assert c[(date(2026, 3, 3), "carrier", "SEUR")] == {
        "orders": 1,
        "shipments": 1,
        "parcels": 2,
        "weight_kg": D("7.5"),
        "carrier_cost": D("8.20"),
        "delivered": 1,
        "delivered_on_time": 1,
    }
    assert c[(day, "capture_channel", "fax")] == {"captured": 1, "reviewed": 1, "review_seconds": 300}


def test_an_order_not_booked_adds_no_sales_but_is_still_a_captured_one() -> None:
    c = contribution(order(state="rejected", shipments=()))
    assert not [k for k in c if k[1] in ("customer", "product", "all")]
    assert c[(date(2026, 3, 2), "capture_customer", "C-1")]["captured"] == 1
    assert contribution(order(state="received", shipments=())) == {}


def test_late_and_partly_shipped() -> None:
    late = ShipmentFact("SEUR", "ES-PEN", datetime(2026, 3, 6, 9, tzinfo=UTC), 1, D(1), D(5))
    c = contribution(order(shipments=(late,), in_full=False))
    figures = c[(date(2026, 3, 2), "all", "")]
    assert (figures.get("on_time"), figures.get("in_full"), figures.get("otif")) == (None, None, None)
    assert figures["shipped_orders"] == 1 and figures["lead_hours"] == D("96.75")


def test_returns_count_by_product_and_reason() -> None:
    c = contribution(order(returns=(ReturnFact("B", "roto", D(1)),)))
    assert c[(date(2026, 3, 2), "product", "B")]["returned_qty"] == 1
    assert c[(date(2026, 3, 2), "return_reason", "roto")] == {"returns": 1, "returned_qty": 1}


def test_the_change_from_old_to_new_and_nothing_when_they_agree() -> None:
    old = contribution(order(state="accepted", shipments=()))
    new = contribution(order())
    change = delta(old, new)
    assert change[(date(2026, 3, 2), "customer", "C-1")] == {
        "shipped_orders": 1,
        "lead_hours": 30,
        "on_time": 1,
        "in_full": 1,
        "otif": 1,
    }
    assert delta(new, new) == {}
    cancelled = delta(new, contribution(order(state="cancelled", shipments=())))
    assert cancelled[(date(2026, 3, 2), "customer", "C-1")]["revenue"] == D("-39.30")
    assert decode(encode(new)) == new


def test_periods_and_ratios() -> None:
    assert bucket_of_period(date(2026, 3, 4), "week") == ("2026-W10", date(2026, 3, 2), date(2026, 3, 8))
    assert bucket_of_period(date(2026, 2, 14), "month") == ("2026-02", date(2026, 2, 1), date(2026, 2, 28))
    assert ratio(D(1), D(3)) == D("33.3") and ratio(D(1), D(0)) is None


def test_a_period_splits_into_whole_months_and_the_days_around_them() -> None:
    months, days = split(Period(date(2026, 1, 15), date(2026, 4, 10)))
    assert months == Period(date(2026, 2, 1), date(2026, 3, 1))  # February and March
    assert days == [Period(date(2026, 1, 15), date(2026, 1, 31)), Period(date(2026, 4, 1), date(2026, 4, 10))]
    assert split(Period(date(2026, 1, 1), date(2026, 12, 31))) == (
        Period(date(2026, 1, 1), date(2026, 12, 1)),
        [],
    )
    inside = Period(date(2026, 2, 3), date(2026, 2, 20))
    assert split(inside) == (None, [inside])
    assert split(Period(date(2026, 2, 1), date(2026, 2, 27))) == (
        None,
        [Period(date(2026, 2, 1), date(2026, 2, 27))],
    )


def test_daily_sums_add_up_by_month() -> None:
    sums = {
        (date(2026, 3, 2), "customer", "C-1"): {"orders": D(1)},
        (date(2026, 3, 30), "customer", "C-1"): {"orders": D(2), "revenue": D("5.5")},
        (date(2026, 4, 1), "customer", "C-1"): {"orders": D(1)},
    }
    assert by_month(sums) == {
        (date(2026, 3, 1), "customer", "C-1"): {"orders": D(3), "revenue": D("5.5")},
        (date(2026, 4, 1), "customer", "C-1"): {"orders": D(1)},
    }


def test_a_pickup_is_due_the_day_packed_or_after_the_cut_off_the_next_weekday() -> None:
    from core.reporting.domain.facts import pickup_due

    # Thursday 2026-03-05 14:59 is before the 15:00 cut-off: that day; 15:00 is not: Friday
    assert pickup_due(datetime(2026, 3, 5, 14, 59, tzinfo=UTC)) == date(2026, 3, 5)
    assert pickup_due(datetime(2026, 3, 5, 15, 0, tzinfo=UTC)) == date(2026, 3, 6)
    # Friday after the cut-off and Saturday morning both wait for Monday 2026-03-09
    assert pickup_due(datetime(2026, 3, 6, 18, 0, tzinfo=UTC)) == date(2026, 3, 9)
    assert pickup_due(datetime(2026, 3, 7, 9, 0, tzinfo=UTC)) == date(2026, 3, 9)


def test_categories_pickups_and_field_edits_in_the_contribution() -> None:
    lines = (
        LineFact("A", D(10), D("25.00"), D("1.10"), category="TORNILLERÍA"),
        LineFact("B", D(3), D("9.30"), None),
        LineFact("C", D(2), D("4.00"), D("1.00"), category="TORNILLERÍA"),
    )
    # packed Monday 2026-03-02 16:00 (after the cut-off), taken Wednesday 10:30: late, 42.5 h
    late = ShipmentFact(
        "SEUR",
        "ES-PEN",
        datetime(2026, 3, 4, 10, 30, tzinfo=UTC),
        1,
        D(1),
        D(5),
        packed_at=datetime(2026, 3, 2, 16, 0, tzinfo=UTC),
    )
    c = contribution(order(lines=lines, shipments=(late,), field_edits=4))
    day, left = date(2026, 3, 2), date(2026, 3, 4)
    # TORNILLERÍA: one order, lines A and C: 29.00 revenue at 11.00 + 2.00 = 13.00
    assert c[(day, "category", "TORNILLERÍA")] == {
        "orders": D(1),
        "lines": D(2),
        "quantity": D(12),
        "revenue": D("29.00"),
        "cost": D("13.00"),
    }
    assert c[(day, "category", "?")] == {
        "orders": D(1),
        "lines": D(1),
        "quantity": D(3),
        "revenue": D("9.30"),
        "uncosted_lines": D(1),
    }
    carrier = c[(left, "carrier", "SEUR")]
    assert "pickups_on_time" not in carrier and carrier["pickup_hours"] == D("42.5")
    capture = c[(day, "capture_channel", "fax")]
    assert capture["corrected"] == 1 and capture["field_edits"] == 4
    # taken on Tuesday instead: the next weekday after a late packing is on time
    on_time = ShipmentFact(
        "SEUR",
        "ES-PEN",
        datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
        1,
        D(1),
        D(5),
        packed_at=datetime(2026, 3, 2, 16, 0, tzinfo=UTC),
    )
    c = contribution(order(shipments=(on_time,)))
    assert c[(date(2026, 3, 3), "carrier", "SEUR")]["pickups_on_time"] == 1
    assert "corrected" not in c[(day, "capture_channel", "fax")]


def _summed(*contributions: dict[tuple[date, str, str], dict[str, Decimal]]) -> dict[str, dict[str, Decimal]]:
    """The orders' contributions added up per (dimension, key) over their days, as the summary sums them."""
    out: dict[str, dict[str, Decimal]] = {}
    for c in contributions:
        for (_, dim, key), measures in c.items():
            sums = out.setdefault(f"{dim}:{key}", {})
            for m, v in measures.items():
                sums[m] = sums.get(m, D(0)) + v
    return out


def test_keystrokes_count_for_corrected_orders_under_each_capture_key() -> None:
    # a clerk changed 2 fields pressing 37 keys: 37 keystrokes and one keyed order under the order's
    # channel, customer and document format, and nowhere else
    c = contribution(order(field_edits=2, keystrokes=37, document_format="tiff-ocr"))
    day = date(2026, 3, 2)
    for key in (
        (day, "capture_channel", "fax"),
        (day, "capture_customer", "C-1"),
        (day, "capture_format", "tiff-ocr"),
    ):
        assert c[key]["keystrokes"] == D(37) and c[key]["keyed"] == D(1) and c[key]["corrected"] == D(1)
    assert all(
        "keystrokes" not in ms and "keyed" not in ms for k, ms in c.items() if not k[1].startswith("capture")
    )
    # keys pressed on an order whose fields all stayed as they were (typed, then undone): it corrected
    # nothing, so they count nowhere
    typed_back = contribution(order(field_edits=0, keystrokes=12))
    assert all("keystrokes" not in ms and "keyed" not in ms for ms in typed_back.values())
    # corrected before the screen counted keys: corrected, not keyed
    before = contribution(order(field_edits=3, keystrokes=None))[(day, "capture_channel", "fax")]
    assert before["corrected"] == D(1) and "keyed" not in before and "keystrokes" not in before
    # corrected with the mouse alone: keyed, no keystrokes
    clicked = contribution(order(field_edits=1, keystrokes=0))[(day, "capture_channel", "fax")]
    assert clicked["keyed"] == D(1) and "keystrokes" not in clicked
    # an order still waiting to be decided counts nothing of capture
    waiting = contribution(order(state="received", field_edits=1, keystrokes=5))
    assert not any(k[1].startswith("capture") for k in waiting)


def test_keystrokes_per_corrected_order_over_several_orders_by_hand() -> None:
    # three fax orders of C-1 and one e-mail order of C-2, the same day:
    #   #1 fax, 3 fields, 40 keys; #2 fax, 1 field, 0 keys (clicked); #3 fax, 2 fields, not counted;
    #   #4 email, 5 fields, 61 keys
    # fax: 3 corrected, 2 keyed, 40 keystrokes -> 20.0 per corrected order whose keys were counted
    # C-1: the same three; email and C-2: 61 over 1 -> 61.0; all four by format "pdf-ocr": 101 over 3
    orders = [
        order(order_id=1, field_edits=3, keystrokes=40, document_format="pdf-ocr"),
        order(order_id=2, field_edits=1, keystrokes=0, document_format="pdf-ocr"),
        order(order_id=3, field_edits=2, keystrokes=None, document_format="pdf-ocr"),
        order(
            order_id=4,
            channel="email",
            customer_id="C-2",
            field_edits=5,
            keystrokes=61,
            document_format="pdf-ocr",
        ),
    ]
    sums = _summed(*(contribution(o) for o in orders))
    for key, reviewed, corrected, edits, keys, per_order in (
        ("capture_channel:fax", 3, 3, 6, 40, "20.0"),
        ("capture_customer:C-1", 3, 3, 6, 40, "20.0"),
        ("capture_channel:email", 1, 1, 5, 61, "61.0"),
        ("capture_customer:C-2", 1, 1, 5, 61, "61.0"),
        ("capture_format:pdf-ocr", 4, 4, 11, 101, "33.7"),
    ):
        row = correction_row(key, sums[key])
        assert row[1:3] == [reviewed, corrected] and row[4] == edits
        assert row[6:] == [keys, D(per_order)], key
    # order #1 saved again with 15 more keys: the summary takes 40 off and puts 55 on
    change = delta(
        contribution(orders[0]),
        contribution(order(order_id=1, field_edits=3, keystrokes=55, document_format="pdf-ocr")),
    )
    assert change == {
        (date(2026, 3, 2), dim, key): {"keystrokes": D(15)}
        for dim, key in (
            ("capture_channel", "fax"),
            ("capture_customer", "C-1"),
            ("capture_format", "pdf-ocr"),
        )
    }
