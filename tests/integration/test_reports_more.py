"""Sales by category, on-time pickup per carrier and clerks' corrections, on small histories made through
the real services; every figure worked out by hand from the orders' lines, the sample costs, the times
the test's clock gave and the fields the clerk changed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from core.capture.services import review
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import OrderState
from core.reporting.adapters.export import to_csv, to_xlsx
from core.reporting.domain.reports import Period, Report
from oms.bootstrap import App
from tests.conftest import load_demo_master_data, make_app, make_user
from tests.integration.billing_support import BILLING
from tests.integration.helpers import all_orders, ingest
from tests.integration.lifecycle_support import allocations, demo_orders, drain_all, set_up_shop, shipments
from tests.integration.reports_support import Clock
from tests.integration.test_replay_calibration import UNKNOWN_CODE
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
# "Tornillería" is kept upper-cased with its accent; SIL-TRA-300 and LLA-AJ-250 have no category
CATEGORIES = "sku,category\nTOR-M8-40,Tornillería\nTUE-M8,Tornillería\nTAC-6,Fijación\n"


def rows(report: Report, section: int = 0) -> dict[str, list[object]]:
    return {str(r[0]): r[1:] for r in report.sections[section].rows}


def run(app: App, name: str, period: Period = YEAR) -> Report:
    return app.reporting.reports.run(name, period)


def pack_then_ship(app: App, clock: Clock, order_id: int, packed: datetime, left: datetime) -> int:
    """Pick and pack at `packed`, hand the one shipment to the carrier at `left`."""
    svc = app.lifecycle.service
    clock.now = packed
    svc.start([order_id], "clerk")
    for pick_list in svc.release([order_id], "clerk", strict=True).pick_lists:
        svc.confirm_pick(pick_list, None, "picker")
    [warehouse] = sorted({a.warehouse for a in allocations(app, order_id)})
    shipment = svc.pack(order_id, warehouse, "packer")
    assert shipment.id is not None
    clock.now = left
    svc.ship(shipment.id, "dispatch")
    drain_all(app)
    return shipment.id


@pytest.fixture
def shipped(tmp_path: Path) -> Iterator[tuple[App, int, int]]:
    """The demo's two orders (arrived Thursday 2026-11-26 09:30) with categories loaded first.  Order one
    is packed that Thursday at 10:00, before the 15:00 cut-off, and the carrier takes it only on Friday
    at 09:00: late, 23 h after packing.  Order two is packed Friday 27th at 16:00, after the cut-off, so
    the carrier has until Monday 30th; it takes it Monday at 08:00: on time, 64 h after packing."""
    clock = Clock()
    app = make_app(tmp_path, clock=clock)
    load_demo_master_data(app)
    import_csv(app.uow(), "categories", CATEGORIES)
    app.billing.service.load_setup(BILLING, "test")
    set_up_shop(app)
    first, second = demo_orders(app)
    pack_then_ship(
        app, clock, first, datetime(2026, 11, 26, 10, 0, tzinfo=UTC), datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    )
    pack_then_ship(
        app,
        clock,
        second,
        datetime(2026, 11, 27, 16, 0, tzinfo=UTC),
        datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
    )
    yield app, first, second
    app.close()


# order one: TOR-M8-40 250 x 0.18 = 45.00 (cost 250 x 0.09 = 22.50), TUE-M8 250 x 0.05 = 12.50 (cost
#   250 x 0.02 = 5.00), both TORNILLERÍA: 57.50 at 27.50, margin 30.00 = 52.2 %;
#   TAC-6 4 x 3.90 = 15.60 (cost 4 x 1.95 = 7.80), FIJACIÓN: margin 7.80 = 50.0 %
# order two, no category: LLA-AJ-250 6 x 12.80 = 76.80 + SIL-TRA-300 24 x 4.20 = 100.80 = 177.60,
#   cost 41.40 + 49.20 = 90.60, margin 87.00 = 49.0 %
def test_sales_by_category(shipped: tuple[App, int, int]) -> None:
    app, first, _ = shipped
    report = run(app, "sales-category")
    assert rows(report) == {
        "?": [1, 2, D(30), D("177.60"), D("90.60"), D("87.00"), D("49.0")],
        "TORNILLERÍA": [1, 2, D(500), D("57.50"), D("27.50"), D("30.00"), D("52.2")],
        "FIJACIÓN": [1, 1, D(4), D("15.60"), D("7.80"), D("7.80"), D("50.0")],
    }
    assert [r[0] for r in report.sections[0].rows] == ["?", "TORNILLERÍA", "FIJACIÓN"]  # by revenue
    links = dict(zip([r[0] for r in report.sections[0].rows], report.sections[0].links, strict=True))
    assert links["?"] is None
    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app)}"})
    page = client.get("/reports/sales-category", params={"from": "2026-01-01", "to": "2026-12-31"})
    assert page.status_code == 200 and "<svg" in page.text and "TORNILLERÍA" in page.text
    drilled = client.get(str(links["FIJACIÓN"]))
    assert f'href="/orders/{first}"' in drilled.text
    api = client.get("/api/orders", params={"category": "TORNILLERÍA"}).json()
    assert [o["id"] for o in api["items"]] == [first]
    text = to_csv(report).decode("utf-8")
    assert "TORNILLERÍA,1,2,500,57.50,27.50,30.00,52.2" in text.splitlines()
    sheet = load_workbook(io.BytesIO(to_xlsx(report))).worksheets[0]
    values = {r[0]: r for r in sheet.iter_rows(values_only=True)}
    assert values["FIJACIÓN"][1:3] == (1, 1) and float(values["FIJACIÓN"][4]) == 15.6


def test_on_time_pickup_per_carrier(shipped: tuple[App, int, int]) -> None:
    app, first, second = shipped
    # (picked up on time, hours from packing to pickup) per shipment, from the times above
    by_order = {first: (0, D(23)), second: (1, D(64))}
    expected: dict[str, list[Decimal]] = {}
    for oid, (on_time, hours) in by_order.items():
        [stored] = shipments(app, oid)
        sums = expected.setdefault(stored.carrier or "?", [D(0)] * 3)
        sums[0] += 1
        sums[1] += on_time
        sums[2] += hours
    report = run(app, "carriers")
    assert report.sections[2].title == "On-time pickup by carrier"
    pickups = rows(report, 2)
    assert set(pickups) == set(expected)
    for carrier, (count, on_time, hours) in expected.items():
        assert pickups[carrier] == [
            int(count),
            int(on_time),
            (on_time * 100 / count).quantize(D("0.1")),
            (hours / count).quantize(D("0.1")),
        ]
    if len(expected) == 1:  # both with one carrier: one of two on time, (23 + 64) / 2 = 43.5 h
        assert next(iter(pickups.values())) == [2, 1, D("50.0"), D("43.5")]
    carrier = shipments(app, second)[0].carrier
    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app)}"})
    page = client.get("/reports/carriers", params={"from": "2026-01-01", "to": "2026-12-31"})
    assert page.status_code == 200 and "On-time pickup by carrier" in page.text
    found = client.get("/api/orders", params={"carrier": carrier}).json()
    assert second in [o["id"] for o in found["items"]]
    assert client.get("/api/orders", params={"carrier": "NOBODY"}).json()["items"] == []
    book = load_workbook(io.BytesIO(to_xlsx(report)))
    assert book.sheetnames[2] == "On-time pickup by carrier"


NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def corrected(tmp_path: Path) -> Iterator[tuple[App, int, int]]:
    """The demo interchange with an item code nobody knows on the first order's second line: that order
    waits for a clerk, who sets the line's SKU and its quantity (250 -> 300) and, saving again, the PO
    number: three fields changed; then approves it.  The second order is accepted untouched."""
    app = make_app(tmp_path, clock=lambda: NOW)
    load_demo_master_data(app)
    ingest(app, UNKNOWN_CODE)
    [waiting] = [o for o in all_orders(app) if o.state is OrderState.IN_REVIEW]
    [untouched] = [o for o in all_orders(app) if o.id != waiting.id]
    assert waiting.id is not None and untouched.id is not None
    make_user(app, "ana")
    with app.uow() as uow:
        user = uow.users.by_name("ana")
        assert user is not None
    review.acquire(app.uow(), waiting.id, user, NOW)
    positions = [line.position for line in waiting.lines]
    edits = [review.LineEdit(p, {"sku": "TUE-M8", "quantity": "300"} if p == 2 else {}) for p in positions]
    review.save(app.uow(), waiting.id, user, NOW, {}, edits, app.validate)
    kept = [review.LineEdit(p, {}) for p in positions]  # every line kept as it is
    review.save(app.uow(), waiting.id, user, NOW, {"po_number": "PO-2026-00123-B"}, kept, app.validate)
    uow = app.uow()
    review.approve(uow, waiting.id, user, NOW, app.answer)
    app.publish(uow.collect_events())  # as the review page does: the approval refreshes the summary
    drain_all(app)
    yield app, waiting.id, untouched.id
    app.close()


# one order reviewed and corrected with 3 field edits: 100 % corrected, 3.0 edits per corrected order;
# the other was touchless and is no review at all
def test_field_edits_per_corrected_order(corrected: tuple[App, int, int]) -> None:
    app, fixed, untouched = corrected
    report = run(app, "capture")
    titles = [s.title for s in report.sections]
    titles_wanted = ["Corrections by channel", "Corrections by customer", "Corrections by document format"]
    assert titles[3:] == titles_wanted
    # saved through the service without a count of keys: none counted, no keystrokes per order
    assert rows(report, 3) == {"edi": [1, 1, D("100.0"), 3, D("3.0"), 0, None]}
    assert rows(report, 4) == {"C-1001": [1, 1, D("100.0"), 3, D("3.0"), 0, None]}
    assert rows(report, 5) == {"edifact": [1, 1, D("100.0"), 3, D("3.0"), 0, None]}
    assert rows(report) == {"edi": [2, 1, D("50.0"), 1, D("0.0")]}  # approved the minute it arrived
    link = report.sections[3].links[0]
    assert link == "/orders?corrected=1&channel=edi&date_from=2026-01-01&date_to=2026-12-31"
    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app, 'bea')}"})
    drilled = client.get(link)
    assert f'href="/orders/{fixed}"' in drilled.text and f'href="/orders/{untouched}"' not in drilled.text
    not_corrected = client.get("/api/orders", params={"corrected": "0"}).json()
    assert [o["id"] for o in not_corrected["items"]] == [untouched]
    # a rebuild counts the same
    assert app.reporting.upkeep.rebuild() == 2
    assert rows(run(app, "capture"), 3) == {"edi": [1, 1, D("100.0"), 3, D("3.0"), 0, None]}


def test_new_figures_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    clock = Clock()
    app = make_app(tmp_path, pg_url, clock=clock)
    try:
        load_demo_master_data(app)
        import_csv(app.uow(), "categories", CATEGORIES)
        app.billing.service.load_setup(BILLING, "test")  # the standard costs
        set_up_shop(app)
        first, _ = demo_orders(app)
        pack_then_ship(
            app,
            clock,
            first,
            datetime(2026, 11, 26, 10, 0, tzinfo=UTC),
            datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
        )
        categories = rows(run(app, "sales-category"))
        assert categories["TORNILLERÍA"] == [1, 2, D(500), D("57.50"), D("27.50"), D("30.00"), D("52.2")]
        assert [r[1:] for r in run(app, "carriers").sections[2].rows] == [[1, 0, D("0.0"), D("23.0")]]
        assert app.reporting.upkeep.rebuild() == 2
        assert rows(run(app, "sales-category"))["FIJACIÓN"][:2] == [1, 1]
    finally:
        app.close()


def test_forecast_history_by_zone_and_by_the_customers_own_group(shipped: tuple[App, int, int]) -> None:
    """Shipping splits by the zone each shipment was charged in; order volume by the customer's group
    where the terms give one, and by country (Spain: "nacional") for a customer in none."""
    from core.forecasting.adapters.history import HistoryReader

    app, first, second = shipped
    reader = HistoryReader(app.engine)
    zones = sorted(key for _, key, _ in reader.shipments("zone"))
    assert zones == sorted(str(s.zone) for oid in (first, second) for s in shipments(app, oid))
    assert all(z != "?" for z in zones)
    assert {key for _, key, _ in reader.orders("group")} == {"nacional"}  # C-1001 is in Spain, no group
    import_csv(app.uow(), "customer-groups", "customer_id,group\nC-1001,Ferreterías\n")
    assert [key for _, key, _ in reader.orders("group")] == ["FERRETERÍAS", "FERRETERÍAS"]
