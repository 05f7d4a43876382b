"""The automatic nightly planning run: on the first sweep at or after a set time of day (UTC),
planning raises draft purchase orders for a buyer to approve. Each day is one slot, claimed once, so
running the sweep twice (or on two machines) plans once a night."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def due_slot(now: datetime, at: time) -> date | None:
    """Today's slot once `at` has passed today (UTC), else None: nothing is due yet."""
    if now.tzinfo is None:
        raise ValueError("the clock is aware UTC")
    today = now.astimezone(UTC)
    return today.date() if today.time() >= at else None
