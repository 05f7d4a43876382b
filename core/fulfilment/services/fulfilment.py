"""The order lifecycle's entry point for the CLI, the API and the jobs: every step in its own
transaction, events published after commit, a deadlock or lost race retried.

Built by the composition root with the replaceable parts: the approval policy and the close gate
(billing's, in the wired app), the carriers' booking interfaces and the channels' notifiers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from core.fulfilment.domain.shipping import Quote
from core.fulfilment.domain.stock import StockLevel
from core.fulfilment.domain.warehouse import Shipment
from core.fulfilment.services import allocation, fulfilment_data, lifecycle, shipping, warehouse
from core.fulfilment.services.allocation import AllocationReport, part_of
from core.fulfilment.services.approval import ApprovalPolicy, ApproveEverything
from core.fulfilment.services.batching import Combiner
from core.fulfilment.services.notifications import Notifier, render_pending
from core.fulfilment.services.shipping import Carrier
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.fulfilment.services.warehouse import PickReport, ReleaseReport
from core.kernel.domain.changes import OrderChange
from core.kernel.domain.model import Order, OrderState
from core.kernel.errors import StockRace, TransientError
from core.kernel.services.outbox import RenderReport
from core.kernel.services.runner import run_step
from core.kernel.services.setup_csv import LoadReport

log = logging.getLogger(__name__)
T = TypeVar("T")
Step = Callable[[FulfilmentUnitOfWork, datetime], T]


@dataclass
class Fulfilment:
    uow_factory: Callable[[], FulfilmentUnitOfWork]
    clock: Callable[[], datetime]
    publish: Callable[[list[object]], None]
    policy: ApprovalPolicy = field(default_factory=ApproveEverything)
    carriers: Mapping[str, Carrier] = field(default_factory=dict)
    notifiers: Mapping[str, Notifier] = field(default_factory=dict)
    close_gate: lifecycle.CloseGate | None = None  # the payments work refuses to close unsettled orders

    def run(self, step: Step[T]) -> T:
        """Run one step in a transaction of its own, retrying when the database asks for it."""
        return run_step(self.uow_factory, self.clock, self.publish, step)

    # -- approval and stock --------------------------------------------------------------------
    def approve(self, order_ids: Iterable[int], actor: str, *, strict: bool = False) -> dict[int, str]:
        ids = list(order_ids)
        return self.run(lambda uow, now: lifecycle.approve(uow, ids, self.policy, actor, now, strict=strict))

    def __post_init__(self) -> None:
        self._batches: Combiner[AllocationReport] = Combiner(self._allocate, part_of)

    def allocate(self, order_ids: Iterable[int], actor: str, *, strict: bool = False) -> AllocationReport:
        """Allocate the orders; calls arriving while another runs share its next transaction
        (`batching`), except a strict one (a person asking for one order, to hear why not)."""
        ids = list(order_ids)
        return self._allocate(ids, actor, strict=True) if strict else self._batches(ids, actor)

    def _allocate(self, ids: list[int], actor: str, *, strict: bool = False) -> AllocationReport:
        return self._reserving(
            lambda uow, now, optimistic: allocation.allocate(
                uow, ids, actor, now, strict=strict, optimistic=optimistic
            )
        )

    def start(self, order_ids: Iterable[int], actor: str) -> AllocationReport:
        """Approve accepted orders and allocate them, in one transaction (two events per order)."""
        return self._start(list(order_ids), actor, accepted_only=False)

    def _start(self, ids: list[int], actor: str, *, accepted_only: bool) -> AllocationReport:
        def step(uow: FulfilmentUnitOfWork, now: datetime, optimistic: bool) -> AllocationReport:
            orders = uow.fulfilment.orders(ids, lock=True)  # read and locked once for both steps
            if accepted_only:  # decided under the orders' locks, on this one read of them
                orders = [o for o in orders if o.state == OrderState.ACCEPTED]
            mine = [o.id for o in orders if o.id is not None]
            lifecycle.approve(uow, mine, self.policy, actor, now, strict=False, locked=orders, write=False)
            # each order's row written once, approved and allocated, by allocation's one statement
            with uow.fulfilment.deferring_states():
                return allocation.allocate(uow, mine, actor, now, optimistic=optimistic, locked=orders)

        return self._reserving(step)

    def _reserving(self, step: Callable[[FulfilmentUnitOfWork, datetime, bool], T]) -> T:
        """Run an allocating step with the stock read unlocked; if another transaction took the
        units meanwhile (nothing was committed), run it again with the stock rows locked."""
        try:
            return self.run(lambda uow, now: step(uow, now, True))
        except StockRace:
            log.info("stock taken meanwhile: allocating again under lock")
            return self.run(lambda uow, now: step(uow, now, False))

    def start_accepted(self, order_ids: Iterable[int], actor: str) -> AllocationReport:
        """`start` for those of the orders still merely accepted, told apart in the step itself (one
        read of the orders, under their locks, not one more read per order before it); a job
        delivered twice does nothing."""
        return self._start(list(order_ids), actor, accepted_only=True)

    def receive(
        self,
        sku: str,
        warehouse: str,
        location: str,
        quantity: Decimal,
        actor: str,
        reference: str | None = None,
    ) -> StockLevel:
        return self.run(
            lambda uow, now: allocation.receive(
                uow, sku, warehouse, location, quantity, actor, now, reference
            )
        )

    def adjust(
        self, sku: str, warehouse: str, location: str, delta: Decimal, actor: str, reason: str
    ) -> StockLevel:
        return self.run(
            lambda uow, now: allocation.adjust(uow, sku, warehouse, location, delta, actor, now, reason)
        )

    def load_setup(self, folder: Path, actor: str, *, stock: bool = True) -> list[LoadReport]:
        """Warehouses, shipping attributes, carrier tables and (optionally) opening stock from a folder."""
        return self.run(lambda uow, now: fulfilment_data.load_folder(uow, folder, actor, now, stock=stock))

    def serve_backorders(self, sku: str, actor: str = "system:backorders") -> AllocationReport:
        return self.run(lambda uow, now: allocation.serve_backorders(uow, sku, actor, now))

    # -- warehouse -----------------------------------------------------------------------------
    def release(self, order_ids: Iterable[int], actor: str, *, strict: bool = False) -> ReleaseReport:
        ids = list(order_ids)
        return self.run(lambda uow, now: warehouse.release(uow, ids, actor, now, strict=strict))

    def release_all(self, actor: str) -> ReleaseReport:
        """Release everything allocated and releasable: one wave, one pick list per warehouse."""
        with self.uow_factory() as uow:
            states = (OrderState.ALLOCATED, OrderState.BACKORDERED, OrderState.PARTIALLY_SHIPPED)
            ids = uow.fulfilment.order_ids_in(states)
        return self.release(ids, actor)

    def confirm_pick(self, pick_list_id: int, picked: Mapping[int, Decimal] | None, actor: str) -> PickReport:
        return self.run(lambda uow, now: warehouse.confirm_pick(uow, pick_list_id, picked, actor, now))

    def pack(
        self, order_id: int, warehouse_code: str, actor: str, weights: Sequence[Decimal] | None = None
    ) -> Shipment:
        return self.run(
            lambda uow, now: warehouse.pack_order(uow, order_id, warehouse_code, actor, now, weights)
        )

    def ship(self, shipment_id: int, actor: str, *, service: tuple[str, str] | None = None) -> Shipment:
        return self.run(
            lambda uow, now: shipping.ship(uow, shipment_id, self.carriers, actor, now, service=service)
        )

    def quotes(self, shipment_id: int) -> list[Quote]:
        with self.uow_factory() as uow:
            return shipping.quotes(uow, shipment_id, self.clock())

    def deliver(self, shipment_id: int, actor: str) -> Shipment:
        return self.run(lambda uow, now: shipping.deliver(uow, shipment_id, actor, now))

    # -- order steps ---------------------------------------------------------------------------
    def hold(self, order_id: int, reason: str, actor: str) -> Order:
        return self.run(lambda uow, now: lifecycle.hold(uow, order_id, reason, actor, now))

    def release_hold(self, order_id: int, actor: str) -> Order:
        return self.run(lambda uow, now: lifecycle.release_hold(uow, order_id, actor, now))

    def cancel(self, order_id: int, reason: str, actor: str) -> Order:
        return self.run(lambda uow, now: lifecycle.cancel(uow, order_id, reason, actor, now))

    def close(self, order_id: int, actor: str) -> Order:
        return self.run(lambda uow, now: lifecycle.close(uow, order_id, actor, now, self.close_gate))

    def modify(self, order_id: int, change: OrderChange, actor: str) -> dict[str, str]:
        return self.run(lambda uow, now: lifecycle.modify(uow, order_id, change, actor, now))

    # -- telling the customer ------------------------------------------------------------------
    def notify(self, order_id: int) -> RenderReport:
        """Render an order's pending notifications; a failed rendering is retried (TransientError)."""
        report = self.run(lambda uow, now: render_pending(uow, order_id, self.notifiers, now))
        if report.failed:
            raise TransientError(f"{report.failed} notification(s) of order {order_id} could not be rendered")
        return report

    def notify_each(self, order_ids: Iterable[int]) -> RenderReport:
        """`notify` for each order, each in its own transaction (a batch step's orders, one job): one
        order that cannot be told yet neither stops the others nor undoes them; the job is retried
        then, and what was rendered has nothing pending any more."""
        total, failed = RenderReport(), []
        for order_id in order_ids:
            try:
                report = self.notify(order_id)
            except Exception:  # the others go on; the job is retried below
                log.exception("notifications of order %s not rendered", order_id)
                failed.append(order_id)
                continue
            total = RenderReport(*(a + b for a, b in zip(astuple(total), astuple(report), strict=True)))
        if failed:
            raise TransientError(f"notifications of {len(failed)} order(s) not rendered: {failed[:20]}")
        return total

    def orders_to_notify(self) -> list[int]:
        with self.uow_factory() as uow:
            return uow.fulfilment.orders_with_pending_notifications()
