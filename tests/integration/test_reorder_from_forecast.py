"""`oms purchasing reorder-from-forecast` on SQLite: half a year of synthetic demand written into the
allocations table the forecaster reads, one SKU with a weekly rhythm and one that is noise only.

The rhythmic SKU, TOR-M8-40 at MAD, is demanded 20 units every working day and 5 on Saturdays and
Sundays, plus Gaussian noise of standard deviation 1.5. Its preferred supplier S-TORN delivers in
5 days (samples/masterdata/supplier-products.csv). "Today" is Monday 1 March 2027, so the lead time
covers Monday to Friday, none of them a national holiday.

Worked by hand (z at 95 % is 1.645; the spread is the back-test MAE x sqrt(pi/2) x sqrt(5)):
- lead-time demand: 5 working days x 20 = 100 units;
- the back-test scores the forecast on 4 folds x 5 days = 20 errors. No forecast beats the noise
  itself, whose MAE is sigma x sqrt(2/pi) = 1.5 x 0.798 = 1.20; an offered forecast beats the
  seasonal-naive one, whose MAE on this noise is sigma x sqrt(2) x sqrt(2/pi) = 1.69. A mean of 20
  absolute errors wanders by 0.603 x s / sqrt(20) = 0.135 s (s the errors' deviation), so two of
  those either way: MAE from 1.20 - 2 x 0.135 x 1.5 = 0.80 to 1.69 + 2 x 0.135 x 2.12 = 2.26;
- spread = MAE x 1.2533 x sqrt(5) = MAE x 2.802: 2.24 to 6.33; safety stock 1.645 x that: 3.7 to
  10.4;
- the mean: 26 weeks of history estimate each weekday's level to about 1.5 / sqrt(26) = 0.3 units,
  and the fitted trend adds a little: 100 +- 2;
- reorder point: 100 - 2 + 3.7 = 101.7 to 100 + 2 + 10.4 = 112.4, in whole units rounded up:
  102 to 113;
- order-up-to with a review every 7 days: the daily rate mean / 5 over 5 + 7 = 12 days, 240 +- 2 x
  12 / 5 = 4.8, plus the safety stock x sqrt(12 / 5) = 1.549 (5.7 to 16.1): 240.9 to 260.9, so
  241 to 261.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from core.fulfilment.adapters.orm import allocations, stock_levels
from core.fulfilment.domain.stock import AllocationState
from core.kernel.adapters.orm import order_lines
from oms.bootstrap import App
from tests.conftest import make_app
from tests.integration.lifecycle_support import demo_orders
from tests.integration.purchasing_support import shop

pytestmark = [pytest.mark.integration, pytest.mark.slow]
NOW = datetime(2027, 3, 1, 9, tzinfo=UTC)  # a Monday
DAYS = 26 * 7


def rhythm(day: datetime, rng: random.Random) -> float:
    return (20.0 if day.weekday() < 5 else 5.0) + rng.gauss(0, 1.5)


def noise(day: datetime, rng: random.Random) -> float:
    return max(0.0, 20.0 + rng.gauss(0, 5))


def write_history(app: App) -> None:
    """One allocation a day per SKU at MAD for the 26 weeks before today, hung on a real order line
    and stock level (the forecaster reads only date, SKU, warehouse and quantity)."""
    demo_orders(app)
    with app.engine.begin() as conn:
        order_id, line_id = conn.execute(select(order_lines.c.order_id, order_lines.c.id)).first() or (0, 0)
        rows = []
        for sku, shape, seed in (("TOR-M8-40", rhythm, 11), ("TOR-M10-60", noise, 12)):
            stock_id = conn.scalar(
                select(stock_levels.c.id).where(stock_levels.c.sku == sku, stock_levels.c.warehouse == "MAD")
            )
            rng = random.Random(seed)
            for n in range(DAYS, 0, -1):
                day = NOW.replace(hour=12) - timedelta(days=n)
                rows.append(
                    {
                        "order_id": order_id, "line_id": line_id, "sku": sku, "stock_id": stock_id,
                        "warehouse": "MAD", "location": "A-01", "state": AllocationState.SHIPPED,
                        "quantity": Decimal(str(round(shape(day, rng), 2))), "created_at": day,
                    }
                )  # fmt: skip
        conn.execute(insert(allocations), rows)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reorder")
    app = make_app(path, clock=lambda: NOW)
    try:
        shop(app, reorder=True)
        write_history(app)
    finally:
        app.close()
    return path


@pytest.fixture
def app(folder: Path, tmp_path: Path) -> Iterator[App]:
    copy = tmp_path / "oms.db"
    copy.write_bytes((folder / "oms.db").read_bytes())
    application = make_app(tmp_path, clock=lambda: NOW)
    yield application
    application.close()


def rule(app: App, sku: str) -> tuple[Decimal, Decimal]:
    with app.uow() as uow:
        found = {(r.sku, r.warehouse): r for r in uow.purchasing.rules()}[(sku, "MAD")]
        return found.reorder_point, found.order_up_to


def run(app: App, *argv: str) -> int:
    from oms.cli import build_parser
    from oms.cli.purchasing import cmd_from_forecast

    return cmd_from_forecast(app, build_parser().parse_args(["purchasing", "reorder-from-forecast", *argv]))


def test_the_forecast_sets_the_rhythmic_sku_and_leaves_the_noise(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    assert rule(app, "TOR-M8-40") == (Decimal(1000), Decimal(3000))  # reorder.csv
    assert run(app, "--warehouse", "MAD") == 0
    out = capsys.readouterr().out
    point, up_to = rule(app, "TOR-M8-40")
    assert Decimal(102) <= point <= Decimal(113)
    assert Decimal(241) <= up_to <= Decimal(261)
    assert f"TOR-M8-40 MAD (S-TORN, 5 days): 1000/3000 → {point}/{up_to}" in out
    # noise: no forecast beats the average, the imported rule stays and the row says why
    assert rule(app, "TOR-M10-60") == (Decimal(300), Decimal(1200))
    assert "TOR-M10-60 MAD (S-TORN, 5 days): 300/1200 → unchanged  forecast not offered" in out
    # never demanded at MAD: nothing to forecast from
    assert rule(app, "TUE-M8") == (Decimal(2000), Decimal(6000))
    assert "TUE-M8 MAD (S-TORN, 5 days): 2000/6000 → unchanged  never demanded here" in out
    # the preferred supplier's lead time counts (S-HERR, 10 days), not the quicker S-TORN's 7
    assert "TAC-6 MAD (S-HERR, 10 days): 30/100 → unchanged" in out


def test_plan_orders_up_to_the_new_level(app: App) -> None:
    """`oms purchasing plan` reads the rule just stored: with 100 units left at MAD (below any reorder
    point the forecast can give, 102 at least) it orders up to the new level, not to the old 3000."""
    run(app, "--sku", "TOR-M8-40")
    point, up_to = rule(app, "TOR-M8-40")
    with app.engine.begin() as conn:
        c = stock_levels.c
        place = (c.sku == "TOR-M8-40") & (c.warehouse == "MAD")
        conn.execute(update(stock_levels).where(place).values(on_hand=c.allocated + 100))
    plan = app.purchasing.service.preview()
    needs = {(line.sku, p.warehouse): line.need for p in plan.proposals for line in p.lines}
    need = needs[("TOR-M8-40", "MAD")]
    assert need.position <= 100 < point
    assert need.wanted == up_to - need.position < 3000 - need.position


def test_dry_run_stores_nothing(app: App, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(app, "--sku", "TOR-M8-40", "--warehouse", "MAD", "--dry-run") == 0
    assert rule(app, "TOR-M8-40") == (Decimal(1000), Decimal(3000))
    assert "1 rule(s) would change of 1" in capsys.readouterr().out
