"""Refreshes deferred for a bulk run (`Upkeep.deferred`, what `oms demo history` uses): while the block
runs the summary is left alone; when it ends every order noted is refreshed once, and the summary is the
one the event-by-event refreshes give."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from core.reporting.adapters.orm import report_daily, report_order_facts
from core.reporting.domain.reports import Period
from tests.conftest import load_demo_master_data, make_app
from tests.integration.reports_support import Clock, make_history
from tests.integration.test_reports_rebuild import snapshot

D = Decimal
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def _counted(app: object) -> int:
    with app.uow() as uow:  # type: ignore[attr-defined]
        run = uow.session.execute
        return int(run(select(func.count()).select_from(report_daily)).scalar_one()) + int(
            run(select(func.count()).select_from(report_order_facts)).scalar_one()
        )


def test_deferred_refreshes_give_the_event_by_event_summary(tmp_path: Path) -> None:
    clock = Clock()
    live = make_app(tmp_path / "live", clock=clock)
    try:
        load_demo_master_data(live)
        make_history(live, clock)
        expected = snapshot(live)
    finally:
        live.close()

    clock = Clock()
    bulk = make_app(tmp_path / "bulk", clock=clock)
    try:
        load_demo_master_data(bulk)
        with bulk.reporting.upkeep.deferred():
            make_history(bulk, clock)
            assert _counted(bulk) == 0  # nothing summed while the run goes on
        assert snapshot(bulk) == expected
        with bulk.uow() as uow:
            sums = uow.reporting.sums("all", NOVEMBER, ("orders", "revenue", "returned_qty"))[""]
        # PO-2026-00123: 250 x 0.18 + 250 x 0.05 + 4 x 3.90 = 73.10; PO-2026-00124: 6 x 12.80 + 24 x 4.20
        # = 177.60; both arrived on 2026-11-26
        assert sums["orders"] == 2
        assert sums["revenue"] == D("73.10") + D("177.60")
        with bulk.uow() as uow:
            by_product = uow.reporting.sums("product", NOVEMBER, ("returned_qty",))
        assert by_product["TAC-6"]["returned_qty"] == 1  # one box of wall plugs came back
        # refreshes follow events again after the block
        assert bulk.reporting.upkeep.refresh([1, 2]) == 0  # nothing left to change
    finally:
        bulk.close()


def test_a_deferred_document_refresh_reads_nothing_until_the_end(tmp_path: Path) -> None:
    """A bulk run refreshes each document's orders once at the end: noting a document reads nothing
    (two years of demo history noted thousands, each a query), and its orders are summed at the end."""
    from sqlalchemy import event

    from samples.lifecycle_gen import make_orders
    from tests.conftest import fixed_clock

    app = make_app(tmp_path, clock=fixed_clock)
    try:
        load_demo_master_data(app)
        with app.uow() as uow:
            make_orders(uow, [[("TAC-6", D(2))], [("TUE-M8", D(10))]], fixed_clock(), tag="noted")
            [doc_id] = {o.document_id for o in uow.orders.list()}  # both under one placeholder document
            uow.commit()
        statements: list[str] = []

        def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
            statements.append(statement)

        upkeep = app.reporting.upkeep
        with upkeep.deferred():
            event.listen(app.engine, "before_cursor_execute", seen)
            try:
                assert upkeep.refresh_document(doc_id) == 0
            finally:
                event.remove(app.engine, "before_cursor_execute", seen)
            assert statements == []
            assert _counted(app) == 0
        assert _counted(app) > 0  # the document's two orders were summed when the block ended
    finally:
        app.close()
