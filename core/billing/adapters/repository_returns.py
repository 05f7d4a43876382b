"""The billing repository's returns and billing notices: what was sent back against an order, and the
notices (one per key) that tell the customer about its money."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.billing.adapters.orm import billing_notices, return_lines, returns
from core.billing.domain.notices import BillingNotice
from core.billing.domain.returns import ReturnRequest, ReturnState
from core.kernel.domain.notices import NotificationState


class ReturnAndNoticeQueries:
    """`BillingRepository`'s returns and billing notices; the notice keys of the unit of work are the
    repository's (`__init__`)."""

    session: Session
    _keys: set[str]  # billing notice keys added in this unit of work

    # -- returns -------------------------------------------------------------------------------
    def return_request(self, return_id: int, *, lock: bool = False) -> ReturnRequest | None:
        stmt = select(ReturnRequest).where(returns.c.id == return_id)
        if lock:
            stmt = stmt.with_for_update(of=returns)
        return self.session.scalars(stmt).first()

    def returns(self, *, order_id: int | None = None, limit: int = 200) -> Sequence[ReturnRequest]:
        stmt = select(ReturnRequest).order_by(returns.c.id.desc()).limit(limit)
        if order_id is not None:
            stmt = stmt.where(returns.c.order_id == order_id)
        return self.session.scalars(stmt).all()

    def returned_quantities(self, order_id: int) -> dict[int, Decimal]:
        """Per order line: what returns not cancelled have authorised so far."""
        stmt = (
            select(return_lines.c.order_line_id, return_lines.c.quantity)
            .join(returns, returns.c.id == return_lines.c.return_id)
            .where(returns.c.order_id == order_id, returns.c.state != ReturnState.CANCELLED)
        )
        out: dict[int, Decimal] = defaultdict(Decimal)
        for line_id, quantity in self.session.execute(stmt):
            out[line_id] += quantity
        return out

    # -- billing notices -----------------------------------------------------------------------
    def add_notice(self, notice: BillingNotice) -> bool:
        """Add unless one with the same key exists; False when it was there already."""
        if notice.key in self._keys:
            return False
        with self.session.no_autoflush:
            seen = select(billing_notices.c.id).where(billing_notices.c.key == notice.key)
            if self.session.execute(seen).first() is not None:
                return False
        self._keys.add(notice.key)
        self.session.add(notice)
        return True

    def notices(self, order_id: int) -> Sequence[BillingNotice]:
        stmt = select(BillingNotice).where(billing_notices.c.order_id == order_id)
        return self.session.scalars(stmt.order_by(billing_notices.c.id)).all()

    def pending_notices(self, order_id: int) -> Sequence[BillingNotice]:
        stmt = (
            select(BillingNotice)
            .where(
                billing_notices.c.order_id == order_id,
                billing_notices.c.state == NotificationState.PENDING,
            )
            .order_by(billing_notices.c.id)
            .with_for_update(of=billing_notices, skip_locked=True)
        )
        return self.session.scalars(stmt).all()

    def orders_with_pending_notices(self) -> list[int]:
        stmt = (
            select(billing_notices.c.order_id)
            .where(billing_notices.c.state == NotificationState.PENDING)
            .distinct()
        )
        return sorted(self.session.scalars(stmt))
