"""The reports on a small history made through the real services (tests/integration/reports_support),
each figure worked out by hand from the orders' lines, the sample costs and the dates; the summary
kept by events counts a replayed event once and equals a rebuild; exports read back with openpyxl."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from core.billing.services import books
from core.fulfilment.domain.events import ShipmentShipped
from core.reporting.adapters.export import to_csv, to_xlsx
from core.reporting.domain.reports import Period, Report
from oms.bootstrap import App
from oms.cli import main
from tests.conftest import DEMO_DAY, load_demo_master_data, make_app, make_user
from tests.integration.lifecycle_support import demo_orders, drain_all, set_up_shop, shipments
from tests.integration.reports_support import Clock, make_history
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def history(tmp_path: Path) -> Iterator[tuple[App, int, int]]:
    clock = Clock()
    app = make_app(tmp_path, clock=clock)
    load_demo_master_data(app)
    first, second = make_history(app, clock)
    yield app, first, second
    app.close()


def rows(report: Report, section: int = 0) -> dict[str, list[object]]:
    return {str(r[0]): r[1:] for r in report.sections[section].rows}


def run(app: App, name: str, period: Period = YEAR, by: str = "month") -> Report:
    return app.reporting.reports.run(name, period, by=by)


# order one: 250 x 0.18 + 250 x 0.05 + 4 x 3.90 = 45.00 + 12.50 + 15.60 = 73.10
#   cost 250 x 0.09 + 250 x 0.02 + 4 x 1.95 = 22.50 + 5.00 + 7.80 = 35.30
# order two: 6 x 12.80 + 24 x 4.20 = 76.80 + 100.80 = 177.60
#   cost 6 x 6.90 + 24 x 2.05 = 41.40 + 49.20 = 90.60
# together 250.70 at a cost of 125.90: margin 124.80, 124.80 / 250.70 = 49.78 %
def test_sales_by_customer_channel_period_and_product(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    whole = [2, 5, D(534), D("250.70"), D("125.90"), D("124.80"), D("49.8")]
    assert rows(run(app, "sales-customer")) == {"C-1001": whole}
    assert rows(run(app, "sales-channel")) == {"edi": whole}
    # a period of part of November and part of December reads days, not months
    assert rows(run(app, "sales-channel", Period(date(2026, 11, 20), date(2026, 12, 10)))) == {"edi": whole}
    assert rows(run(app, "sales-channel", Period(date(2026, 10, 1), date(2026, 11, 25)))) == {}
    assert rows(run(app, "sales-period")) == {"2026-11": whole}
    products = rows(run(app, "sales-product"))
    assert products["TOR-M8-40"] == [1, 1, D(250), D("45.00"), D("22.50"), D("22.50"), D("50.0")]
    assert products["SIL-TRA-300"] == [1, 1, D(24), D("100.80"), D("49.20"), D("51.60"), D("51.2")]
    assert next(iter(products)) == "SIL-TRA-300"  # biggest revenue first
    assert rows(run(app, "sales-customer", Period(date(2026, 12, 1), date(2026, 12, 31)))) == {}


def test_a_bar_leads_to_the_orders_behind_it(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    section = run(app, "sales-product").sections[0]
    link = dict(zip([r[0] for r in section.rows], section.links, strict=True))["TUE-M8"]
    assert link == "/orders?sku=TUE-M8&date_from=2026-01-01&date_to=2026-12-31"
    [(_, value, _)] = [p for p in section.chart() if p[0] == "TUE-M8"]
    assert value == D("12.50")


# both arrived Thursday 2026-11-26 09:30 UTC by EDI: 5 lines / 2 orders, 250.70 / 2 = 125.35 each
def test_order_profile(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    report = run(app, "profile")
    assert rows(report) == {"C-1001": [2, D("2.50"), D("125.35"), "Thu", "edi 100%"]}
    assert rows(report, 1)["Thu"] == [2] and rows(report, 1)["Mon"] == [0]
    assert rows(report, 2) == {"09": [2]}


# lead times 26 h and 11 days = 264 h: average 145.0 h; order two left 2026-12-07, after the 5th it
# was asked for: one of two on time; both shipped in full; no pick came up short
def test_service(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    report = run(app, "service")
    expected = [2, D("145.0"), D("50.0"), D("100.0"), D("50.0"), 0]
    assert rows(report) == {"C-1001": expected, "all": expected}
    assert sum(int(str(r[1])) for r in report.sections[1].rows) == 0  # nothing waits for stock


def test_carriers_add_up_the_shipments_as_stored(history: tuple[App, int, int]) -> None:
    app, first, second = history
    stored = shipments(app, first) + shipments(app, second)
    by_carrier: dict[str, list[Decimal]] = {}
    for s in stored:
        sums = by_carrier.setdefault(s.carrier or "?", [D(0)] * 4)
        sums[0] += 1
        sums[1] += len(s.parcels)
        sums[2] += s.weight_kg
        sums[3] += s.charge or D(0)
    report = rows(run(app, "carriers"))
    assert set(report) == set(by_carrier)
    for carrier, (count, parcels, kg, cost) in by_carrier.items():
        shipments_, orders, parcels_, kg_, cost_, per_order, per_kg, _ = report[carrier]
        assert (shipments_, parcels_, kg_, cost_) == (count, parcels, kg, cost.quantize(D("0.01")))
        assert orders == len({s.order_id for s in stored if (s.carrier or "?") == carrier})
        assert per_order == (cost / orders).quantize(D("0.01"))
        assert per_kg == (cost / kg).quantize(D("0.01"))
    zones = rows(run(app, "carriers"), 1)
    assert sum(int(str(z[0])) for z in zones.values()) == len(stored)


# 4 boxes of TAC-6 shipped, 1 came back: 25 %; the one reason has every returned unit
def test_returns_by_product_and_reason(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    report = run(app, "returns")
    assert rows(report)["TAC-6"] == [D(4), D(1), D("25.0")]
    assert rows(report)["TOR-M8-40"] == [D(250), D(0), D("0.0")]
    assert rows(report, 1) == {"caja rota": [1, D(1), D("100.0")]}


def test_capture_counts_touchless_orders(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    report = run(app, "capture")
    assert rows(report) == {"edi": [2, 2, D("100.0"), 0, None]}
    assert rows(report, 1) == {"C-1001": [2, 2, D("100.0"), 0, None]}


def test_receivables_are_the_books_ageing(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    report = run(app, "receivables", Period(date(2026, 1, 1), date(2027, 1, 31)))
    with app.uow() as uow:
        ageing = books.receivables(uow, date(2027, 1, 31))
    assert ageing, "the shipments were invoiced"
    expected = {
        a.party: [a.balance, *(a.buckets[b] for b in ("current", "1-30", "31-60", "61-90", "90+"))]
        for a in ageing
    }
    assert rows(report) == expected


def test_a_replayed_event_counts_once_and_a_rebuild_agrees(history: tuple[App, int, int]) -> None:
    app, first, _ = history
    before = {name: run(app, name).sections for name in ("sales-customer", "service", "carriers", "returns")}
    [shipment] = shipments(app, first)
    assert shipment.id is not None
    app.publish([ShipmentShipped(shipment.id, first), ShipmentShipped(shipment.id, first)])
    drain_all(app)
    assert app.reporting.upkeep.refresh([first]) == 0  # nothing left to change
    assert {name: run(app, name).sections for name in before} == before
    assert app.reporting.upkeep.rebuild() == 2
    assert {name: run(app, name).sections for name in before} == before


def test_exports_read_back(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    report = run(app, "sales-product")
    book = load_workbook(io.BytesIO(to_xlsx(report)))
    sheet = book[book.sheetnames[0]]
    values = list(sheet.iter_rows(values_only=True))
    assert values[1] == ("product", "orders", "lines", "quantity", "revenue", "cost", "margin", "margin %")
    tor = next(v for v in values if v[0] == "TOR-M8-40")
    assert tor[1:5] == (1, 1, 250, 45) and float(tor[6]) == 22.5
    text = to_csv(report).decode("utf-8")
    assert "TOR-M8-40,1,1,250,45.00,22.50,22.50,50.0" in text.splitlines()
    service = load_workbook(io.BytesIO(to_xlsx(run(app, "service"))))
    assert len(service.sheetnames) == 2  # the table and the backorders, a sheet each


def test_report_pages_draw_bars_that_lead_to_the_orders(history: tuple[App, int, int]) -> None:
    app, first, _ = history
    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app)}"})
    index = client.get("/reports")
    assert index.status_code == 200 and 'href="/reports/sales-product"' in index.text
    page = client.get("/reports/sales-product", params={"from": "2026-01-01", "to": "2026-12-31"})
    assert page.status_code == 200
    assert "<svg" in page.text and 'class="bar"' in page.text
    assert 'href="/orders?sku=TUE-M8&amp;date_from=2026-01-01&amp;date_to=2026-12-31"' in page.text
    assert not re.search(r"\sstyle\s*=", page.text) and "<script" not in page.text  # the CSP stays strict
    drilled = client.get(
        "/orders", params={"sku": "TUE-M8", "date_from": "2026-01-01", "date_to": "2026-12-31"}
    )
    assert f'href="/orders/{first}"' in drilled.text
    for name in ("profile", "service", "carriers", "returns", "capture", "receivables", "sales-period"):
        assert client.get(f"/reports/{name}").status_code == 200, name
    assert client.get("/reports/nonsense").status_code == 404
    assert (
        client.get("/reports/service", params={"from": "2026-12-31", "to": "2026-01-01"}).status_code == 422
    )


def test_export_downloads(history: tuple[App, int, int]) -> None:
    app, _, _ = history
    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app)}"})
    params = {"format": "xlsx", "from": "2026-01-01", "to": "2026-12-31"}
    xlsx = client.get("/reports/sales-customer/export", params=params)
    assert xlsx.status_code == 200
    assert "sales-customer_2026-01-01_2026-12-31.xlsx" in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert [c.value for c in sheet[3]][:2] == ["C-1001", 2]
    csv_text = client.get("/reports/sales-customer/export", params={**params, "format": "csv"}).text
    assert "C-1001,2,5,534,250.70,125.90,124.80,49.8" in csv_text.splitlines()


def test_the_command_line_writes_and_rebuilds(
    history: tuple[App, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("OMS_DATABASE_URL", raising=False)
    out = tmp_path / "returns.xlsx"
    assert main(["reports", "rebuild"]) == 0
    assert main(["reports", "returns", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Returns by product", "Returns by reason"]
    assert next(r for r in book.worksheets[0].iter_rows(values_only=True) if r[0] == "TAC-6") == (
        "TAC-6",
        4,
        1,
        25,
    )
    assert main(["reports", "service", "--from", "2026-12-01", "--to", "2026-11-01"]) == 2


def test_the_summary_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    clock = Clock()
    app = make_app(tmp_path, pg_url, clock=clock)
    try:
        load_demo_master_data(app)
        first, _ = make_history(app, clock)
        whole = [2, 5, D(534), D("250.70"), D("125.90"), D("124.80"), D("49.8")]
        assert rows(run(app, "sales-customer")) == {"C-1001": whole}
        service = [2, D("145.0"), D("50.0"), D("100.0"), D("50.0"), 0]
        assert rows(run(app, "service"))["all"] == service
        assert rows(run(app, "returns"))["TAC-6"] == [D(4), D(1), D("25.0")]
        [shipment] = shipments(app, first)
        assert shipment.id is not None
        app.publish([ShipmentShipped(shipment.id, first)])
        drain_all(app)
        assert app.reporting.upkeep.rebuild() == 2
        assert rows(run(app, "sales-customer")) == {"C-1001": whole}
        assert rows(run(app, "service"))["all"] == service
    finally:
        app.close()


def test_two_workers_refreshing_the_same_new_orders_count_them_once(tmp_path: Path, pg_url: str) -> None:
    app = make_app(tmp_path, pg_url, clock=Clock())
    try:
        load_demo_master_data(app)
        ids = demo_orders(app)
        with app.uow() as uow:
            uow.reporting.clear()  # as if the orders had never been counted
            uow.commit()
        start = threading.Barrier(4)
        errors: list[BaseException] = []

        def refresh() -> None:
            start.wait()
            try:
                app.reporting.upkeep.refresh(ids)
            except BaseException as exc:  # pragma: no cover - the assertion below shows it
                errors.append(exc)

        workers = [threading.Thread(target=refresh) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert errors == []
        assert rows(run(app, "sales-customer"))["C-1001"][:2] == [2, 5]
    finally:
        app.close()


def test_backorders_by_age(tmp_path: Path) -> None:
    _backorders_by_age(tmp_path, None)


def test_backorders_by_age_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    """PostgreSQL counts them by whole days waited in the database (`backorder_days`)."""
    _backorders_by_age(tmp_path, pg_url)


def _backorders_by_age(tmp_path: Path, database_url: str | None) -> None:
    clock = Clock()
    app = make_app(tmp_path, database_url, clock=clock)
    try:
        load_demo_master_data(app)
        set_up_shop(app, stock=False)
        first, second = demo_orders(app)
        app.lifecycle.service.start([first], "clerk")  # nothing on hand: it waits for stock
        clock.now = DEMO_DAY + timedelta(days=10)
        app.lifecycle.service.start([second], "clerk")
        ages = {str(r[0]): r[1] for r in run(app, "service").sections[1].rows}
        # the first has waited ten days, the second since now
        assert ages == {"0-2": 1, "3-7": 0, "8-14": 1, "15-30": 0, "31+": 0}
    finally:
        app.close()
