"""`oms reports rebuild` on PostgreSQL runs as set-based SQL (core/reporting/adapters/rebuild_sql.py);
it must give exactly what the order-by-order Python path gives: the same daily and monthly sums and the
same stored contribution per order, so that later refreshes take off what was put on.  The history has
every kind of figure: sales with and without costs and categories, shipments packed and taken at
different times, a return, an order a clerk corrected and one still waiting in review."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.capture.services import review
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import OrderState
from core.reporting.adapters.orm import report_daily, report_monthly, report_order_facts
from core.reporting.domain.facts import decode
from core.reporting.domain.reports import Period
from oms.bootstrap import App
from tests.conftest import DEMO_DAY, load_demo_master_data, make_app, make_user
from tests.integration.helpers import all_orders, ingest
from tests.integration.lifecycle_support import drain_all
from tests.integration.reports_support import Clock, make_history
from tests.integration.test_replay_calibration import UNKNOWN_CODE
from tests.integration.test_reports_more import CATEGORIES

D = Decimal


def snapshot(app: App) -> tuple[Any, Any, Any]:
    with app.uow() as uow:
        run = uow.session.execute
        daily = {tuple(r) for r in run(select(report_daily)).all()}
        monthly = {tuple(r) for r in run(select(report_monthly)).all()}
        facts = {
            oid: decode(c)
            for oid, c in run(select(report_order_facts.c.order_id, report_order_facts.c.contribution))
        }
    return daily, monthly, facts


def test_the_set_based_rebuild_equals_the_order_by_order_one(tmp_path: Path, pg_url: str) -> None:
    clock = Clock()
    app = make_app(tmp_path, pg_url, clock=clock)
    try:
        load_demo_master_data(app)
        import_csv(app.uow(), "categories", CATEGORIES)
        make_history(app, clock)
        clock.now = DEMO_DAY + timedelta(days=2, hours=8)  # a Saturday, 17:30 UTC
        # the same interchange as a new one (another reference and PO numbers), with an unknown item code
        ingest(app, UNKNOWN_CODE.replace(b"+100001+", b"+100077+").replace(b"PO-2026-001", b"PO-2026-091"))
        waiting = [o for o in all_orders(app) if o.state is OrderState.IN_REVIEW]
        assert waiting and waiting[0].id is not None
        fixed = waiting[0].id
        make_user(app, "ana")
        with app.uow() as uow:
            user = uow.users.by_name("ana")
            assert user is not None
        now = clock.now + timedelta(minutes=7)
        review.acquire(app.uow(), fixed, user, now)
        lines = [
            review.LineEdit(line.position, {"sku": "TUE-M8"} if line.position == 2 else {})
            for line in waiting[0].lines
        ]
        # 19 keys pressed for the save, 1 more (Ctrl+Enter) for the approval
        review.save(app.uow(), fixed, user, now, {"po_number": "PO-FIXED-1"}, lines, app.validate, 19)
        uow = app.uow()
        review.approve(uow, fixed, user, now, app.answer, 1)
        app.publish(uow.collect_events())
        drain_all(app)

        by_events = snapshot(app)
        assert app.reporting.upkeep.rebuild(per_order=True) == len(all_orders(app))
        in_python = snapshot(app)
        assert app.reporting.upkeep.rebuild() == len(all_orders(app))
        in_sql = snapshot(app)
        assert in_sql[0] == in_python[0]  # daily sums, row for row
        assert in_sql[1] == in_python[1]  # monthly sums
        assert in_sql[2] == in_python[2]  # what each order added
        assert in_python == by_events
        assert app.reporting.upkeep.refresh([o.id for o in all_orders(app) if o.id]) == 0
        # the history reaches every new figure, so the equality above covers them
        measures = [c.name for c in report_daily.columns]
        rows = [dict(zip(measures, r, strict=True)) for r in in_sql[0]]
        assert {r["key"] for r in rows if r["dim"] == "category"} == {"TORNILLERÍA", "FIJACIÓN", "?"}
        assert sum(r["field_edits"] for r in rows if r["dim"] == "capture_channel") >= 2  # PO and SKU
        capture = [r for r in rows if r["dim"] == "capture_channel"]
        assert sum(r["keystrokes"] for r in capture) == 20 and sum(r["keyed"] for r in capture) == 1
        assert (
            sum(r["pickup_hours"] for r in rows if r["dim"] == "carrier") == 0
        )  # packed, then taken at once
        assert sum(r["pickups_on_time"] for r in rows if r["dim"] == "carrier") == 2
        assert sum(r["returned_qty"] for r in rows if r["dim"] == "return_reason") == 1
        # and one figure by hand: the two demo orders, 250.70 at a cost of 125.90, on the day they arrived
        day = Period(date(2026, 11, 26), date(2026, 11, 26))
        sales = app.reporting.reports.run("sales-period", day, by="day")
        assert sales.sections[0].rows[0][4:6] == [D("250.70"), D("125.90")]
    finally:
        app.close()
