"""Two clerks at the same review item at the same moment, on PostgreSQL: one of them gets the order, the
other is told who has it, and nobody's lock is overwritten or deleted under them. The first clerk's action
stops just after it has read the order's lock; the second runs against it; then the first goes on. Times
are given to the services, so nothing sleeps; the test waits for the second clerk to be blocked by the
database or done."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.capture.adapters.repository_review import ReviewRepository
from core.capture.domain.review import ReviewLock
from core.capture.services import review
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.users import User
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app, make_user
from tests.integration.helpers import ingest, someone_waits_for_a_lock
from tests.integration.test_review import UNKNOWN_CODE, in_review
from tests.waiting import wait_until

pytestmark = pytest.mark.integration
T0 = fixed_clock()
TEN_MINUTES = timedelta(minutes=10)
MINUTE = timedelta(minutes=1)


@pytest.fixture
def pg_review(tmp_path: Path, pg_url: str) -> Iterator[tuple[App, int]]:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    ingest(app, UNKNOWN_CODE)
    [order_id] = in_review(app)
    yield app, order_id
    app.close()


def _user(app: App, name: str) -> User:
    make_user(app, name)
    with app.uow() as uow:
        found = uow.users.by_name(name)
    assert found is not None
    return found


def _race(
    app: App,
    monkeypatch: pytest.MonkeyPatch,
    first: Callable[[CaptureUnitOfWork], object],
    second: Callable[[CaptureUnitOfWork], object],
) -> tuple[object, object]:
    """Run `first` until it has read the order's lock, then `second` until the database makes it wait (or
    it is done), then let `first` go on; both finish. Returns what each got (a result or the error)."""
    reached, go = threading.Event(), threading.Event()
    real_lock = ReviewRepository.lock

    def lock(self: ReviewRepository, order_id: int, *, for_update: bool = False) -> ReviewLock | None:
        found = real_lock(self, order_id, for_update=for_update)
        if threading.current_thread().name == "first" and not reached.is_set():
            reached.set()
            assert go.wait(60), "the test never let the first clerk go on"
        return found

    monkeypatch.setattr(ReviewRepository, "lock", lock)
    results: dict[str, object] = {}

    def run(key: str, action: Callable[[CaptureUnitOfWork], object]) -> None:
        try:
            results[key] = action(app.uow())
        except Exception as error:  # the test looks at what each clerk got
            results[key] = error

    one = threading.Thread(target=run, args=("first", first), name="first")
    one.start()
    wait_until(lambda: reached.is_set() or not one.is_alive(), "the first clerk to read the lock")
    assert reached.is_set(), f"the first clerk ended before reading the lock: {results}"
    two = threading.Thread(target=run, args=("second", second), name="second")
    two.start()
    try:
        wait_until(
            lambda: not two.is_alive() or someone_waits_for_a_lock(app.engine),
            "the second clerk to wait or finish",
        )
    finally:
        go.set()
        one.join(60)
        two.join(60)
    assert not one.is_alive() and not two.is_alive()
    return results["first"], results["second"]


def _holder(app: App, order_id: int, at: datetime) -> tuple[int | None, datetime | None]:
    with app.uow() as uow:
        lock = uow.review.lock(order_id)
        return (lock.user_id, lock.expires_at) if lock is not None and lock.expires_at > at else (None, None)


def test_two_clerks_taking_over_an_expired_lock_at_once_one_gets_it(
    pg_review: tuple[App, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rule: a lock that has run out may be taken by anyone, but by one clerk only: of two clerks opening
    the order at the same moment, exactly one holds it, and the other is told who does.
    (Kills the mutant that drops `for_update=True` in `acquire`: both clerks were told it was theirs.)"""
    app, order_id = pg_review
    carla, ana, ben = _user(app, "carla"), _user(app, "ana"), _user(app, "ben")
    review.acquire(app.uow(), order_id, carla, T0)  # carla opened it and went to lunch
    at = T0 + TEN_MINUTES + MINUTE

    got_ana, got_ben = _race(
        app,
        monkeypatch,
        lambda uow: review.acquire(uow, order_id, ana, at),
        lambda uow: review.acquire(uow, order_id, ben, at),
    )

    assert got_ana == review.LockState("ana", at + TEN_MINUTES, True)
    assert got_ben == review.LockState("ana", at + TEN_MINUTES, False)
    assert _holder(app, order_id, at) == (ana.id, at + TEN_MINUTES)


def test_a_clerk_saving_at_the_last_second_keeps_the_order_from_a_clerk_taking_it(
    pg_review: tuple[App, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rule: saving a correction renews the clerk's ten minutes; a clerk opening the order while that save
    is under way sees the renewed lock, not the old one running out, and does not get the order.
    (Kills the mutant that drops `for_update=True` in `_holding`: ben took the order while ana's edit went
    in, and ana's renewal landed on ben's lock.)"""
    app, order_id = pg_review
    ana, ben = _user(app, "ana"), _user(app, "ben")
    review.acquire(app.uow(), order_id, ana, T0)
    saving_at = T0 + TEN_MINUTES - MINUTE  # still hers
    opening_at = T0 + TEN_MINUTES + MINUTE  # her first ten minutes are over, but she saved in between

    saved, opened = _race(
        app,
        monkeypatch,
        lambda uow: review.save(
            uow,
            order_id,
            ana,
            saving_at,
            {"po_number": "PO-RACE-1"},
            [],
            app.validate,
        ),
        lambda uow: review.acquire(uow, order_id, ben, opening_at),
    )

    assert not isinstance(saved, Exception), saved
    assert opened == review.LockState("ana", saving_at + TEN_MINUTES, False)
    assert _holder(app, order_id, opening_at) == (ana.id, saving_at + TEN_MINUTES)


def test_a_clerk_closing_an_expired_lock_does_not_take_the_order_from_the_clerk_opening_it(
    pg_review: tuple[App, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rule: closing an order frees only the closer's own lock; when a second clerk takes the order over
    at that moment, the second clerk's lock stays.
    (Kills the mutant that drops `for_update=True` in `release`: ana's late close deleted ben's new lock.)"""
    app, order_id = pg_review
    ana, ben = _user(app, "ana"), _user(app, "ben")
    review.acquire(app.uow(), order_id, ana, T0)
    at = T0 + TEN_MINUTES + MINUTE  # ana's lock ran out; she closes the order as ben opens it

    released, opened = _race(
        app,
        monkeypatch,
        lambda uow: review.release(uow, order_id, ana),
        lambda uow: review.acquire(uow, order_id, ben, at),
    )

    assert released is None
    assert opened == review.LockState("ben", at + TEN_MINUTES, True)
    assert _holder(app, order_id, at) == (ben.id, at + TEN_MINUTES)


def test_two_clerks_opening_an_order_nobody_opened_yet_one_gets_it(
    pg_review: tuple[App, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rule: of two clerks opening a fresh order at the same moment, exactly one holds it, and the other is
    told who does (not an error). (Failed before the fix: both inserted a lock row and the second clerk got
    the database's unique-key error.)"""
    app, order_id = pg_review
    ana, ben = _user(app, "ana"), _user(app, "ben")

    got_ana, got_ben = _race(
        app,
        monkeypatch,
        lambda uow: review.acquire(uow, order_id, ana, T0),
        lambda uow: review.acquire(uow, order_id, ben, T0),
    )

    assert got_ben == review.LockState("ben", T0 + TEN_MINUTES, True)
    assert got_ana == review.LockState("ben", T0 + TEN_MINUTES, False)
    assert _holder(app, order_id, T0) == (ben.id, T0 + TEN_MINUTES)
