"""A small history for the reports' tests, made through the real services: the demo interchange's two
orders of Ferretería Núñez (C-1001) with the sample standard costs, shipped a day and eleven days
after they arrived, and one box of wall plugs returned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from core.billing.domain.returns import Receipt, Resolution
from oms.bootstrap import App
from tests.conftest import DEMO_DAY
from tests.integration.billing_support import BILLING
from tests.integration.lifecycle_support import allocations, demo_orders, drain_all, set_up_shop

D = Decimal


@dataclass
class Clock:
    """A clock the test moves on."""

    now: datetime = DEMO_DAY

    def __call__(self) -> datetime:
        return self.now


def ship(app: App, order_id: int) -> list[int]:
    svc = app.lifecycle.service
    svc.start([order_id], "clerk")
    for pick_list in svc.release([order_id], "clerk", strict=True).pick_lists:
        svc.confirm_pick(pick_list, None, "picker")
    shipped = []
    for warehouse in sorted({a.warehouse for a in allocations(app, order_id)}):
        shipment = svc.pack(order_id, warehouse, "packer")
        assert shipment.id is not None
        svc.ship(shipment.id, "dispatch")
        shipped.append(shipment.id)
    drain_all(app)
    return shipped


def make_history(app: App, clock: Clock) -> tuple[int, int]:
    """Order one (PO-2026-00123: 250 TOR-M8-40 at 0.18, 250 TUE-M8 at 0.05, 4 CT TAC-6 at 3.90; asked
    for 2026-12-03) ships 26 h after arriving; order two (PO-2026-00124: 6 LLA-AJ-250 at 12.80, 24
    SIL-TRA-300 at 4.20; asked for 2026-12-05) ships on 2026-12-07, late; one box of TAC-6 comes back
    ("caja rota")."""
    app.billing.service.load_setup(BILLING, "test")
    set_up_shop(app)
    first, second = demo_orders(app)
    clock.now = DEMO_DAY + timedelta(hours=26)
    ship(app, first)
    clock.now = datetime(2026, 12, 7, 9, 30, tzinfo=DEMO_DAY.tzinfo)
    ship(app, second)
    rma = app.billing.service.authorise_return(first, {3: D(1)}, "caja rota", Resolution.REFUND, "clerk")
    assert rma.id is not None
    app.billing.service.receive_return(rma.id, [Receipt(3, D(1))], "almacén")
    drain_all(app)
    return first, second
