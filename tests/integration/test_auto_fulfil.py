"""With OMS_AUTO_FULFIL, an accepted order goes on to approval and allocation by itself."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import event

from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from oms.settings import Settings
from samples.lifecycle_gen import make_orders
from tests.conftest import SAMPLES, fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import arrive, orders_of
from tests.integration.lifecycle_support import drain_all, events, set_up_shop, state

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


def shop(tmp_path: Path, auto: bool) -> App:
    app = make_app(tmp_path, clock=fixed_clock, auto_fulfil=auto)
    load_demo_master_data(app)
    set_up_shop(app)
    return app


def test_accepted_orders_are_allocated_without_anyone_asking(tmp_path: Path) -> None:
    app = shop(tmp_path, auto=True)
    doc = arrive(app, DEMO)
    drain_all(app)
    ids = [o.id for o in orders_of(app, doc) if o.id is not None]
    assert [state(app, i) for i in ids] == ["allocated", "allocated"]
    app.jobs.send("start_orders", ids)  # the same job again changes nothing
    drain_all(app)
    assert [state(app, i) for i in ids] == ["allocated", "allocated"]
    app.close()


def test_by_default_accepted_orders_wait_for_a_person(tmp_path: Path) -> None:
    app = shop(tmp_path, auto=False)
    doc = arrive(app, DEMO)
    drain_all(app)
    assert [state(app, o.id) for o in orders_of(app, doc) if o.id is not None] == ["accepted", "accepted"]
    app.close()


def test_the_setting_is_read_from_the_environment() -> None:
    assert Settings.from_env({"OMS_AUTO_FULFIL": "1"}).auto_fulfil is True
    assert Settings.from_env({}).auto_fulfil is False


def test_the_job_starts_only_the_orders_still_accepted_reading_them_once(tmp_path: Path) -> None:
    app = shop(tmp_path, auto=False)
    with app.uow() as uow:
        specs = [[("TOR-M8-40", Decimal(2))], [("TUE-M8", Decimal(5))], [("ARA-M8", Decimal(1))]]
        ids = make_orders(uow, specs, fixed_clock(), state=OrderState.ACCEPTED, tag="job")
        uow.commit()
    app.lifecycle.service.start(ids[:1], "clerk")  # one was started by hand before the job ran
    reads: list[str] = []

    @event.listens_for(app.engine, "before_cursor_execute")
    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().startswith("SELECT orders."):
            reads.append(statement)

    app.lifecycle.service.start_accepted(ids, "system")
    assert len(reads) == 1  # the orders are read once, under their locks, for the whole job
    assert [state(app, i) for i in ids] == ["allocated"] * 3
    steps = [("approve", "accepted", "approved"), ("allocate", "approved", "allocated")]
    assert [events(app, i) for i in ids] == [steps] * 3  # the first not started twice
    app.close()
