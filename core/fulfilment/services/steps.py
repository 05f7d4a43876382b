"""The lifecycle steps other areas take on an order inside their own transaction: billing approves,
holds, allocates and closes on a payment's outcome; capture applies a buyer's change.

`core.unit_of_work` binds one `LifecycleSteps` to each unit of work (as `uow.lifecycle`); the other
areas see it through their own protocols, never by importing fulfilment's services.
"""

from __future__ import annotations

from datetime import datetime

from core.fulfilment.services import allocation, lifecycle
from core.fulfilment.services.approval import ApprovalPolicy
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.domain.changes import OrderChange


class LifecycleSteps:
    def __init__(self, uow: FulfilmentUnitOfWork) -> None:
        self.uow = uow

    def hold(self, order_id: int, reason: str, actor: str, now: datetime) -> None:
        lifecycle.hold(self.uow, order_id, reason, actor, now)

    def release_hold(self, order_id: int, actor: str, now: datetime) -> None:
        lifecycle.release_hold(self.uow, order_id, actor, now)

    def approve(self, order_id: int, policy: ApprovalPolicy, actor: str, now: datetime) -> None:
        """Approve an accepted order under `policy` (one not accepted is left as it is)."""
        lifecycle.approve(self.uow, [order_id], policy, actor, now, strict=False)

    def allocate(self, order_id: int, actor: str, now: datetime) -> None:
        allocation.allocate(self.uow, [order_id], actor, now)

    def close(self, order_id: int, actor: str, now: datetime) -> None:
        lifecycle.close(self.uow, order_id, actor, now)

    def modify(self, order_id: int, change: OrderChange, actor: str, now: datetime) -> dict[str, str]:
        return lifecycle.modify(self.uow, order_id, change, actor, now)
