"""The order header's own checks, as the business states them, each problem written out whole (code, the
words the review queue shows, the field it points the clerk at, and that a person must look):

- no order number, or no lines: a person looks (an unreadable table is likelier than an order of nothing);
- a cancellation is confirmed by a clerk;
- an order dated more than one day after it arrived is dated in the future (one day of slack: time zones);
  one printed on a page more than fourteen days before it arrived asks for its date to be checked;
- a delivery wanted before the order date is a contradiction; one wanted before the day of arrival has
  passed; delivery on the order date, or today, is fine.

Killed (validation/rules.py, x_check_header): the messages and fields dropped or changed (mutmut_3 … _88),
`>` → `>=` on the future date (_37), `<` → `<=` on delivery before the order date (_70) and on a delivery
in the past (_80), and `<` → `<=` on the fourteen days.
"""

from __future__ import annotations

from datetime import date

from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    Evidence,
    Problem,
    ProblemCode,
    Provenance,
    Severity,
)
from validation.rules import check_header

TODAY = date(2026, 11, 26)
LINE = (CapturedLine(item_code="TOR-M8-40"),)


def header(**fields: object) -> list[Problem]:
    order = CapturedOrder(**({"po_number": "PO-1", "lines": LINE, "order_date": TODAY} | fields))  # type: ignore[arg-type]
    return list(check_header(order, TODAY))


def test_a_complete_header_has_no_problem() -> None:
    assert header() == []


def test_no_order_number_and_no_lines_go_to_a_person() -> None:
    assert header(po_number=None, lines=()) == [
        Problem(
            ProblemCode.MISSING_PO_NUMBER, "the order carries no order number", "po_number", Severity.REVIEW
        ),
        Problem(ProblemCode.NO_LINES, "no order lines were found", "lines", Severity.REVIEW),
    ]


def test_a_cancellation_is_confirmed_by_a_clerk() -> None:
    assert header(function="cancel") == [
        Problem(
            ProblemCode.CANCELLATION,
            "the message cancels an earlier order; a clerk must confirm the cancellation",
            "function",
            Severity.REVIEW,
        )
    ]


def test_an_order_dated_more_than_a_day_ahead_is_in_the_future() -> None:
    assert header(order_date=date(2026, 11, 27)) == []  # tomorrow: within the day of slack
    assert header(order_date=date(2026, 11, 28), requested_delivery_date=date(2026, 12, 1)) == [
        Problem(
            ProblemCode.ORDER_DATE_IN_FUTURE,
            "order date 2026-11-28 lies in the future",
            "order_date",
            Severity.REVIEW,
        )
    ]


def test_a_page_dated_more_than_two_weeks_before_arrival_asks_for_a_check() -> None:
    printed = (Evidence("order_date", 0.95, Provenance(page=1, box=(10.0, 10.0, 80.0, 20.0))),)
    assert header(order_date=date(2026, 11, 12), evidence=printed) == []  # fourteen days: fine
    assert header(order_date=date(2026, 11, 11), evidence=printed) == [
        Problem(
            ProblemCode.ORDER_DATE_OLD,
            "order date 2026-11-11 is 15 days before the order arrived; check the date on the document",
            "order_date",
            Severity.REVIEW,
        )
    ]


def test_delivery_before_the_order_date_is_a_contradiction_on_the_order_date_is_fine() -> None:
    ordered = date(2026, 11, 25)
    assert header(order_date=ordered, requested_delivery_date=date(2026, 11, 25)) == [
        Problem(
            ProblemCode.DELIVERY_IN_PAST,
            "requested delivery 2026-11-25 has already passed",
            "requested_delivery_date",
            Severity.REVIEW,
        )
    ]  # not before the order date; only past by the day it arrived
    assert header(order_date=TODAY, requested_delivery_date=TODAY) == []  # same day, today: fine
    assert header(order_date=ordered, requested_delivery_date=date(2026, 11, 24)) == [
        Problem(
            ProblemCode.DELIVERY_BEFORE_ORDER,
            "requested delivery 2026-11-24 is before the order date 2026-11-25",
            "requested_delivery_date",
            Severity.REVIEW,
        )
    ]


def test_a_delivery_wanted_before_the_day_of_arrival_has_passed() -> None:
    assert header(order_date=None, requested_delivery_date=TODAY) == []
    assert header(order_date=None, requested_delivery_date=date(2026, 11, 25)) == [
        Problem(
            ProblemCode.DELIVERY_IN_PAST,
            "requested delivery 2026-11-25 has already passed",
            "requested_delivery_date",
            Severity.REVIEW,
        )
    ]
