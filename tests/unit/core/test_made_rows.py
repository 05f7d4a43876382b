"""`made`: a mapped dataclass built without an attribute event per field holds exactly what its
`__init__` would give it, defaults included, and is a fresh object each time (a batch step's
allocations and notifications are built this way and written in bulk)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import inspect

from core.fulfilment.domain.notifications import NoticeKind, Notification
from core.fulfilment.domain.stock import Allocation, AllocationState
from core.kernel.adapters.orm import made
from core.kernel.domain.notices import NotificationState
from core.orm import start_mappers

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)


def _fields(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


def test_a_made_row_holds_what_init_gives_it_defaults_included() -> None:
    start_mappers()
    values = dict(
        order_id=7, kind=NoticeKind.ACCEPTED, key="order:7:accepted", channel="email", created_at=NOW
    )
    first, second = made(Notification, **values), made(Notification, **values)
    assert _fields(first) == _fields(Notification(**values))  # type: ignore[arg-type]
    assert (first.state, first.language, first.attempts, first.id) == (
        NotificationState.PENDING,
        "es",
        0,
        None,
    )
    assert first.detail == {} and first.detail is not second.detail  # a default factory, called each time
    assert inspect(first).transient  # mapped, in no session
    allocation = made(
        Allocation, order_id=7, line_id=3, sku="X", stock_id=1, warehouse="MAD", location="A",
        quantity=Decimal(2), created_at=NOW,
    )  # fmt: skip
    assert (allocation.state, allocation.pick_list_id, allocation.id) == (
        AllocationState.ALLOCATED,
        None,
        None,
    )


def test_a_field_the_class_does_not_have_is_refused() -> None:
    with pytest.raises((ValueError, TypeError)):
        made(
            Notification,
            order_id=7,
            kind=NoticeKind.ACCEPTED,
            key="k",
            channel="email",
            created_at=NOW,
            colour=1,
        )
