"""Demand over a lead time for purchasing: without a forecast that beats the baseline, the recent
weeks' mean and spread, worked out by hand."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from core.forecasting.services.purchasing import lead_time_demand

NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)


class Alternating:
    """Demand of 10 and 30 on alternate days for the last 56 days (mean 20, deviation 10)."""

    def demand(
        self, sku: str | None = None, warehouse: str | None = None
    ) -> list[tuple[datetime, str, float]]:
        start = NOW.replace(hour=12) - timedelta(days=56)
        return [(start + timedelta(days=i), "TOR-M8-40@MAD", 10.0 if i % 2 == 0 else 30.0) for i in range(56)]

    def orders(self, by: str | None) -> list[tuple[datetime, str, float]]:
        return []

    def shipments(self, by: str | None) -> list[tuple[datetime, str, float]]:
        return []

    def review_arrivals(self) -> list[tuple[datetime, str, float]]:
        return []


def flat(history: Sequence[float], horizon: int, seasons: Sequence[int]) -> list[float]:
    return [sum(history) / len(history)] * horizon  # knows nothing: never beats the average by 5 %


def test_without_an_offered_forecast_the_recent_weeks_stand_in() -> None:
    found = lead_time_demand(Alternating(), NOW, "TOR-M8-40", "MAD", 9, service_level=0.95, model=flat)
    assert found is not None
    assert found.source == "recent history"
    assert found.mean == pytest.approx(20 * 9)
    assert found.spread == pytest.approx(10 * math.sqrt(9))
    # z(0.95) = 1.645: 180 + 1.645 x 30
    assert found.reorder_point == pytest.approx(180 + 1.6449 * 30, abs=0.01)
    assert found.order_up_to(5) > found.reorder_point


def test_never_demanded_is_none() -> None:
    class Nothing(Alternating):
        def demand(
            self, sku: str | None = None, warehouse: str | None = None
        ) -> list[tuple[datetime, str, float]]:
            return []

    assert lead_time_demand(Nothing(), NOW, "X", "MAD", 5) is None
