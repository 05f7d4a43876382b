"""The reports' tables from their sums, each figure worked out by hand from what the page promises:

- sales: per key orders, lines, quantity, revenue, cost, margin and margin % (of revenue), biggest
  revenue first and by key at a tie; money to the cent, half up; a ratio with no whole is blank, not 0;
- service: lead time as the average hours per shipped order, on time, in full and OTIF as shares of them;
- carriers: cost per order and per kilo, on-time delivery as a share of what was delivered;
- capture: touchless share of decided orders, minutes of review per reviewed order;
- periods: ISO weeks from Monday, calendar months; a chart draws one column, a row's link goes with it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.reporting.domain.reports import (
    Period,
    Section,
    bucket_of_period,
    by_period,
    capture_row,
    carrier_row,
    correction_row,
    money,
    per,
    pickup_row,
    plain,
    ratio,
    rows,
    sales_rows,
    service_row,
    split,
)

D = Decimal


def test_a_period_counts_both_its_first_and_last_day() -> None:
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).days() == 31
    assert Period(date(2026, 3, 1), date(2026, 3, 1)).days() == 1


def test_sales_rows_show_margin_of_revenue_biggest_first() -> None:
    by_key = {
        "C-2": {
            "orders": D(1),
            "lines": D(2),
            "quantity": D("3.50"),
            "revenue": D("100.005"),
            "cost": D("60"),
        },
        "C-1": {
            "orders": D(2),
            "lines": D(5),
            "quantity": D("250.0000"),
            "revenue": D("200"),
            "cost": D("150"),
        },
        "C-3": {"orders": D(1), "lines": D(1), "quantity": D(1), "revenue": D("100.005"), "cost": D("0")},
        "C-0": {"orders": D(1)},
    }
    assert sales_rows(by_key) == [
        # 200 - 150 = 50 margin: 25.0 % of revenue
        ["C-1", 2, 5, D(250), D("200.00"), D("150.00"), D("50.00"), D("25.0")],
        # equal revenue: by key; 100.005 rounds half up to 100.01; margin 40.005 -> 40.01, 40.0 %
        ["C-2", 1, 2, D("3.5"), D("100.01"), D("60.00"), D("40.01"), D("40.0")],
        ["C-3", 1, 1, D(1), D("100.01"), D("0.00"), D("100.01"), D("100.0")],
        # no revenue: no margin % to speak of
        ["C-0", 1, 0, D(0), D("0.00"), D("0.00"), D("0.00"), None],
    ]


def test_a_negative_margin_is_shown_as_such() -> None:
    ((*_, margin, share),) = sales_rows({"X": {"revenue": D(80), "cost": D(100)}})
    assert (margin, share) == (D("-20.00"), D("-25.0"))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("250.0000", "250"),
        ("1.50", "1.5"),
        ("0.000", "0"),
        ("1E+2", "100"),
        ("-2.500", "-2.5"),
        ("0.05", "0.05"),
    ],
)
def test_plain_numbers_drop_trailing_zeros_and_never_show_an_exponent(value: str, shown: str) -> None:
    assert str(plain(D(value))) == shown


def test_money_rounds_half_up_to_the_cent() -> None:
    assert money(D("2.345")) == D("2.35")
    assert money(D("2.344")) == D("2.34")
    assert money(D("-2.345")) == D("-2.35")
    assert str(money(D(3))) == "3.00"


def test_ratios_and_averages_round_half_up_and_are_blank_without_a_whole() -> None:
    assert ratio(D(1), D(8)) == D("12.5")
    assert ratio(D(1), D(16)) == D("6.3")  # 6.25 half up
    assert ratio(D(2), D(3), "1") == D(67)
    assert ratio(D(5), D(0)) is None
    assert per(D(10), D(4)) == D("2.50")
    assert per(D(1), D(8), "0.01") == D("0.13")  # 0.125 half up
    assert per(D(10), D(3), "0.1") == D("3.3")
    assert per(D(10), D(0)) is None


def test_service_lead_time_and_shares_are_per_shipped_order() -> None:
    measures = {
        "shipped_orders": D(8), "lead_hours": D(101), "on_time": D(6), "in_full": D(7), "otif": D(5),
        "short_picks": D(2),
    }  # fmt: skip
    # 101 h over 8 orders is 12.625 h: shown to a tenth, half up
    got = service_row("MAD", measures)
    assert got == ["MAD", 8, D("12.6"), D("75.0"), D("87.5"), D("62.5"), 2]
    assert [str(c) for c in got[2:6]] == ["12.6", "75.0", "87.5", "62.5"]
    assert service_row("BCN", {}) == ["BCN", 0, None, None, None, None, 0]
    # shipped orders with nothing on time count as 0 %, not as no figure
    assert service_row("VLC", {"shipped_orders": D(2)}) == [
        "VLC",
        2,
        D("0.0"),
        D("0.0"),
        D("0.0"),
        D("0.0"),
        0,
    ]


def test_carrier_costs_per_order_and_per_kilo_and_on_time_of_what_was_delivered() -> None:
    measures = {
        "shipments": D(4), "orders": D(3), "parcels": D(6), "weight_kg": D("12.5"), "carrier_cost": D("25"),
        "delivered": D(4), "delivered_on_time": D(3),
    }  # fmt: skip
    assert carrier_row("ROAD", measures) == [
        "ROAD", 4, 3, 6, D("12.500"), D("25.00"), D("8.33"), D("2.00"), D("75.0"),
    ]  # fmt: skip
    assert carrier_row("AIR", {}) == ["AIR", 0, 0, 0, D("0.000"), D("0.00"), None, None, None]
    # delivered, none on time: 0 %; cost to the cent per order
    got = carrier_row("SEA", {"orders": D(3), "weight_kg": D(3), "carrier_cost": D(10), "delivered": D(1)})
    assert [str(c) for c in got[6:]] == ["3.33", "3.33", "0.0"]


def test_capture_touchless_share_and_review_minutes() -> None:
    measures = {"captured": D(10), "touchless": D(7), "reviewed": D(3), "review_seconds": D(500)}
    # 500 s over 3 reviewed orders: 2.777… minutes each, shown as 2.8
    got = capture_row("email", measures)
    assert got == ["email", 10, 7, D("70.0"), 3, D("2.8")]
    assert [str(c) for c in got[3:]] == ["70.0", "3", "2.8"]
    assert capture_row("fax", {}) == ["fax", 0, 0, None, 0, None]
    assert capture_row("as2", {"captured": D(4), "reviewed": D(1)}) == ["as2", 4, 0, D("0.0"), 1, D("0.0")]


def test_corrections_share_of_reviewed_and_edits_per_corrected_order() -> None:
    measures = {"reviewed": D(8), "corrected": D(3), "field_edits": D(5)}
    # 5 edits over 3 corrected orders: 1.666… shown as 1.7; no keys counted: no keystrokes per order
    got = correction_row("pdf", measures)
    assert got == ["pdf", 8, 3, D("37.5"), 5, D("1.7"), 0, None]
    assert [str(c) for c in got[3:6]] == ["37.5", "5", "1.7"]
    assert correction_row("edi", {}) == ["edi", 0, 0, None, 0, None, 0, None]
    assert correction_row("fax", {"reviewed": D(2), "corrected": D(1)}) == [
        "fax",
        2,
        1,
        D("50.0"),
        0,
        D("0.0"),
        0,
        None,
    ]


def test_keystrokes_per_corrected_order_divide_by_the_orders_whose_keys_were_counted() -> None:
    # 4 corrected orders, 3 of them with their keys counted (the fourth reviewed before the screen
    # counted keys): 100 keystrokes over 3 orders = 33.333… shown as 33.3, not 100 / 4 = 25.0;
    # 9 field edits over 4 corrected orders = 2.25, half up 2.3
    measures = {"reviewed": D(5), "corrected": D(4), "field_edits": D(9), "keystrokes": D(100), "keyed": D(3)}
    assert correction_row("email", measures) == ["email", 5, 4, D("80.0"), 9, D("2.3"), 100, D("33.3")]
    # corrected with the mouse alone (a word clicked into a field): counted, and none typed
    clicked = {"reviewed": D(1), "corrected": D(1), "field_edits": D(1), "keyed": D(1)}
    assert correction_row("fax", clicked)[6:] == [0, D("0.0")]
    # 2 keystrokes over 3 orders = 0.666… rounds half up to 0.7
    few = {"reviewed": D(3), "corrected": D(3), "field_edits": D(3), "keystrokes": D(2), "keyed": D(3)}
    assert correction_row("edi", few)[6:] == [2, D("0.7")]


def test_pickups_on_time_of_shipments_and_hours_from_packing() -> None:
    measures = {"shipments": D(3), "pickups_on_time": D(2), "pickup_hours": D(10)}
    # 2 of 3 on time: 66.7 %; 10 h over 3 shipments: 3.3 h
    got = pickup_row("ROAD", measures)
    assert got == ["ROAD", 3, 2, D("66.7"), D("3.3")]
    assert [str(c) for c in got[3:]] == ["66.7", "3.3"]
    assert pickup_row("AIR", {}) == ["AIR", 0, 0, None, None]
    assert pickup_row("SEA", {"shipments": D(2)}) == ["SEA", 2, 0, D("0.0"), D("0.0")]


def test_rows_come_by_the_sort_measure_biggest_first_then_by_key() -> None:
    by_key = {"b": {"n": D(1)}, "c": {"n": D(5)}, "a": {"n": D(1)}, "d": {}}
    assert rows(by_key, lambda key, m: [key, m.get("n")], "n") == [["c", 5], ["a", 1], ["b", 1], ["d", None]]


@pytest.mark.parametrize(
    ("day", "by", "expected"),
    [
        (date(2026, 3, 4), "day", ("2026-03-04", date(2026, 3, 4), date(2026, 3, 4))),
        (date(2026, 3, 2), "week", ("2026-W10", date(2026, 3, 2), date(2026, 3, 8))),  # a Monday
        (date(2026, 3, 8), "week", ("2026-W10", date(2026, 3, 2), date(2026, 3, 8))),  # its Sunday
        (date(2027, 1, 1), "week", ("2026-W53", date(2026, 12, 28), date(2027, 1, 3))),  # ISO year
        (date(2026, 12, 31), "month", ("2026-12", date(2026, 12, 1), date(2026, 12, 31))),
        (date(2028, 2, 29), "month", ("2028-02", date(2028, 2, 1), date(2028, 2, 29))),
        (date(2026, 1, 31), "month", ("2026-01", date(2026, 1, 1), date(2026, 1, 31))),
    ],
)
def test_the_period_a_day_falls_in(day: date, by: str, expected: tuple[str, date, date]) -> None:
    assert bucket_of_period(day, by) == expected


def test_daily_figures_add_up_per_week() -> None:
    by_day = {
        date(2026, 3, 8): {"orders": D(1)},  # Sunday of W10
        date(2026, 3, 2): {"orders": D(2), "revenue": D(10)},
        date(2026, 3, 9): {"orders": D(4)},  # Monday of W11
    }
    assert by_period(by_day, "week") == {
        "2026-W10": (date(2026, 3, 2), date(2026, 3, 8), {"orders": D(3), "revenue": D(10)}),
        "2026-W11": (date(2026, 3, 9), date(2026, 3, 15), {"orders": D(4)}),
    }


def test_a_period_ending_on_a_months_last_day_takes_that_month_whole() -> None:
    months, days = split(Period(date(2026, 1, 20), date(2026, 3, 31)))
    assert months == Period(date(2026, 2, 1), date(2026, 3, 1))
    assert days == [Period(date(2026, 1, 20), date(2026, 1, 31))]
    months, days = split(Period(date(2026, 2, 1), date(2026, 2, 28)))
    assert (months, days) == (Period(date(2026, 2, 1), date(2026, 2, 1)), [])


def test_a_single_day_before_or_after_the_whole_months_is_kept() -> None:
    months, days = split(Period(date(2026, 1, 31), date(2026, 3, 1)))
    assert months == Period(date(2026, 2, 1), date(2026, 2, 1))
    assert days == [Period(date(2026, 1, 31), date(2026, 1, 31)), Period(date(2026, 3, 1), date(2026, 3, 1))]


def test_a_chart_draws_its_column_against_the_rows_first_cell_with_its_link() -> None:
    section = Section(
        "Sales",
        ["customer", "orders", "revenue"],
        rows=[["C-1", 2, D("10.50")], ["C-2", 1, None], [7, 0, "n/a"]],
        links=["/orders?customer=C-1", None, "/orders?x=7"],
        chart_column=2,
    )
    assert section.chart() == [
        ("C-1", D("10.50"), "/orders?customer=C-1"),
        ("C-2", D(0), None),
        ("7", D(0), "/orders?x=7"),
    ]
    assert Section("t", ["a"], rows=[["x"]], links=[None]).chart() == []
    counts = Section("t", ["a", "n"], rows=[["x", 3]], links=[None], chart_column=1)
    assert counts.chart() == [("x", D(3), None)]
