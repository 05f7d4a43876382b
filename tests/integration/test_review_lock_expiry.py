"""The review lock as the business states it: a clerk holds an order for ten minutes from the last thing
they did on it; then anyone may take it. Times are given to the services, so nothing sleeps."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.capture.services import review
from core.kernel.domain.users import User
from core.kernel.errors import NotFound
from oms.bootstrap import App
from tests.conftest import DEMO_DAY, make_user
from tests.integration.helpers import ingest
from tests.integration.test_review import UNKNOWN_CODE, in_review

pytestmark = pytest.mark.integration
T0 = DEMO_DAY
SECOND = timedelta(seconds=1)
TEN_MINUTES = timedelta(minutes=10)


def _user(app: App, name: str) -> User:
    make_user(app, name)
    with app.uow() as uow:
        found = uow.users.by_name(name)
    assert found is not None
    return found


@pytest.fixture
def waiting(demo_app: App) -> int:
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    return order_id


def test_a_lock_lasts_ten_minutes(demo_app: App, waiting: int) -> None:
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    held = review.acquire(demo_app.uow(), waiting, ana, T0)
    assert held.mine and held.until == T0 + TEN_MINUTES
    refused = review.acquire(demo_app.uow(), waiting, ben, T0 + TEN_MINUTES - SECOND)
    assert not refused.mine and refused.holder == "ana"
    taken = review.acquire(demo_app.uow(), waiting, ben, T0 + TEN_MINUTES)
    assert taken.mine and taken.holder == "ben"
    with demo_app.uow() as uow:
        assert review.lock_state(uow, waiting, ana, T0 + TEN_MINUTES).holder == "ben"


def test_opening_the_order_again_renews_the_ten_minutes(demo_app: App, waiting: int) -> None:
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    renewed = review.acquire(demo_app.uow(), waiting, ana, T0 + timedelta(minutes=9))
    assert renewed.until == T0 + timedelta(minutes=19)
    assert not review.acquire(demo_app.uow(), waiting, ben, T0 + timedelta(minutes=18)).mine
    assert review.acquire(demo_app.uow(), waiting, ben, T0 + timedelta(minutes=19)).mine


def test_saving_a_correction_renews_the_lock(demo_app: App, waiting: int) -> None:
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    saved_at = T0 + timedelta(minutes=8)
    review.save(demo_app.uow(), waiting, ana, saved_at, {"po_number": "PO-2026-00123"}, [], demo_app.validate)
    with demo_app.uow() as uow:
        state = review.lock_state(uow, waiting, ben, saved_at + TEN_MINUTES - SECOND)
    assert state.holder == "ana" and state.until == saved_at + TEN_MINUTES
    assert not review.acquire(demo_app.uow(), waiting, ben, saved_at + TEN_MINUTES - SECOND).mine


def test_an_expired_lock_no_longer_lets_its_holder_save(demo_app: App, waiting: int) -> None:
    ana = _user(demo_app, "ana")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    with pytest.raises(review.ReviewError, match="open the order first"):
        review.save(
            demo_app.uow(), waiting, ana, T0 + TEN_MINUTES, {"po_number": "X-1"}, [], demo_app.validate
        )


def _state(app: App, order_id: int, user: User, at: object) -> tuple[str | None, object, bool]:
    with app.uow() as uow:
        s = review.lock_state(uow, order_id, user, at)  # type: ignore[arg-type]
    return s.holder, s.until, s.mine


def test_what_the_queue_shows_of_a_lock(demo_app: App, waiting: int) -> None:
    """Free: nobody, no time, not mine. Held: who, until when, and whether it is the viewer's own;
    from the tenth minute on it shows free again."""
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    assert _state(demo_app, waiting, ana, T0) == (None, None, False)
    review.acquire(demo_app.uow(), waiting, ana, T0)
    assert _state(demo_app, waiting, ana, T0 + SECOND) == ("ana", T0 + TEN_MINUTES, True)
    assert _state(demo_app, waiting, ben, T0 + TEN_MINUTES - SECOND) == ("ana", T0 + TEN_MINUTES, False)
    assert _state(demo_app, waiting, ben, T0 + TEN_MINUTES) == (None, None, False)
    assert _state(demo_app, waiting, ana, T0 + TEN_MINUTES) == (None, None, False)


def test_only_the_holder_lets_go_of_a_lock(demo_app: App, waiting: int) -> None:
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    review.release(demo_app.uow(), waiting, ben)  # not his to release: nothing changes
    assert _state(demo_app, waiting, ben, T0 + SECOND) == ("ana", T0 + TEN_MINUTES, False)
    assert not review.acquire(demo_app.uow(), waiting, ben, T0 + SECOND).mine
    review.release(demo_app.uow(), waiting, ana)
    assert _state(demo_app, waiting, ben, T0 + SECOND) == (None, None, False)
    assert review.acquire(
        demo_app.uow(), waiting, ben, T0 + 2 * SECOND
    ).mine  # free at once, not in ten minutes


def test_only_the_holder_of_a_live_lock_saves(demo_app: App, waiting: int) -> None:
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    edit = {"po_number": "PO-2026-00999"}
    with pytest.raises(review.ReviewError, match="open the order first"):  # nobody opened it
        review.save(demo_app.uow(), waiting, ana, T0, edit, [], demo_app.validate)
    review.acquire(demo_app.uow(), waiting, ana, T0)
    with pytest.raises(review.ReviewError, match="open the order first"):  # ana holds it, not ben
        review.save(demo_app.uow(), waiting, ben, T0 + SECOND, edit, [], demo_app.validate)
    review.release(demo_app.uow(), waiting, ana)
    with pytest.raises(review.ReviewError, match="open the order first"):  # let go: open it again first
        review.save(demo_app.uow(), waiting, ana, T0 + SECOND, edit, [], demo_app.validate)
    with demo_app.uow() as uow:
        order = uow.orders.get(waiting)
        assert order is not None and order.po_number != "PO-2026-00999"


def test_a_refused_lock_says_who_holds_it_and_until_when(demo_app: App, waiting: int) -> None:
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    refused = review.acquire(demo_app.uow(), waiting, ben, T0 + timedelta(minutes=4))
    assert (refused.holder, refused.until, refused.mine) == ("ana", T0 + TEN_MINUTES, False)
    # asking did not move ana's ten minutes, nor give the lock to ben
    assert _state(demo_app, waiting, ana, T0 + timedelta(minutes=4)) == ("ana", T0 + TEN_MINUTES, True)


def test_an_expired_lock_taken_by_another_clerk_is_theirs_for_ten_minutes_from_then(
    demo_app: App, waiting: int
) -> None:
    ana, ben = _user(demo_app, "ana"), _user(demo_app, "ben")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    later = T0 + timedelta(minutes=25)
    taken = review.acquire(demo_app.uow(), waiting, ben, later)
    assert (taken.holder, taken.until, taken.mine) == ("ben", later + TEN_MINUTES, True)
    with demo_app.uow() as uow:
        lock = uow.review.lock(waiting)
        assert lock is not None
        assert (lock.user_id, lock.acquired_at, lock.expires_at) == (ben.id, later, later + TEN_MINUTES)
    # ana, whose minutes ran out, is refused now and told who has it
    assert review.acquire(demo_app.uow(), waiting, ana, later + SECOND).holder == "ben"


def test_opening_an_order_is_audited_once_with_who_and_when(demo_app: App, waiting: int) -> None:
    ana = _user(demo_app, "ana")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    review.acquire(demo_app.uow(), waiting, ana, T0 + timedelta(minutes=3))  # a renewal, no new opening
    with demo_app.uow() as uow:
        opened = [(e.action, e.user_id, e.at) for e in uow.review.audit(waiting) if e.action == "lock"]
    assert opened == [("lock", ana.id, T0)]


def test_only_an_order_in_review_can_be_opened(demo_app: App, waiting: int) -> None:
    ana = _user(demo_app, "ana")
    review.acquire(demo_app.uow(), waiting, ana, T0)
    review.reject(demo_app.uow(), waiting, ana, T0 + SECOND, "not ours", lambda *_: 0)
    with pytest.raises(review.ReviewError, match="not in review"):
        review.acquire(demo_app.uow(), waiting, ana, T0 + 2 * SECOND)
    with pytest.raises(NotFound):
        review.acquire(demo_app.uow(), 987_654, ana, T0)
    with demo_app.uow() as uow:
        assert uow.review.lock(waiting) is None  # rejecting let go of it, and nothing took it again
