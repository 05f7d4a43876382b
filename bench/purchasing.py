"""Replenishment planning at volume on PostgreSQL: 10,000 products x 3 warehouses.

Every product has stock and a reorder rule in each warehouse and is sold by one of 20 suppliers
(packs and minimums); about a third of the (product, warehouse) pairs are at or below their reorder
point. Timed, same data, same run:

1. the planning run (`Purchasing.preview`: stock, open demand, what is on order, rules, offers and
   preferences read, needs and proposals worked out);
2. the planning run writing its drafts (`Purchasing.plan`);
3. baseline: one plain SQL aggregate of the same data: per rule, the available stock summed and
   compared with the reorder point, joined to the supplier's offer. Ratios = planning / SQL.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, text

from bench.lifecycle import bench_database
from core.fulfilment.adapters import orm as stock
from core.kernel.adapters import orm as kernel
from core.purchasing.adapters import orm as purchasing
from oms.bootstrap import App, bootstrap
from oms.settings import Settings

PRODUCTS = int(os.environ.get("BENCH_PURCHASING_PRODUCTS", "10000"))
WAREHOUSES = ("MAD", "BCN", "VLC")
SUPPLIERS = 20
DAY = datetime(2026, 12, 3, 9, tzinfo=UTC)

SQL_PLAN = """
SELECT r.sku, r.warehouse, r.order_up_to - COALESCE(s.available, 0) AS wanted, sp.supplier_id, sp.pack
FROM reorder_rules r
LEFT JOIN (SELECT sku, warehouse, SUM(on_hand - allocated) AS available
           FROM stock_levels GROUP BY sku, warehouse) s ON s.sku = r.sku AND s.warehouse = r.warehouse
JOIN purchase_preferences p ON p.sku = r.sku AND p.warehouse = r.warehouse
JOIN supplier_products sp ON sp.sku = r.sku AND sp.supplier_id = p.supplier_id
WHERE COALESCE(s.available, 0) <= r.reorder_point
"""


def _fill(app: App) -> int:
    """Master data, stock, rules and offers by bulk insert; returns how many pairs are short."""
    rng = random.Random(12)
    skus = [f"B-{i:05d}" for i in range(PRODUCTS)]
    short = 0
    with app.engine.begin() as conn:
        conn.execute(
            insert(kernel.metadata.tables["products"]), [{"sku": s, "name": f"Artículo {s}"} for s in skus]
        )
        conn.execute(
            insert(stock.warehouses),
            [{"code": w, "name": w, "priority": i, "country": "ES"} for i, w in enumerate(WAREHOUSES)],
        )
        conn.execute(
            insert(purchasing.suppliers),
            [
                {
                    "supplier_id": f"S-{n:02d}",
                    "name": f"Proveedor {n}",
                    "channel": "email",
                    "email": f"s{n}@x.example",
                    "edi_qualifier": "",
                    "language": "es",
                    "currency": "EUR",
                    "next_control_ref": 1,
                }
                for n in range(SUPPLIERS)
            ],
        )
        levels, rules, prefs, offers = [], [], [], []
        for i, sku in enumerate(skus):
            supplier = f"S-{i % SUPPLIERS:02d}"
            offers.append(
                {
                    "supplier_id": supplier,
                    "sku": sku,
                    "supplier_item_code": f"X{i}",
                    "pack": 12,
                    "price": "1.25",
                    "currency": "EUR",
                    "lead_time_days": 5,
                    "min_order_qty": 24,
                }
            )
            for w in WAREHOUSES:
                on_hand = rng.randint(0, 200)
                short += on_hand <= 60
                levels.append(
                    {
                        "warehouse": w,
                        "location": "A-1",
                        "sku": sku,
                        "on_hand": on_hand,
                        "allocated": 0,
                        "updated_at": DAY,
                    }
                )
                rules.append({"sku": sku, "warehouse": w, "reorder_point": 60, "order_up_to": 200})
                prefs.append({"sku": sku, "warehouse": w, "supplier_id": supplier})
        conn.execute(insert(stock.stock_levels), levels)
        conn.execute(insert(purchasing.supplier_products), offers)
        conn.execute(insert(purchasing.reorder_rules), rules)
        conn.execute(insert(purchasing.purchase_preferences), prefs)
    return short


def run() -> tuple[int, int, float, float, float]:
    url, drop = bench_database()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = bootstrap(
                Settings(data_dir=Path(tmp), database_url=url, broker_url="memory://"), clock=lambda: DAY
            )
            try:
                app.upgrade_database()
                short = _fill(app)
                with app.engine.connect() as conn:
                    conn.execute(text("ANALYZE"))
                    start = time.perf_counter()
                    rows = len(conn.execute(text(SQL_PLAN)).all())
                    sql_s = time.perf_counter() - start
                start = time.perf_counter()
                plan = app.purchasing.service.preview()
                preview_s = time.perf_counter() - start
                lines = sum(len(p.lines) for p in plan.proposals)
                assert lines == rows == short, (lines, rows, short)
                start = time.perf_counter()
                made, _ = app.purchasing.service.plan("bench")
                plan_s = time.perf_counter() - start
                assert sum(len(po.lines) for po in made) == short
                return short, len(made), sql_s, preview_s, plan_s
            finally:
                app.close()
    finally:
        drop()


def main() -> None:
    pairs = PRODUCTS * len(WAREHOUSES)
    print(
        f"\nReplenishment planning on PostgreSQL ({PRODUCTS} products x {len(WAREHOUSES)} warehouses"
        f" = {pairs} rules)"
    )
    short, drafts, sql_s, preview_s, plan_s = run()
    print(f"  short pairs: {short}, drafts written: {drafts} (one per supplier and warehouse)")
    print(f"  plain SQL aggregate of the same data:  {sql_s * 1000:8.0f} ms")
    print(
        f"  planning run (proposals, no writes):   {preview_s * 1000:8.0f} ms"
        f"   ratio {preview_s / sql_s:6.1f}"
    )
    print(f"  planning run writing the drafts:       {plan_s * 1000:8.0f} ms   ratio {plan_s / sql_s:6.1f}")


if __name__ == "__main__":
    main()
