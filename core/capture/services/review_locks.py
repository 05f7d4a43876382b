"""Who works on which order of the review queue: a clerk's lock on an order, taken, renewed, released,
and the check that a review action comes from the clerk holding it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.capture.domain.review import AuditEvent, ReviewLock
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Order, OrderState
from core.kernel.domain.users import User
from core.kernel.errors import ComandaError, NotFound

LOCK_TTL = timedelta(minutes=10)


class ReviewError(ComandaError):
    """A review action was refused (locked by someone else, not in review, bad value)."""


@dataclass(frozen=True)
class LockState:
    holder: str | None  # user name of whoever holds it, None when free
    until: datetime | None
    mine: bool


def lock_state(uow: CaptureUnitOfWork, order_id: int, user: User, now: datetime) -> LockState:
    return state_of(uow, uow.review.lock(order_id), user, now)


def state_of(uow: CaptureUnitOfWork, lock: ReviewLock | None, user: User, now: datetime) -> LockState:
    """Who holds `lock` (an order's, None when it has none) as `user` sees it `now`: free once expired."""
    if lock is None or lock.expires_at <= now:
        return LockState(None, None, False)
    holder = uow.users.get(lock.user_id)
    return LockState(holder.username if holder else "?", lock.expires_at, lock.user_id == user.id)


def acquire(uow: CaptureUnitOfWork, order_id: int, user: User, now: datetime) -> LockState:
    """Take (or renew) the lock on an order; refused while another clerk holds an unexpired one."""
    assert user.id is not None
    with uow:
        order = in_review(uow, order_id)
        lock = uow.review.lock(order_id, for_update=True)
        if lock is None:
            mine = ReviewLock(order_id, user.id, now, now + LOCK_TTL)
            lock = uow.review.take(mine)  # another clerk's, when one opened the order at the same moment
            if lock is mine:
                uow.review.add(AuditEvent(order.id or order_id, now, "lock", user.id))
                uow.commit()
                return LockState(user.username, now + LOCK_TTL, True)
        if lock.expires_at > now and lock.user_id != user.id:
            holder = uow.users.get(lock.user_id)
            uow.rollback()
            return LockState(holder.username if holder else "?", lock.expires_at, False)
        lock.user_id, lock.acquired_at, lock.expires_at = user.id, now, now + LOCK_TTL
        uow.commit()
    return LockState(user.username, now + LOCK_TTL, True)


def release(uow: CaptureUnitOfWork, order_id: int, user: User) -> None:
    with uow:
        lock = uow.review.lock(order_id, for_update=True)
        if lock is not None and lock.user_id == user.id:
            uow.review.release(order_id)
            uow.commit()


def in_review(uow: CaptureUnitOfWork, order_id: int) -> Order:
    """The order, refused unless it waits for a clerk."""
    order = uow.orders.get(order_id)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    if order.state != OrderState.IN_REVIEW:
        raise ReviewError(f"order {order_id} is {order.state}, not in review")
    return order


def holding(uow: CaptureUnitOfWork, order_id: int, user: User, now: datetime) -> Order:
    """The order in review whose lock `user` holds, the lock renewed; refused otherwise."""
    order = in_review(uow, order_id)
    lock = uow.review.lock(order_id, for_update=True)
    if lock is None or lock.expires_at <= now or lock.user_id != user.id:
        raise ReviewError("open the order first: another clerk may be working on it")
    lock.expires_at = now + LOCK_TTL
    return order
