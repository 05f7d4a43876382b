"""`Lookback`, the duplicate check's read of a customer's earlier orders, on instants written here: an
order is read when created at or after `since`; it comes with its lines when also created at or after
`lines_since` and not on `lines_not_on` (the same lines count only from another channel), on any
channel when no channel is named."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime, timedelta

import pytest

from core.kernel.domain.lookback import Lookback

NOW = datetime(2026, 12, 8, 9, tzinfo=UTC)
WINDOW = Lookback(NOW - timedelta(days=60), NOW - timedelta(days=5), lines_not_on="fax", limit=3)


def test_an_order_is_read_from_the_first_instant_of_the_window_on() -> None:
    assert WINDOW.admits(NOW - timedelta(days=60))
    assert WINDOW.admits(NOW - timedelta(days=1))
    assert not WINDOW.admits(NOW - timedelta(days=60, seconds=1))


def test_lines_come_within_the_lines_window_from_another_channel_only() -> None:
    assert WINDOW.with_lines(NOW - timedelta(days=5), "email")
    assert not WINDOW.with_lines(NOW - timedelta(days=5, seconds=1), "email")  # read, without lines
    assert not WINDOW.with_lines(NOW - timedelta(hours=1), "fax")  # the document's own channel


def test_without_a_channel_named_every_channel_comes_with_lines() -> None:
    every = Lookback(NOW - timedelta(days=60), NOW - timedelta(days=5))
    assert every.with_lines(NOW, "fax") and every.with_lines(NOW, "edi")
    assert every.limit == 500  # the most orders a read gives when no limit is named


def test_a_window_once_made_stays_as_made() -> None:
    """The guard: a batch keeps the window it read with, and compares later documents' with it."""
    with pytest.raises(FrozenInstanceError):
        WINDOW.limit = 4  # type: ignore[misc]
