"""Reports and order search on a large history in PostgreSQL.

Generates N orders of 5 lines each (default 100,000; `--orders 1000000` for the full million) with
shipments and parcels, loaded with COPY into a fresh database; fills the search index in one
statement and the reporting summary with `Upkeep.rebuild` (the same code `oms reports rebuild` runs: on
PostgreSQL, set-based SQL);
then times every report page and a set of searches through the real web app, each against a bare
`SELECT count(*)` over the same order lines measured in the same run.

    .venv/bin/python -m bench.reports --orders 100000
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from core.kernel.domain.users import Role
from core.kernel.services import auth
from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from web.app import create_app

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
START = datetime(2024, 12, 1, tzinfo=UTC)
DAYS = 730
NOUNS = ["Tornillo", "Tuerca", "Arandela", "Taco", "Broca", "Llave", "Cinta", "Guante", "Silicona", "Bisagra"]
KINDS = ["hexagonal", "allen", "de nailon", "HSS", "ajustable", "aislante", "de nitrilo", "transparente"]
FINISH = ["zincado", "inoxidable", "latón", "galvanizado", "negro"]
CARRIERS = [("SEUR", ("ES-PEN", "ES-BAL", "PT")), ("CORREO", ("ES-PEN", "ES-CAN")), ("MRW", ("ES-PEN",))]
STATES = ["closed"] * 70 + ["shipped"] * 10 + ["accepted"] * 8 + ["backordered"] * 4 + ["cancelled"] * 3
STATES += ["in_review"] * 3 + ["rejected"] * 2
CUSTOMERS = 500
CHANNELS = ["edi"] * 6 + ["email"] * 3 + ["fax"] * 2


def products(count: int) -> list[tuple[str, str, Decimal, Decimal]]:
    rng = random.Random(1)
    out = []
    for i in range(count):
        name = f"{NOUNS[i % len(NOUNS)]} {rng.choice(KINDS)} M{4 + i % 9} {rng.choice(FINISH)}"
        price = Decimal(rng.randrange(5, 5000)) / 100
        out.append((f"SKU-{i:05d}", name, price, (price * Decimal("0.55")).quantize(Decimal("0.0001"))))
    return out


def _copy(conn: object, sql: str, rows: Iterator[tuple[object, ...]]) -> None:
    with conn.cursor() as cur, cur.copy(sql) as copy:  # type: ignore[attr-defined]
        for row in rows:
            copy.write_row(row)


COPIES = {
    "orders": "COPY orders (id, document_id, message_index, channel, state, decision, confidence, created_at,"
    " po_number, customer_id, buyer_name, order_date, requested_delivery_date, currency, total, problems,"
    " evidence, identifiers) FROM STDIN",
    "lines": "COPY order_lines (order_id, position, line_no, sku, item_code, description, quantity, unit,"
    " unit_price, amount) FROM STDIN",
    "shipments": "COPY shipments (id, order_id, warehouse, created_at, state, carrier, service, zone, charge,"
    " currency, charge_detail, promised_date, shipped_at, delivered_at) FROM STDIN",
    "parcels": "COPY parcels (shipment_id, number, weight_kg, length_cm, width_cm, height_cm, box, contents)"
    " FROM STDIN",
}
Rows = dict[str, list[tuple[object, ...]]]


def _order(rng: random.Random, oid: int, catalog: list[tuple[str, str, Decimal, Decimal]], out: Rows) -> None:
    """One order of five lines, of a customer picked with a long tail, and its shipment if it left."""
    created = START + timedelta(seconds=rng.randrange(DAYS * 86400))
    state = rng.choice(STATES)
    total = Decimal(0)
    for pos in range(1, 6):
        sku, name, price, _ = catalog[rng.randrange(len(catalog))]
        qty = rng.randrange(1, 60)
        total += price * qty
        out["lines"].append((oid, pos, str(pos), sku, sku, name, qty, "PCE", price, price * qty))
    customer = f"C-{int(rng.paretovariate(1.2)) % CUSTOMERS:04d}"
    decision = "review" if state == "in_review" or rng.random() < 0.12 else "accept"
    requested = (created + timedelta(days=rng.randrange(2, 8))).date()
    channel = rng.choice(CHANNELS)
    out["orders"].append(
        (
            oid,
            1,
            oid,
            channel,
            state,
            decision,
            0.95,
            created,
            f"PO-{oid:08d}",
            customer,
            f"Cliente {customer}",
            created.date(),
            requested,
            "EUR",
            total,
            "[]",
            "[]",
            "[]",
        )
    )
    if state in ("closed", "shipped"):
        _shipment(rng, oid, created, state == "closed", out)


def _shipment(rng: random.Random, oid: int, created: datetime, delivered: bool, out: Rows) -> None:
    carrier, zones = rng.choice(CARRIERS)
    shipped = created + timedelta(hours=rng.randrange(4, 150))
    arrived = shipped + timedelta(days=rng.randrange(1, 4)) if delivered else None
    charge = Decimal(rng.randrange(450, 2500)) / 100
    out["shipments"].append(
        (
            oid,
            oid,
            "MAD",
            created,
            "delivered" if arrived else "shipped",
            carrier,
            "STD",
            rng.choice(zones),
            charge,
            "EUR",
            "[]",
            (shipped + timedelta(days=2)).date(),
            shipped,
            arrived,
        )
    )
    for number in range(1, rng.randrange(2, 4)):
        out["parcels"].append((oid, number, Decimal(rng.randrange(5, 250)) / 10, 40, 30, 30, "M", "[]"))


def _master_data(conn: Any, catalog: list[tuple[str, str, Decimal, Decimal]]) -> None:
    with conn.cursor() as cur:
        cur.execute("INSERT INTO blobs (sha256, size, content) VALUES ('bench', 0, '')")
        cur.execute(
            "INSERT INTO documents (id, channel, sha256, size, received_at, state, format, problems,"
            " attempts) VALUES (1, 'edi', 'bench', 0, now(), 'processed', 'edifact', '[]', 0)"
        )
        cur.execute(
            "INSERT INTO warehouses (code, name, priority, country, active)"
            " VALUES ('MAD', 'Madrid', 1, 'ES', true)"
        )
    rows = ((s, name, p, c, "EUR", "PCE") for s, name, p, c in catalog)
    _copy(conn, "COPY products (sku, name, price, cost_price, currency, unit) FROM STDIN", rows)
    categories = ((s, name.split()[0].upper()) for s, name, _, _ in catalog)
    _copy(conn, "COPY product_categories (sku, category) FROM STDIN", categories)
    names = ((f"C-{i:04d}", f"Cliente {i} S.L.") for i in range(CUSTOMERS))
    _copy(conn, "COPY customers (customer_id, name) FROM STDIN", names)


LOADED = ("orders", "order_lines", "shipments", "parcels")
INDEXES = """SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
 AND tablename = ANY(%s) AND indexname NOT IN (SELECT conname FROM pg_constraint)"""


def load(app: App, n: int, skus: int = 1000) -> None:
    """The history, loaded with COPY, 50,000 orders at a time; the search-index triggers are off while it
    loads (replica role): `index_search` builds the index in one statement afterwards. The loaded tables'
    indexes (other than their keys) are dropped before and made again after, as a bulk load should."""
    catalog = products(skus)
    rng = random.Random(7)
    raw = app.engine.raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cur:
            cur.execute("SET session_replication_role = replica")
            cur.execute(INDEXES, (list(LOADED),))
            indexes = cur.fetchall()
            for name, _ in indexes:
                cur.execute(f'DROP INDEX "{name}"')
        _master_data(conn, catalog)
        for start in range(1, n + 1, 50_000):
            out: Rows = {name: [] for name in COPIES}
            for oid in range(start, min(start + 50_000, n + 1)):
                _order(rng, oid, catalog, out)
            for name, sql in COPIES.items():
                _copy(conn, sql, iter(out[name]))
        with conn.cursor() as cur:
            cur.execute("SET session_replication_role = DEFAULT")
            cur.execute("SET maintenance_work_mem = '256MB'")
            for _, make in indexes:
                cur.execute(make)
            for table in LOADED:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
        conn.commit()
    finally:
        raw.close()


def index_search(app: App) -> None:
    """The search index in one statement (what the triggers keep row by row afterwards)."""
    with app.engine.begin() as conn:
        conn.execute(
            text("""
            INSERT INTO report_order_search (order_id, document)
            SELECT o.id, to_tsvector('simple', comanda_search_text(concat_ws(' ', o.po_number, o.customer_id,
                   o.buyer_name, o.ship_to_name, o.ship_to_city, o.channel, l.words)))
              FROM orders o JOIN (SELECT order_id, string_agg(concat_ws(' ', sku, item_code,
                   buyer_item_code, gtin, description), ' ') AS words FROM order_lines GROUP BY order_id) l
                ON l.order_id = o.id
        """)
        )
        conn.execute(text("ANALYZE"))


def timed(action: Callable[[], object], repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def measure(app: App) -> None:
    now = datetime.now(UTC)
    auth.create_user(app.uow(), "bench", "a long bench password", Role.CLERK, now)
    token = auth.create_api_token(app.uow(), "bench", "bench", now)
    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {token}"})

    def get(path: str, **params: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get(path, params=params)
            assert response.status_code == 200, (path, response.text[:300])
            return response

        return call

    with app.engine.connect() as conn:
        floor = timed(lambda: conn.execute(text("SELECT count(*) FROM order_lines")).scalar())
        lines = conn.execute(text("SELECT count(*) FROM order_lines")).scalar()
    print(f"baseline: SELECT count(*) over {lines:,} order lines  {floor * 1000:8.1f} ms")
    period = {"from": str(START.date()), "to": str((START + timedelta(days=DAYS)).date())}
    pages = [
        "sales-customer",
        "sales-product",
        "sales-category",
        "sales-channel",
        "sales-period",
        "profile",
        "service",
        "carriers",
        "returns",
        "capture",
        "receivables",
    ]
    for name in pages:
        t = timed(get(f"/reports/{name}", **period))
        print(f"report page {name:<16} {t * 1000:8.1f} ms  ({t / floor:5.2f}x the count)")
    month = {"date_from": "2025-06-01", "date_to": "2025-06-30"}
    searches: list[tuple[str, dict[str, str]]] = [
        ("newest page, no filter", {}),
        ("order number", {"number": "PO-00412345"}),
        ("customer", {"customer": "C-0042"}),
        ("SKU", {"sku": "SKU-00420"}),
        ("text, common word", {"q": "tornillo"}),
        ("text, two words", {"q": "llave galvanizado"}),
        ("text + month", {"q": "bisagra", **month}),
        (
            "channel+state+amount",
            {"channel": "fax", "state": "closed", "amount_min": "500", "amount_max": "900"},
        ),
        ("by total, largest", {"sort": "total"}),
        ("category + month", {"category": "BISAGRA", **month}),
        ("carrier + month", {"carrier": "MRW", **month}),
    ]
    for label, params in searches:
        t = timed(get("/api/orders", limit="50", **params))
        print(f"search {label:<24} {t * 1000:8.1f} ms  ({t / floor:5.2f}x the count)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.reports")
    parser.add_argument("--orders", type=int, default=100_000, help="orders to generate (5 lines each)")
    parser.add_argument(
        "--python-rebuild",
        action="store_true",
        help="also time the order-by-order Python rebuild on the same data, for the ratio",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database afterwards (its name is printed)"
    )
    args = parser.parse_args(argv)
    name = f"comanda_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    if args.keep:
        print(f"database {name} (kept: DROP DATABASE it when done)", flush=True)
    try:
        with TemporaryDirectory() as tmp:
            settings = Settings(data_dir=Path(tmp), database_url=f"{SERVER}/{name}", broker_url="memory://")
            app = bootstrap(settings)
            try:
                app.upgrade_database()
                began = time.perf_counter()
                load(app, args.orders)
                index_search(app)
                loaded = time.perf_counter() - began
                began = time.perf_counter()
                count = app.reporting.upkeep.rebuild()
                rebuilt = time.perf_counter() - began
                # as autovacuum would after a bulk load: statistics, and the visibility map that lets
                # index-only scans skip the table
                with app.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text("VACUUM ANALYZE"))
                    summary = conn.execute(text("SELECT count(*) FROM report_daily")).scalar()
                print(
                    f"{args.orders:,} orders x 5 lines loaded and indexed in {loaded:.1f} s; summary rebuilt "
                    f"from {count:,} orders in {rebuilt:.1f} s ({rebuilt / count * 1e6:.1f} µs an order, "
                    f"{summary:,} summary rows)",
                    flush=True,
                )
                if args.python_rebuild:
                    began = time.perf_counter()
                    app.reporting.upkeep.rebuild(per_order=True)
                    python = time.perf_counter() - began
                    print(
                        f"order-by-order Python rebuild: {python:.1f} s ({python / count * 1e6:.1f} µs an"
                        f" order); the set-based one took {rebuilt / python:.2f}x its time",
                        flush=True,
                    )
                measure(app)
            finally:
                app.close()
    finally:
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
