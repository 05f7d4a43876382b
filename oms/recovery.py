"""What the periodic sweep and a worker's start-up queue again (`App.requeue_unfinished`): the work the
database says is unfinished that the queue may have lost, and the lifecycle's, billing's and
purchasing's steps left undone."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from core.capture.adapters.reading_claims import ReadingClaims
from core.capture.domain.documents import DocumentState
from core.capture.domain.events import DocumentStored
from core.kernel.domain.events import AnswersDrafted, AnswersQueued, MessageQueued
from core.unit_of_work import UnitOfWork
from oms.billing import Billing
from oms.lifecycle import Lifecycle
from oms.purchasing import Purchasing
from oms.settings import Settings
from oms.tasks import Jobs
from outbound.spool import sweep_leftovers

# Work left unfinished longer than this is queued again by the periodic sweep: a stored document never
# taken (its job may never have been queued), then, once queued again, only this much later (a backlog
# waiting behind other jobs is not a lost job); a document taken and neither finished nor held by a live
# worker (the broker redelivers a dead worker's jobs itself; this is for what it lost).
STALE_RECEIVED = timedelta(seconds=5)
REQUEUED_RECEIVED = timedelta(minutes=5)
STALE_PROCESSING = timedelta(minutes=10)
# a draft's render job not done this long after it was queued is presumed lost (a job merely waiting
# behind others under load must not be queued twice: each copy would wait, then find nothing to do)
RENDER_LEASE = timedelta(minutes=10)


class Swept(Protocol):
    """What of the wired app (`oms.bootstrap.App`) the sweep uses, looked up when it runs."""

    @property
    def settings(self) -> Settings: ...
    @property
    def claims(self) -> ReadingClaims: ...
    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def jobs(self) -> Jobs: ...
    @property
    def billing(self) -> Billing: ...
    @property
    def lifecycle(self) -> Lifecycle: ...
    @property
    def purchasing(self) -> Purchasing: ...

    def uow(self) -> UnitOfWork: ...

    def publish(self, events: list[object]) -> None: ...

    def run_jobs(self) -> None: ...


def requeue_unfinished(app: Swept, *, everything: bool = False) -> int:
    """Queue again what the database says is unfinished; at start-up, what the queue may have lost.

    A document a live worker is reading (in any process, `claims`) is never queued again. At
    start-up on the in-process queue every other unfinished document is (the queue died with the
    process). On a broker the waiting jobs are still there: start-up queues again only what dead
    workers were reading, and what has waited past the sweep's limits."""
    now = app.clock()
    if everything:  # start-up: half-written answers a killed worker left (the rows still say pending)
        sweep_leftovers(app.settings.outbox, time.time())  # file times are the wall clock
    lost_queue = everything and app.settings.embedded
    with app.uow() as uow:
        if lost_queue:
            docs = uow.documents.unfinished_ids()
            received: list[int] = []
        else:
            since = None if everything else now - STALE_PROCESSING
            docs = uow.documents.unfinished_ids(since, [DocumentState.PROCESSING])
            received = uow.documents.received_to_queue_again(
                now - STALE_RECEIVED, now - REQUEUED_RECEIVED, now
            )
        held = app.claims.held(docs)
        docs = sorted({d for d in docs if d not in held} | set(received))
        answers = uow.outbound.documents_with_pending()
        loose = uow.outbound.loose_pending()
        drafts = uow.outbound.claim_lost_drafts(None if everything else now - RENDER_LEASE, now)
        uow.commit()  # stamps first: a sweep dying here delays a lost job by a lease, never doubles it
    app.publish(
        [DocumentStored(d) for d in docs]
        + [AnswersQueued(d) for d in answers]
        + [AnswersDrafted(d) for d in drafts]
        + [MessageQueued(m) for m in loose]
    )
    return len(docs) + len(answers) + len(drafts) + len(loose) + _requeue_lifecycle_and_billing(app)


def release_held_notices(app: Swept) -> int:
    """Queue again every order with customer or billing notices still pending (those held for a
    partner now configured among them; rendering is idempotent, so the others lose nothing)."""
    _, orders, _ = app.billing.service.unfinished()
    queued = app.jobs.send_each("notify_order", app.lifecycle.service.orders_to_notify())
    queued += app.jobs.send_each("render_billing_notices", orders)
    app.run_jobs()
    return queued


def _requeue_lifecycle_and_billing(app: Swept) -> int:
    """Queue again notifications and notices not rendered, processor calls, shipments not invoiced."""
    calls, orders, shipments = app.billing.service.unfinished()
    return (
        app.jobs.send_each("notify_order", app.lifecycle.service.orders_to_notify())
        + app.jobs.send_each("execute_payment", calls)
        + app.jobs.send_each("render_billing_notices", orders)
        + app.jobs.send_each("invoice_shipment", shipments)
        + app.jobs.send_each("send_purchase_order", app.purchasing.service.waiting_to_send())
    )
