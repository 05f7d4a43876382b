"""The review-queue workload forecast on a synthetic queue whose hourly shape we made: a busy morning
(30 orders an hour from 9 to 11 on working days), a quiet rest of the day (6 an hour until 18:00),
nothing at night or at the weekend. The forecast must find that shape, beat seasonal-naive, and staff
each hour as Erlang C worked by hand says (see test_staffing: 30 an hour needs 3 clerks, 6 needs 1)."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

import pytest

from core.forecasting.domain.staffing import SlaSettings
from core.forecasting.services import forecasts as fc

pytestmark = pytest.mark.slow
NOW = datetime(2026, 11, 30, 0, tzinfo=UTC)  # a Monday, midnight: the next 48 hours are Mon and Tue


def rate(at: datetime) -> float:
    """Orders an hour into review at `at`, by the shape described above."""
    if at.weekday() >= 5 or not 8 <= at.hour < 18:
        return 0.0
    return 30.0 if 9 <= at.hour < 11 else 6.0


def poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class Queue:
    """A history whose only events are orders going to review, each hour's count drawn around the rate."""

    def __init__(self, weeks: int, handled: list[float], seed: int = 3) -> None:
        rng = random.Random(seed)
        self.events = []
        start = NOW - timedelta(weeks=weeks)
        for h in range(weeks * 7 * 24):
            at = start + timedelta(hours=h)
            count = poisson(rng, rate(at))
            self.events += [(at + timedelta(minutes=rng.randrange(60)), "review", 1.0) for _ in range(count)]
        self.handled = handled

    def review_arrivals(self) -> list[fc.Event]:
        return self.events

    def review_handle_minutes(self, since: datetime) -> list[float]:
        return self.handled

    def orders(self, by: str | None) -> list[fc.Event]:
        return []

    def shipments(self, by: str | None) -> list[fc.Event]:
        return []

    def demand(self, sku: str | None = None, warehouse: str | None = None) -> list[fc.Event]:
        return []


def test_the_hourly_shape_is_found_and_staffed() -> None:
    queue = Queue(weeks=12, handled=[])
    sla = fc.review_sla(queue, NOW)
    staffing = fc.workload(queue, NOW, sla=sla)
    assert staffing is not None
    found = staffing.forecast
    assert found.test is not None and found.test.mae < found.test.baseline_mae
    assert found.offered
    by_hour = {hour: (expected, clerks) for hour, expected, clerks in staffing.clerks}
    assert len(by_hour) == 48
    for day in ("2026-11-30", "2026-12-01"):
        assert by_hour[f"{day} 10:00"][0] == pytest.approx(30, rel=0.2)
        assert by_hour[f"{day} 10:00"][1] == 3
        assert by_hour[f"{day} 15:00"][0] == pytest.approx(6, rel=0.35)
        assert by_hour[f"{day} 15:00"][1] == 1
        assert by_hour[f"{day} 03:00"][0] < 1


def test_handle_minutes_from_the_corrected_orders_else_four() -> None:
    measured = fc.review_sla(Queue(weeks=1, handled=[2.0, 9.5, 5.0, 0.0, -1.0]), NOW)
    assert measured.handle_minutes == 5.0  # the median of 2, 5 and 9.5 (no time, or negative: left out)
    assert measured.basis.startswith("median of 3 corrected orders")
    assert fc.review_sla(Queue(weeks=1, handled=[]), NOW).handle_minutes == 4.0
    configured = fc.review_sla(Queue(weeks=1, handled=[30.0]), NOW, SlaSettings(10, 0.9, 6.5))
    assert (configured.wait_minutes, configured.share, configured.handle_minutes) == (10, 0.9, 6.5)


def test_a_longer_review_needs_more_clerks_at_the_peak() -> None:
    queue = Queue(weeks=12, handled=[12.0])  # 30 an hour at 12 minutes: 6 erlang
    staffing = fc.workload(queue, NOW, sla=fc.review_sla(queue, NOW))
    assert staffing is not None
    peak = dict((hour, clerks) for hour, _, clerks in staffing.clerks)["2026-11-30 10:00"]
    assert peak >= 7  # more clerks than erlang, or the queue never empties
