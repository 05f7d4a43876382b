"""With OMS_AUTO_FULFIL, an accepted order goes on to approval and allocation by itself."""

from __future__ import annotations

from pathlib import Path

from oms.bootstrap import App
from oms.settings import Settings
from tests.conftest import SAMPLES, fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import arrive, orders_of
from tests.integration.lifecycle_support import drain_all, set_up_shop, state

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
