"""The fulfilment repository's order events and notifications: append-only rows written in bulk, a
notification once per key, and both read back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import String, insert, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from core.fulfilment.adapters.orm import notifications, order_events
from core.fulfilment.domain.lifecycle import OrderEvent
from core.fulfilment.domain.notifications import Notification
from core.kernel.adapters.bulk import any_of, bulk, row_of
from core.kernel.domain.model import OrderState
from core.kernel.domain.notices import NotificationState


class EventQueries:
    """`FulfilmentRepository`'s events and notifications; the notification keys of the unit of work are
    the repository's (`__init__`)."""

    session: Session
    _keys: set[str]  # notification keys added in this unit of work
    _absent: set[str]  # keys known not to be stored (`prefetch_notice_keys`)

    # -- events --------------------------------------------------------------------------------
    def add_events(self, events: Iterable[OrderEvent]) -> None:
        """Events are append-only: written in bulk before the next read, flush or commit."""
        bulk(self.session).add(order_events, [row_of(order_events, e) for e in events])

    def events(self, order_id: int) -> Sequence[OrderEvent]:
        stmt = select(order_events).where(order_events.c.order_id == order_id).order_by(order_events.c.id)
        return [_event(r) for r in self.session.execute(stmt)]

    def last_hold(self, order_id: int) -> OrderEvent | None:
        stmt = (
            select(order_events)
            .where(order_events.c.order_id == order_id, order_events.c.to_state == OrderState.ON_HOLD)
            .order_by(order_events.c.id.desc())
            .limit(1)
        )
        row = self.session.execute(stmt).first()
        return _event(row) if row is not None else None

    def insert_events_fast(self, events: Sequence[OrderEvent]) -> None:
        """Bulk-append events (used by batch steps over thousands of orders)."""
        if events:
            self.session.execute(
                insert(order_events),
                [
                    {
                        "order_id": e.order_id,
                        "at": e.at,
                        "actor": e.actor,
                        "step": e.step,
                        "from_state": e.from_state,
                        "to_state": e.to_state,
                        "detail": e.detail,
                    }
                    for e in events
                ],
            )

    # -- notifications -------------------------------------------------------------------------
    def add_notification(self, notification: Notification) -> bool:
        """Queue it unless one with the same key exists; False when it was there already.

        The steps that announce hold their order's row lock, so no other transaction can be adding
        the same key meanwhile; the unique key is the database's guard all the same.
        """
        if notification.key in self._keys:
            return False
        if notification.key in self._absent:
            self._absent.discard(notification.key)
        else:
            with self.session.no_autoflush:
                seen = select(notifications.c.id).where(notifications.c.key == notification.key)
                if self.session.execute(seen).first() is not None:
                    return False
        self._keys.add(notification.key)
        # append-only until a renderer takes it in a later transaction: written in bulk, one
        # statement for a batch's notices, like the events (the object is not a session object)
        bulk(self.session).add(notifications, [row_of(notifications, notification)])
        return True

    def prefetch_notice_keys(self, keys: Iterable[str]) -> None:
        """Look up many notification keys in one query, so that `add_notification` for a batch of
        orders need not ask once per notice (the order row locks the steps hold keep it true)."""
        wanted = set(keys) - self._keys
        if not wanted:
            return
        with self.session.no_autoflush:
            keys = any_of(self.session, notifications.c.key, sorted(wanted), String())
            stmt = select(notifications.c.key).where(keys)
            stored = set(self.session.scalars(stmt))
        self._absent |= wanted - stored

    def notifications(self, order_id: int) -> Sequence[Notification]:
        stmt = select(Notification).where(notifications.c.order_id == order_id).order_by(notifications.c.id)
        return self.session.scalars(stmt).all()

    def pending_notifications(self, order_id: int) -> Sequence[Notification]:
        """The order's pending notifications, locked so two jobs cannot render the same one."""
        stmt = (
            select(Notification)
            .where(notifications.c.order_id == order_id, notifications.c.state == NotificationState.PENDING)
            .order_by(notifications.c.id)
            .with_for_update(of=notifications, skip_locked=True)
        )
        return self.session.scalars(stmt).all()

    def orders_with_pending_notifications(self) -> list[int]:
        stmt = (
            select(notifications.c.order_id)
            .where(notifications.c.state == NotificationState.PENDING)
            .distinct()
        )
        return sorted(self.session.scalars(stmt))


def _event(row: Row[Any]) -> OrderEvent:
    """An event read back (events are append-only rows, not mapped objects: a batch step makes
    thousands, and building an instrumented object for each cost more than writing its row)."""
    return OrderEvent(
        order_id=row.order_id,
        at=row.at,
        actor=row.actor,
        step=row.step,
        from_state=row.from_state,
        to_state=row.to_state,
        detail=row.detail,
        id=row.id,
    )
