"""`oms demo history` on a short run (December 2026 to February 2027 at a third of the usual rate),
and what is built on it: `oms forecast`, the /forecasts page, and scheduled reports by e-mail.

What the history promises, written out: orders arrive only on working days (never on a Saturday,
a Sunday or a Spanish national holiday: 8 and 25 December, 1 and 6 January), each dated the day it
arrived (in the past, not today); December's Christmas trade (until the 20th) beats February;
orders are shipped and delivered, customers on EDI and e-mail both order, and the same seed makes
the same plan."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from core.fulfilment.adapters.orm import shipments
from core.kernel.adapters.orm import orders
from oms.bootstrap import App
from oms.cli.demo import Doors
from oms.cli.demo_history import play_history
from samples.demo.history import Tally
from samples.demo.history_profiles import plan_day
from tests.conftest import make_app

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CLOSED = {date(2026, 12, 8), date(2026, 12, 25), date(2027, 1, 1), date(2027, 1, 6)}


TODAY = datetime(2027, 3, 1, 9, tzinfo=UTC)


@dataclass(frozen=True)
class History:
    folder: Path
    tally: Tally


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """One history for the whole module (playing it is the slow part)."""
    folder = tmp_path_factory.mktemp("history")
    app = make_app(folder, clock=lambda: TODAY)
    try:
        first, last = date(2026, 12, 1), date(2027, 2, 28)
        tally = play_history(app.settings, Doors, first, last, seed=5, scale=0.35, say=print)
    finally:
        app.close()
    return History(folder, tally)


@pytest.fixture
def app(history: History) -> Iterator[App]:
    application = make_app(history.folder, clock=lambda: TODAY)
    yield application
    application.close()


def test_three_months_with_the_christmas_peak(history: History, app: App) -> None:
    tally = history.tally
    with app.engine.connect() as conn:
        made = conn.execute(select(orders.c.created_at, orders.c.channel, orders.c.customer_id)).all()
        sent = conn.execute(select(shipments.c.shipped_at, shipments.c.delivered_at)).all()
    days = [at.date() for at, _, _ in made]
    assert tally.orders == len(made) > 0
    assert all(date(2026, 12, 1) <= d <= date(2027, 2, 28) for d in days)
    assert not CLOSED & set(days)
    assert all(d.weekday() < 5 for d in days)
    per_month = Counter((d.year, d.month) for d in days)
    assert per_month[(2026, 12)] > per_month[(2027, 2)]
    assert {channel for _, channel, _ in made} == {"edi", "email"}
    assert len({customer for _, _, customer in made}) == 4
    assert sent and all(s is not None for s, _ in sent)
    delivered = [d for _, d in sent if d is not None]
    assert len(delivered) >= len(sent) * 0.9  # all but the last days' shipments
    assert all(d.date() <= date(2027, 2, 28) for d in delivered)


def test_the_same_seed_makes_the_same_plan() -> None:
    def plan(seed: int) -> list[tuple[str, datetime, tuple[tuple[str, int], ...]]]:
        rng = random.Random(seed)
        return [
            (p.profile.customer_id, p.at, p.lines)
            for n in range(1, 29)
            for p in plan_day(rng, date(2027, 2, n), UTC)
        ]

    assert plan(1) == plan(1)
    assert plan(1) != plan(2)
    assert plan_day(random.Random(1), date(2026, 12, 25), UTC) == []  # Navidad
    assert plan_day(random.Random(1), date(2027, 2, 6), UTC) == []  # a Saturday


def test_forecast_command_prints_the_back_test(app: App, capsys: pytest.CaptureFixture[str]) -> None:
    from oms.cli import build_parser
    from oms.cli.forecast import cmd_forecast

    args = build_parser().parse_args(["forecast", "volume", "--by", "channel", "--horizon", "14"])
    assert cmd_forecast(app, args) == 0
    out = capsys.readouterr().out
    # one series per channel the history used, each judged on 14-day folds against seasonal-naive
    assert "orders edi per day:" in out and "orders email per day:" in out
    assert out.count("back-test: 4 folds x 14 days; MAE") == 2
    assert "seasonal-naive" in out


def test_forecasts_page_draws_svg_without_script(app: App) -> None:
    from fastapi.testclient import TestClient

    from tests.conftest import make_user
    from web.app import create_app

    token = make_user(app)
    client = TestClient(create_app(app, clock=lambda: TODAY))
    page = client.get("/forecasts?kind=volume&freq=day", headers={"Authorization": f"Bearer {token}"})
    assert page.status_code == 200, page.text[:300]
    assert "<svg" in page.text and "<polyline" in page.text
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page.text))  # no inline script
    assert ' style="' not in page.text  # the policy allows no inline style either
    assert "seasonal-naive" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy


def test_scheduled_report_lands_in_smtp_once(history: History) -> None:
    import email
    import io

    from openpyxl import load_workbook

    from core.forecasting.adapters.schedules import ScheduleStore
    from core.forecasting.domain.schedule import Every, Recipient, ReportFormat, ReportSchedule
    from oms.cli.schedules import send_due
    from tests.conftest import make_user
    from tests.integration.mail_support import smarthost

    with smarthost() as (port, capture):
        app = make_app(history.folder, clock=lambda: TODAY, smtp_smarthost=f"127.0.0.1:{port}")
        try:
            make_user(app, "marta", role="supervisor")
            store = ScheduleStore(app.session_factory)
            made = datetime(2027, 2, 20, tzinfo=UTC)
            for fmt in (ReportFormat.XLSX, ReportFormat.PDF):
                # weekly on Mondays at 07:00 UTC: 1 March 2027 is a Monday and it is 09:00, so due
                store.add(
                    ReportSchedule(
                        "order-volume",
                        [Recipient("marta", "marta@comanda.example")],
                        fmt,
                        Every.WEEK,
                        7,
                        made,
                    )
                )
            assert send_due(app) == 2
            assert send_due(app) == 0  # the slot is recorded: nothing twice
        finally:
            app.close()
    assert len(capture.messages) == 2
    parts = {}
    for captured in capture.messages:
        assert captured.rcpt_tos == ["marta@comanda.example"]
        message = email.message_from_bytes(captured.content)
        [attachment] = [p for p in message.walk() if p.get_filename()]
        parts[attachment.get_filename()] = attachment.get_payload(decode=True)
    assert parts["order-volume-20270301.pdf"].startswith(b"%PDF")
    sheet = load_workbook(io.BytesIO(parts["order-volume-20270301.xlsx"])).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "week" and rows[1][-1] == "total"
    # eight finished ISO weeks before 1 March 2027: 2027-W01 .. 2027-W08, each row summing its channels
    assert [r[0] for r in rows[2:]] == [f"2027-W{w:02d}" for w in range(1, 9)]
    assert all(r[-1] == sum(r[1:-1]) for r in rows[2:])
