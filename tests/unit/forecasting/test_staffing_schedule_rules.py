"""Staffing and scheduled reports, by the rules written out. Erlang C by hand for three clerks at two
erlang; as many clerks as the load (or fewer) can never keep up, so every order waits; a trickle of
orders still needs one clerk, and no more. A schedule made exactly at a slot's moment is due at it; the
description says when and to whom."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.forecasting.domain.schedule import Every, Recipient, ReportFormat, ReportSchedule
from core.forecasting.domain.staffing import Sla, clerks_needed, erlang_c, within_sla


def test_erlang_c_for_three_clerks_at_two_erlang() -> None:
    # 1 + 2 + 2^2/2! = 5 waiting-free terms; 2^3/3! x 3/(3 - 2) = 4; 4 / (5 + 4) = 0.444
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)


def test_as_many_clerks_as_the_load_never_keep_up() -> None:
    assert erlang_c(2, 2.0) == 1.0
    sla = Sla(wait_minutes=15, share=0.8, handle_minutes=4)
    assert within_sla(2, 30, sla) == 0.0  # 30 an hour at 4 minutes: 2 erlang


def test_a_trickle_of_orders_needs_one_clerk() -> None:
    sla = Sla()
    assert clerks_needed(0.5, sla) == 1
    assert clerks_needed(1, sla) == 1


def test_a_schedule_made_at_its_slot_is_due_at_it_and_says_when_and_to_whom() -> None:
    seven = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)  # a Monday, 07:00
    schedule = ReportSchedule(
        "forecasts", [Recipient("ana", "ana@x.example"), Recipient("luis", "luis@x.example")],
        ReportFormat.PDF, Every.WEEK, 7, created_at=seven,
    )  # fmt: skip
    assert schedule.due(seven)
    schedule.sent(seven, seven.replace(minute=2))
    assert schedule.last_sent_at == seven.replace(minute=2) and not schedule.due(seven.replace(hour=9))
    assert schedule.describe() == "forecasts as pdf weekly on mon at 07:00 UTC to ana, luis"
