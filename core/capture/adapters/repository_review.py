"""Repositories of the review queue: locks, the audit trail, learned codes and identifiers, pages,
decision policies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.capture.adapters import orm_review as t
from core.capture.domain.review import AuditEvent, LearnedIdentifier, LearnedItem, ReviewLock
from core.kernel.adapters.master_memo import StampedMemo


class ReviewRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lock(self, order_id: int, *, for_update: bool = False) -> ReviewLock | None:
        stmt = select(ReviewLock).where(t.review_locks.c.order_id == order_id)
        if for_update:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).first()

    def take(self, lock: ReviewLock) -> ReviewLock:
        """Insert the lock of an order that had none. When another transaction inserted one meanwhile (two
        clerks opening the order at the same moment), that one instead, read again under a row lock."""
        try:
            with self.session.begin_nested():
                self.session.add(lock)
                self.session.flush()
        except IntegrityError:
            existing = self.lock(lock.order_id, for_update=True)
            assert existing is not None
            return existing
        return lock

    def locks(self, order_ids: Sequence[int]) -> dict[int, ReviewLock]:
        if not order_ids:
            return {}
        rows = self.session.scalars(select(ReviewLock).where(t.review_locks.c.order_id.in_(list(order_ids))))
        return {lock.order_id: lock for lock in rows}

    def add(self, obj: ReviewLock | AuditEvent | LearnedItem | LearnedIdentifier) -> None:
        self.session.add(obj)

    def release(self, order_id: int) -> None:
        self.session.execute(delete(t.review_locks).where(t.review_locks.c.order_id == order_id))

    def audit(self, order_id: int) -> Sequence[AuditEvent]:
        stmt = select(AuditEvent).where(t.audit_events.c.order_id == order_id).order_by(t.audit_events.c.id)
        return self.session.scalars(stmt).all()

    def learned(self, *, include_undone: bool = False) -> Sequence[LearnedItem]:
        stmt = select(LearnedItem).order_by(t.learned_items.c.id.desc())
        if not include_undone:
            stmt = stmt.where(t.learned_items.c.undone_at.is_(None))
        return self.session.scalars(stmt).all()

    def learned_item(self, item_id: int) -> LearnedItem | None:
        return self.session.get(LearnedItem, item_id)

    def learned_identifiers(self, *, include_undone: bool = False) -> Sequence[LearnedIdentifier]:
        stmt = select(LearnedIdentifier).order_by(t.learned_identifiers.c.id.desc())
        if not include_undone:
            stmt = stmt.where(t.learned_identifiers.c.undone_at.is_(None))
        return self.session.scalars(stmt).all()

    def learned_identifier(self, item_id: int) -> LearnedIdentifier | None:
        return self.session.get(LearnedIdentifier, item_id)

    def pages(self, document_id: int) -> Sequence[dict[str, object]]:
        stmt = select(t.document_pages).where(t.document_pages.c.document_id == document_id)
        return [dict(row._mapping) for row in self.session.execute(stmt.order_by(t.document_pages.c.number))]

    def add_pages(self, document_id: int, pages: Sequence[dict[str, object]]) -> None:
        if pages:
            self.session.execute(
                t.document_pages.insert(), [{"document_id": document_id, **p} for p in pages]
            )


class PolicyRepository:
    """Decision-policy settings by scope: "default", "channel:<channel>", "customer:<id>"; with
    `shared`, remembered by the process until master data changes (then never to be changed)."""

    def __init__(self, session: Session, shared: StampedMemo | None = None) -> None:
        self.session = session
        self._shared = shared

    def all(self) -> dict[str, dict[str, object]]:
        if self._shared is not None:
            found: dict[str, dict[str, object]] = self._shared.get(("policies",), self._all)
            return found
        return self._all()

    def _all(self) -> dict[str, dict[str, object]]:
        rows = self.session.execute(select(t.decision_policies.c.scope, t.decision_policies.c.settings))
        return {scope: dict(settings or {}) for scope, settings in rows}

    def put(self, scope: str, settings: dict[str, object], now: datetime) -> None:
        if self._shared is not None:
            self._shared.forget()
            self._shared = None
        self.session.execute(delete(t.decision_policies).where(t.decision_policies.c.scope == scope))
        if settings:
            self.session.execute(
                t.decision_policies.insert().values(scope=scope, settings=settings, updated_at=now)
            )
