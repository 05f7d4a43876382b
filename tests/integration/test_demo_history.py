"""`oms demo history` on a short run: December 2026 to February 2027 at a third of the usual rate.

What the history promises, written out: orders arrive only on working days (never on a Saturday,
a Sunday or a Spanish national holiday: 8 and 25 December, 1 and 6 January), each dated the day it
arrived (in the past, not today); December's Christmas trade (until the 20th) beats February;
orders are shipped and delivered, customers on EDI and e-mail both order, and the same seed makes
the same plan."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from core.fulfilment.adapters.orm import shipments
from core.kernel.adapters.orm import orders
from oms.cli.demo import _Doors
from oms.cli.demo_history import play_history
from samples.demo.history_profiles import plan_day
from tests.conftest import make_app

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CLOSED = {date(2026, 12, 8), date(2026, 12, 25), date(2027, 1, 1), date(2027, 1, 6)}


def test_three_months_with_the_christmas_peak(tmp_path: Path) -> None:
    today = datetime(2027, 3, 1, 9, tzinfo=UTC)
    app = make_app(tmp_path, clock=lambda: today)
    tally = play_history(
        app.settings, _Doors, date(2026, 12, 1), date(2027, 2, 28), seed=5, scale=0.35, say=print
    )
    with app.engine.connect() as conn:
        made = conn.execute(select(orders.c.created_at, orders.c.channel, orders.c.customer_id)).all()
        sent = conn.execute(select(shipments.c.shipped_at, shipments.c.delivered_at)).all()
    app.close()
    days = [at.date() for at, _, _ in made]
    assert tally.orders == len(made) > 0
    assert all(date(2026, 12, 1) <= d <= date(2027, 2, 28) for d in days)
    assert not CLOSED & set(days)
    assert all(d.weekday() < 5 for d in days)
    per_month = Counter((d.year, d.month) for d in days)
    assert per_month[(2026, 12)] > per_month[(2027, 2)]
    assert {channel for _, channel, _ in made} == {"edi", "email"}
    assert len({customer for _, _, customer in made}) == 4
    assert sent and all(s is not None for s, _ in sent)
    delivered = [d for _, d in sent if d is not None]
    assert len(delivered) >= len(sent) * 0.9  # all but the last days' shipments
    assert all(d.date() <= date(2027, 2, 28) for d in delivered)


def test_the_same_seed_makes_the_same_plan() -> None:
    def plan(seed: int) -> list[tuple[str, datetime, tuple[tuple[str, int], ...]]]:
        rng = random.Random(seed)
        return [
            (p.profile.customer_id, p.at, p.lines)
            for n in range(1, 29)
            for p in plan_day(rng, date(2027, 2, n), UTC)
        ]

    assert plan(1) == plan(1)
    assert plan(1) != plan(2)
    assert plan_day(random.Random(1), date(2026, 12, 25), UTC) == []  # Navidad
    assert plan_day(random.Random(1), date(2027, 2, 6), UTC) == []  # a Saturday
