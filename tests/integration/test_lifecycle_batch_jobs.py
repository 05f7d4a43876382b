"""A batch step's follow-up work goes in one job per kind, naming every order (`notify_orders`,
`refresh_reports`), and reaches every order of the batch: each customer is told once and each order
is counted in the reporting summary, as one job per order did. An order whose notice cannot be
rendered yet holds up no other, and its job is tried again until it is told.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.fulfilment.domain.notifications import CustomerNotice, NoticeKind
from core.fulfilment.services.notifications import Notifier
from core.kernel.domain.model import OrderState, OutboundMessage
from core.kernel.domain.notices import NotificationState
from core.kernel.errors import TransientError
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.lifecycle_support import drain_all, notifications, set_up_shop, state

pytestmark = pytest.mark.integration
D = Decimal

# twelve orders of two customers, every line in the demo stock
SPECS = [[("TOR-M8-40", D(1 + i % 3)), ("TUE-M8", D(2))] for i in range(8)] + [[("ARA-M8", D(4))]] * 4


@pytest.fixture
def shop(tmp_path: Path, pg_url: str) -> Iterator[App]:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    set_up_shop(app)
    yield app
    app.close()


def accepted(app: App) -> list[int]:
    with app.uow() as uow:
        ids = make_orders(uow, SPECS[:8], fixed_clock(), state=OrderState.ACCEPTED, tag="spain")
        ids += make_orders(
            uow, SPECS[8:], fixed_clock(), state=OrderState.ACCEPTED, customer_id="C-2001", tag="uk"
        )
        uow.commit()
    return ids


def recording(app: App) -> list[tuple[str, Any]]:
    sent: list[tuple[str, Any]] = []
    send = app.jobs.send

    def record(name: str, ident: Any) -> None:
        sent.append((name, ident))
        send(name, ident)

    app.jobs.send = record  # type: ignore[method-assign]
    return sent


def counted(app: App) -> set[int]:
    with app.engine.connect() as conn:
        return set(conn.execute(text("SELECT order_id FROM report_order_facts")).scalars())


def test_every_order_of_a_batch_is_told_and_counted_by_one_job_of_each_kind(shop: App) -> None:
    ids = accepted(shop)
    sent = recording(shop)
    shop.lifecycle.service.start(ids, "clerk")
    shop.lifecycle.service.release(ids, "clerk")
    assert sorted((name, sorted(which)) for name, which in sent) == [
        ("notify_orders", sorted(ids)),
        ("refresh_reports", sorted(ids)),
    ]
    drain_all(shop)
    for order_id in ids:
        assert state(shop, order_id) == "released"
        [told] = notifications(shop, order_id)  # accepted: the only step the customer is told of here
        assert (told.kind, told.state) == (NoticeKind.ACCEPTED, NotificationState.QUEUED)
        assert told.outbound_id is not None
    assert counted(shop) == set(ids)


class FailsFor:
    """The real notifier, but rendering one order's notice fails until `healed`."""

    def __init__(self, real: Notifier, order_id: int) -> None:
        self.real, self.order_id, self.healed = real, order_id, False

    def compose(self, notice: CustomerNotice, now: datetime) -> OutboundMessage | None:
        if notice.order.id == self.order_id and not self.healed:
            raise OSError("the template could not be read")
        return self.real.compose(notice, now)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_an_order_that_cannot_be_told_yet_holds_up_no_other_and_is_told_when_tried_again(
    shop: App,
) -> None:
    ids = accepted(shop)
    shop.lifecycle.service.start(ids, "clerk")
    svc = shop.lifecycle.service
    flaky = FailsFor(svc.notifiers["email"], ids[3])
    service = dataclasses.replace(svc, notifiers={**svc.notifiers, "email": flaky})
    with pytest.raises(TransientError):
        service.notify_each(ids)  # the job: retried by the worker
    pending = [i for i in ids if notifications(shop, i)[0].state is NotificationState.PENDING]
    assert pending == [ids[3]]
    flaky.healed = True
    report = service.notify_each(ids)  # the retry renders what is left, and nothing twice
    assert (report.queued, report.failed) == (1, 0)
    assert all(notifications(shop, i)[0].state is NotificationState.QUEUED for i in ids)
