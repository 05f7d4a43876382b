"""`GET /api/forecasts/workload` and /forecasts/workload on an app whose SLA comes from the environment
(OMS_REVIEW_SLA_MINUTES, OMS_REVIEW_SLA_SHARE, OMS_REVIEW_HANDLE_MINUTES), and their defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from oms.bootstrap import bootstrap
from oms.settings import Settings
from tests.conftest import fixed_clock, make_app, make_user
from web.app import create_app

pytestmark = pytest.mark.integration


def test_the_sla_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("OMS_REVIEW_SLA_MINUTES", "10")
    monkeypatch.setenv("OMS_REVIEW_SLA_SHARE", "0.9")
    monkeypatch.setenv("OMS_REVIEW_HANDLE_MINUTES", "6.5")
    app = bootstrap(Settings(), clock=fixed_clock)
    try:
        app.upgrade_database()
        token = make_user(app)
        client = TestClient(create_app(app, clock=fixed_clock))
        body = client.get("/api/forecasts/workload", headers={"Authorization": f"Bearer {token}"}).json()
        page = client.get("/forecasts/workload", headers={"Authorization": f"Bearer {token}"})
    finally:
        app.close()
    assert body["sla"] == {"wait_minutes": 10, "share": 0.9, "handle_minutes": 6.5, "handle_basis": "set"}
    # an empty queue's history: nothing to forecast, so no hours and no clerks
    assert body["offered"] is False and body["hours"] == [] and body["back_test"] is None
    assert "no orders went to the review queue" in body["verdict"]
    assert page.status_code == 200 and "90 % of the" in page.text and "within 10 minutes" in page.text


def test_defaults_and_bad_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, clock=fixed_clock)
    try:
        token = make_user(app)
        client = TestClient(create_app(app, clock=fixed_clock))
        body = client.get("/api/forecasts/workload", headers={"Authorization": f"Bearer {token}"}).json()
        unsigned = client.get("/api/forecasts/workload")
    finally:
        app.close()
    assert body["sla"]["wait_minutes"] == 15 and body["sla"]["share"] == 0.8
    assert body["sla"]["handle_minutes"] == 4 and "no corrected orders" in body["sla"]["handle_basis"]
    assert unsigned.status_code == 401
    monkeypatch.setenv("OMS_REVIEW_SLA_SHARE", "1.5")  # a share is below 1
    with pytest.raises(ValueError, match="review_sla_share"):
        Settings()


def test_handle_minutes_are_measured_on_corrected_orders(tmp_path: Path) -> None:
    """The demo interchange's first order has an item code nobody knows: it waits for a clerk, who
    sets the SKU and approves it 7 minutes after it arrived. The reader finds those 7 minutes on the
    real tables (arrival of the order, the clerk's first approval in the audit trail)."""
    from datetime import timedelta

    from core.capture.services import review
    from core.forecasting.adapters.history import HistoryReader
    from core.forecasting.services import forecasts as fc
    from core.kernel.domain.model import OrderState
    from tests.conftest import load_demo_master_data
    from tests.integration.helpers import all_orders, ingest
    from tests.integration.test_review import UNKNOWN_CODE

    now = [fixed_clock()]
    app = make_app(tmp_path, clock=lambda: now[0])
    try:
        load_demo_master_data(app)
        ingest(app, UNKNOWN_CODE)
        [waiting] = [o for o in all_orders(app) if o.state is OrderState.IN_REVIEW]
        assert waiting.id is not None and waiting.created_at is not None
        make_user(app, "ana")
        with app.uow() as uow:
            user = uow.users.by_name("ana")
        assert user is not None
        approved = waiting.created_at + timedelta(minutes=7)
        positions = [line.position for line in waiting.lines]
        edits = [review.LineEdit(p, {"sku": "TUE-M8"} if p == 2 else {}) for p in positions]
        review.acquire(app.uow(), waiting.id, user, approved)
        review.save(app.uow(), waiting.id, user, approved, {}, edits, app.validate)
        review.approve(app.uow(), waiting.id, user, approved, app.answer)
        reader = HistoryReader(app.engine)
        later = approved + timedelta(days=1)
        taken = reader.review_handle_minutes(later - timedelta(weeks=12))
        sla = fc.review_sla(reader, later)
        too_old = reader.review_handle_minutes(later + timedelta(days=1))
    finally:
        app.close()
    assert taken == [pytest.approx(7.0)]
    assert sla.handle_minutes == pytest.approx(7.0) and sla.basis.startswith("median of 1 corrected order")
    assert too_old == []  # only orders that arrived in the window count
