"""When a scheduled report is due, worked out on the calendar by hand."""

from datetime import UTC, datetime

from core.forecasting.domain.schedule import Every, Recipient, ReportFormat, ReportSchedule

TO = [Recipient("marta", "marta@comanda.example")]


def weekly_monday_7(created: datetime) -> ReportSchedule:
    return ReportSchedule("forecasts", TO, ReportFormat.PDF, Every.WEEK, 7, created, weekday=0)


def test_weekly_slot_is_the_last_monday_at_seven() -> None:
    s = weekly_monday_7(datetime(2027, 2, 1, tzinfo=UTC))
    # Wednesday 3 March 2027: the last slot was Monday 1 March 07:00
    assert s.latest_slot(datetime(2027, 3, 3, 12, tzinfo=UTC)) == datetime(2027, 3, 1, 7, tzinfo=UTC)
    # Monday 1 March at 06:59: still the Monday before
    assert s.latest_slot(datetime(2027, 3, 1, 6, 59, tzinfo=UTC)) == datetime(2027, 2, 22, 7, tzinfo=UTC)


def test_due_once_per_slot_and_not_before_the_first_slot_after_it_was_made() -> None:
    s = weekly_monday_7(datetime(2027, 3, 2, 10, tzinfo=UTC))  # made on a Tuesday
    assert not s.due(datetime(2027, 3, 5, 9, tzinfo=UTC))  # no Monday 07:00 since it was made
    monday = datetime(2027, 3, 8, 7, 5, tzinfo=UTC)
    assert s.due(monday)
    s.sent(s.latest_slot(monday), monday)
    assert not s.due(datetime(2027, 3, 10, tzinfo=UTC))
    # three weeks down: one report when it comes back, not three
    back = datetime(2027, 3, 31, 8, tzinfo=UTC)
    assert s.due(back)
    s.sent(s.latest_slot(back), back)
    assert not s.due(back)


def test_daily() -> None:
    s = ReportSchedule(
        "order-volume", TO, ReportFormat.XLSX, Every.DAY, 6, datetime(2027, 3, 1, 5, tzinfo=UTC)
    )
    assert s.latest_slot(datetime(2027, 3, 1, 5, 59, tzinfo=UTC)) == datetime(2027, 2, 28, 6, tzinfo=UTC)
    assert s.due(datetime(2027, 3, 1, 6, tzinfo=UTC))
    assert "daily at 06:00 UTC to marta" in s.describe()
