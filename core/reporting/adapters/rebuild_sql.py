# ruff: noqa: S608 - the statements are built from our own measure and state names, never from input
"""The summary rebuilt in set-based SQL on PostgreSQL: the same figures `core.reporting.domain.facts`
computes per order in Python, written as a handful of statements over whole tables.

Every order's contribution is first staged as rows (order, day, dimension, key, measures in
ten-thousandths) in a temporary table, one row per key, each rounded where the Python rounds; the daily
sums, the monthly sums and what each order added (`report_order_facts`, the JSON a later refresh takes
off again) are all read from that one staging table, so they agree with each other.
tests/integration/test_reports_rebuild.py holds this to the Python path on a history made through the
real services.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.reporting.domain.facts import MEASURES, NOT_BOOKED, UNDECIDED

_NOT_BOOKED = ", ".join(f"'{s}'" for s in sorted(NOT_BOOKED))
_UNDECIDED = ", ".join(f"'{s}'" for s in sorted(UNDECIDED))


def _staged(values: dict[str, str]) -> str:
    """A SELECT list of the given measures in ten-thousandths (as the summary keeps them), each from its
    expression rounded there."""
    return ", ".join(f"round(({values[m]}) * 10000)::bigint AS {m}" for m in MEASURES if m in values)


# one row per order: when it arrived (UTC), its keys, and what service and capture need of it
_ORDERS = f"""
CREATE TEMP TABLE rb_o ON COMMIT DROP AS
SELECT o.id AS order_id, o.created_at,
       (o.created_at AT TIME ZONE 'UTC')::date AS day,
       extract(isodow FROM o.created_at AT TIME ZONE 'UTC')::int::text AS weekday,
       to_char(o.created_at AT TIME ZONE 'UTC', 'HH24') AS hour,
       coalesce(nullif(o.customer_id, ''), '?') AS customer, o.channel,
       coalesce(nullif(d.format, ''), '?') AS fmt, o.state, o.decision,
       o.requested_delivery_date AS requested,
       o.state NOT IN ({_NOT_BOOKED}) AS booked
  FROM orders o JOIN documents d ON d.id = o.document_id
"""
# one row per line: units in the product's own unit, revenue, standard cost, category, units shipped
_LINES = """
CREATE TEMP TABLE rb_l ON COMMIT DROP AS
SELECT l.order_id, coalesce(nullif(l.sku, ''), '?') AS sku,
       coalesce(l.base_quantity, l.quantity, 0) AS units,
       coalesce(l.amount, coalesce(l.quantity, 0) * coalesce(l.unit_price, 0)) AS revenue,
       p.cost_price AS unit_cost,
       coalesce(nullif(c.category, ''), '?') AS category,
       coalesce(sh.quantity, 0) AS shipped
  FROM order_lines l
  LEFT JOIN products p ON p.sku = l.sku
  LEFT JOIN product_categories c ON c.sku = l.sku
  LEFT JOIN (SELECT a.line_id, sum(a.quantity) / 1000.0 AS quantity
               FROM allocations a JOIN shipments s ON s.id = a.shipment_id
              WHERE s.shipped_at IS NOT NULL GROUP BY a.line_id) sh ON sh.line_id = l.id
"""
_RETURNED = """
CREATE TEMP TABLE rb_r ON COMMIT DROP AS
SELECT r.order_id, rl.sku, coalesce(nullif(btrim(r.reason), ''), '?') AS reason,
       rl.received / 1000.0 AS received
  FROM returns r JOIN return_lines rl ON rl.return_id = r.id
 WHERE r.received_at IS NOT NULL AND rl.received > 0
"""
_PER_ORDER = """
CREATE TEMP TABLE rb_t ON COMMIT DROP AS
SELECT order_id, count(*) AS lines, sum(units) AS quantity, sum(revenue) AS revenue,
       coalesce(sum(units * unit_cost) FILTER (WHERE unit_cost IS NOT NULL), 0) AS cost,
       count(*) FILTER (WHERE unit_cost IS NULL) AS uncosted,
       bool_and(shipped >= units) AS in_full
  FROM rb_l GROUP BY order_id
"""
# Each family below stages one row per order, day, dimension and key with only the measures it sets (the
# others are zero); the families never meet on a dimension, so each is summed on its own.
_SALES_MEASURES = ("orders", "lines", "quantity", "revenue", "cost", "uncosted_lines")
_SERVICE_MEASURES = ("shipped_orders", "lead_hours", "on_time", "in_full", "otif", "short_picks")
# sales on the order's keys; service on the first three of them, for orders with a shipment that left
_SERVED = "k.n <= 3 AND s.order_id IS NOT NULL"
_ON_TIME = "(o.requested IS NULL OR s.last_day <= o.requested)"
_SALES = f"""
SELECT o.order_id, o.day, k.dim, k.key, {
    _staged(
        {
            "orders": "1",
            "lines": "coalesce(t.lines, 0)",
            "quantity": "coalesce(t.quantity, 0)",
            "revenue": "coalesce(t.revenue, 0)",
            "cost": "coalesce(t.cost, 0)",
            "uncosted_lines": "coalesce(t.uncosted, 0)",
            "shipped_orders": f"({_SERVED})::int",
            "lead_hours": f"CASE WHEN {_SERVED} THEN"
            " round((extract(epoch FROM s.first_left - o.created_at) / 3600)::numeric, 4) ELSE 0 END",
            "on_time": f"({_SERVED} AND {_ON_TIME})::int",
            "in_full": f"({_SERVED} AND coalesce(t.in_full, false))::int",
            "otif": f"({_SERVED} AND {_ON_TIME} AND coalesce(t.in_full, false))::int",
            "short_picks": f"CASE WHEN {_SERVED} THEN coalesce(p.shorts, 0) ELSE 0 END",
        }
    )
}
  FROM rb_o o
  LEFT JOIN rb_t t ON t.order_id = o.order_id
  LEFT JOIN (SELECT order_id, min(shipped_at) AS first_left,
                    (max(shipped_at) AT TIME ZONE 'UTC')::date AS last_day
               FROM shipments WHERE shipped_at IS NOT NULL GROUP BY order_id) s ON s.order_id = o.order_id
  LEFT JOIN (SELECT order_id, count(*) AS shorts FROM pick_lines WHERE state = 'short'
              GROUP BY order_id) p ON p.order_id = o.order_id
  CROSS JOIN LATERAL (VALUES (1, 'all', ''), (2, 'customer', o.customer), (3, 'channel', o.channel),
      (4, 'weekday', o.weekday), (5, 'hour', o.hour), (6, 'customer_weekday', o.customer || '|' || o.weekday),
      (7, 'customer_channel', o.customer || '|' || o.channel)) AS k(n, dim, key)
 WHERE o.booked
"""
_LINE_SUMS = """count(*) AS lines, sum(units) AS quantity, sum(revenue) AS revenue,
       coalesce(sum(units * unit_cost) FILTER (WHERE unit_cost IS NOT NULL), 0) AS cost,
       count(*) FILTER (WHERE unit_cost IS NULL) AS uncosted"""
_LINE_MEASURES = {
    "orders": "(x.lines IS NOT NULL)::int",
    "lines": "coalesce(x.lines, 0)",
    "quantity": "coalesce(x.quantity, 0)",
    "revenue": "coalesce(x.revenue, 0)",
    "cost": "coalesce(x.cost, 0)",
    "uncosted_lines": "coalesce(x.uncosted, 0)",
}
# per SKU: its lines' sales and units shipped, and the units returned (on the order's day)
_PRODUCTS = f"""
SELECT o.order_id, o.day, 'product'::text AS dim, x.sku AS key, {
    _staged(
        {**_LINE_MEASURES, "shipped_qty": "coalesce(x.shipped, 0)", "returned_qty": "coalesce(x.back, 0)"}
    )
}
  FROM (SELECT coalesce(l.order_id, r.order_id) AS order_id, coalesce(l.sku, r.sku) AS sku,
               l.lines, l.quantity, l.revenue, l.cost, l.uncosted, l.shipped, r.back
          FROM (SELECT order_id, sku, {_LINE_SUMS}, sum(shipped) AS shipped FROM rb_l
                 GROUP BY order_id, sku) l
          FULL JOIN (SELECT order_id, sku, sum(received) AS back FROM rb_r GROUP BY order_id, sku) r
            ON r.order_id = l.order_id AND r.sku = l.sku) x
  JOIN rb_o o ON o.order_id = x.order_id
 WHERE o.booked
"""
_CATEGORIES = f"""
SELECT o.order_id, o.day, 'category'::text AS dim, x.category AS key, {_staged(_LINE_MEASURES)}
  FROM (SELECT order_id, category, {_LINE_SUMS} FROM rb_l GROUP BY order_id, category) x
  JOIN rb_o o ON o.order_id = x.order_id
 WHERE o.booked
"""
_RETURNS = f"""
SELECT o.order_id, o.day, 'return_reason'::text AS dim, r.reason AS key,
       {_staged({"returns": "count(*)", "returned_qty": "sum(r.received)"})}
  FROM rb_o o JOIN rb_r r ON r.order_id = o.order_id WHERE o.booked GROUP BY o.order_id, o.day, r.reason
"""
# per carrier and per zone, on the day the shipments left; an order counts once per carrier (or zone)
_CARRIERS = f"""
SELECT g.order_id, g.day, g.dim, g.key, {
    _staged(
        {
            "orders": "(row_number() OVER (PARTITION BY g.order_id, g.dim, g.key"
            " ORDER BY g.first_id) = 1)::int",
            "shipments": "g.shipments",
            "parcels": "g.parcels",
            "weight_kg": "g.kg",
            "carrier_cost": "g.cost",
            "delivered": "g.delivered",
            "delivered_on_time": "g.delivered_on_time",
            "pickups_on_time": "g.pickups_on_time",
            "pickup_hours": "g.pickup_hours",
        }
    )
}
  FROM (SELECT s.order_id, s.day, k.dim, k.key, min(s.id) AS first_id, count(*) AS shipments,
               sum(coalesce(p.parcels, 0)) AS parcels, sum(coalesce(p.kg, 0)) AS kg,
               sum(coalesce(s.charge, 0)) AS cost,
               count(*) FILTER (WHERE s.delivered_at IS NOT NULL) AS delivered,
               count(*) FILTER (WHERE s.delivered_at IS NOT NULL AND (s.promised_date IS NULL
                     OR (s.delivered_at AT TIME ZONE 'UTC')::date <= s.promised_date)) AS delivered_on_time,
               count(*) FILTER (WHERE s.day <= s.pickup_due) AS pickups_on_time,
               sum(round((extract(epoch FROM greatest(s.shipped_at - s.created_at, interval '0'))
                   / 3600)::numeric, 4)) AS pickup_hours
          FROM (SELECT s.*, (s.shipped_at AT TIME ZONE 'UTC')::date AS day,
                       pg_temp.comanda_pickup_due(s.created_at AT TIME ZONE 'UTC') AS pickup_due
                  FROM shipments s WHERE s.shipped_at IS NOT NULL) s
          LEFT JOIN (SELECT shipment_id, count(*) AS parcels, sum(weight_kg) AS kg FROM parcels
                      GROUP BY shipment_id) p ON p.shipment_id = s.id
          CROSS JOIN LATERAL (VALUES ('carrier', coalesce(nullif(s.carrier, ''), '?')),
                                     ('zone', coalesce(nullif(s.zone, ''), '?'))) AS k(dim, key)
         GROUP BY s.order_id, s.day, k.dim, k.key) g
"""
_CAPTURE = f"""
SELECT o.order_id, o.day, k.dim, k.key, {
    _staged(
        {
            "captured": "1",
            "touchless": "(o.decision = 'accept' AND a.approved IS NULL)::int",
            "reviewed": "(a.approved IS NOT NULL)::int",
            "review_seconds": "coalesce(round(extract(epoch FROM a.approved - o.created_at)::numeric, 3), 0)",
            "corrected": "(coalesce(a.edits, 0) > 0)::int",
            "field_edits": "coalesce(a.edits, 0)",
            "keystrokes": "CASE WHEN a.edits > 0 AND a.counted > 0 THEN a.keys ELSE 0 END",
            "keyed": "(coalesce(a.edits > 0 AND a.counted > 0, false))::int",
        }
    )
}
  FROM rb_o o
  LEFT JOIN (SELECT order_id, min(at) FILTER (WHERE action = 'approve') AS approved,
                    count(*) FILTER (WHERE action = 'edit') AS edits,
                    count(keystrokes) AS counted, coalesce(sum(keystrokes), 0) AS keys
               FROM audit_events WHERE action IN ('approve', 'edit') OR keystrokes IS NOT NULL
              GROUP BY order_id) a
    ON a.order_id = o.order_id
  CROSS JOIN LATERAL (VALUES ('capture_channel', o.channel), ('capture_customer', o.customer),
                             ('capture_format', o.fmt)) AS k(dim, key)
 WHERE o.state NOT IN ({_UNDECIDED})
"""
# (name, the measures its rows set, the rows)
_FAMILIES = (
    ("sales", _SALES_MEASURES + _SERVICE_MEASURES, _SALES),
    ("products", (*_SALES_MEASURES, "shipped_qty", "returned_qty"), _PRODUCTS),
    ("categories", _SALES_MEASURES, _CATEGORIES),
    ("returns", ("returns", "returned_qty"), _RETURNS),
    (
        "carriers",
        (
            "orders",
            "shipments",
            "parcels",
            "weight_kg",
            "carrier_cost",
            "delivered",
            "delivered_on_time",
            "pickups_on_time",
            "pickup_hours",
        ),
        _CARRIERS,
    ),
    (
        "capture",
        (
            "captured",
            "touchless",
            "reviewed",
            "review_seconds",
            "corrected",
            "field_edits",
            "keystrokes",
            "keyed",
        ),
        _CAPTURE,
    ),
)
# the last day a carrier may take a shipment packed at a UTC time: see `facts.pickup_due`
_PICKUP_DUE = """
CREATE OR REPLACE FUNCTION pg_temp.comanda_pickup_due(packed timestamp) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN extract(isodow FROM d) = 6 THEN d + 2
              WHEN extract(isodow FROM d) = 7 THEN d + 1 ELSE d END
    FROM (SELECT packed::date + CASE WHEN packed::time >= time '{cutoff}' THEN 1 ELSE 0 END AS d) x
$$
"""


def _family_statements(name: str, measures: tuple[str, ...], rows: str) -> list[str]:
    """A family's rows staged; their sums per day into the summary and per month from those; and what each
    order added, as `facts.encode` writes it (a measure that is zero left out), built as text."""
    staged, daily, parts = f"rb_f_{name}", f"rb_d_{name}", f"rb_c_{name}"
    columns = ", ".join(measures)
    sums = ", ".join(f"sum({m})::bigint AS {m}" for m in measures)
    as_text = ", ".join(
        f"""CASE WHEN {m} <> 0 THEN '"{m}":"' || ({m} * 0.0001) || '"' END""" for m in measures
    )
    return [
        f"CREATE TEMP TABLE {staged} ON COMMIT DROP AS {rows}",
        f"CREATE TEMP TABLE {daily} ON COMMIT DROP AS SELECT day, dim, key, {sums} FROM {staged}"
        " GROUP BY day, dim, key",
        f"INSERT INTO report_daily (day, dim, key, {columns}) SELECT day, dim, key, {columns} FROM {daily}"
        " ORDER BY day, dim, key",  # in the primary key's order: the index grows at its end
        f"INSERT INTO report_monthly (month, dim, key, {columns})"
        f" SELECT date_trunc('month', day)::date, dim, key, {sums} FROM {daily} GROUP BY 1, dim, key",
        f"CREATE TEMP TABLE {parts} ON COMMIT DROP AS"
        f" SELECT order_id, string_agg('[\"' || day || '\",' || to_json(dim) || ',' || to_json(key) || ',{{'"
        f" || concat_ws(',', {as_text}) || '}}]', ',') AS part FROM {staged} GROUP BY order_id",
    ]


_HAS_LZ4 = """SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"""
_PARTS = ", ".join(f"rb_c_{n}.part" for n, _, _ in _FAMILIES)
_FACTS = f"""
INSERT INTO report_order_facts (order_id, contribution, updated_at)
SELECT o.order_id, ('[' || concat_ws(',', {_PARTS}) || ']')::json, :now
  FROM rb_o o {" ".join(f"LEFT JOIN rb_c_{n} ON rb_c_{n}.order_id = o.order_id" for n, _, _ in _FAMILIES)}
 ORDER BY o.order_id
"""


_SUMS = ("report_daily", "report_monthly")
_KEYS = """
SELECT 'ALTER TABLE ' || conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(conname),
       'ALTER TABLE ' || conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(conname) || ' '
       || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE conrelid = CAST(:table AS regclass) AND contype IN ('p', 'u')
"""
_INDEXES = """
SELECT 'DROP INDEX ' || quote_ident(schemaname) || '.' || quote_ident(indexname), indexdef FROM pg_indexes
 WHERE schemaname = current_schema() AND tablename = :table
   AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = CAST(:table AS regclass))
"""


def _drop_indexes(session: Session, tables: tuple[str, ...]) -> list[str]:
    """Drop the (emptied) tables' keys and indexes, as they stand in the database; returns the statements
    that make them again. Filling the tables first and indexing after is about a third quicker."""
    again: list[str] = []
    for table in tables:
        for query in (_INDEXES, _KEYS):
            for drop, make in session.execute(text(query), {"table": table}).all():
                session.execute(text(drop))
                again.append(make)
    return again


def rebuild(session: Session, now: datetime, cutoff: str) -> int:
    """Fill the (emptied) summary from every order in the session's transaction; returns the orders.
    The summary's keys and indexes are dropped while it fills and made again after."""
    run = session.execute
    run(text("SET LOCAL work_mem = '256MB'"))  # the groupings hash in memory instead of sorting on disk
    run(text(_PICKUP_DUE.replace("{cutoff}", cutoff)))
    run(text("SET LOCAL jit = off"))  # compiling the wide expressions cost more than it saved
    if session.execute(text(_HAS_LZ4)).scalar():
        run(text("SET LOCAL default_toast_compression = lz4"))  # the stored contributions: half pglz's time
    for statement in (_ORDERS, _LINES, _RETURNED, _PER_ORDER):
        run(text(statement))
    run(text("ANALYZE rb_o; ANALYZE rb_l; ANALYZE rb_r; ANALYZE rb_t"))
    make_indexes = _drop_indexes(session, _SUMS)
    for family in _FAMILIES:
        for statement in _family_statements(*family):
            run(text(statement))
    run(text("SET LOCAL maintenance_work_mem = '256MB'"))
    for statement in reversed(make_indexes):  # the keys first, then the other indexes
        run(text(statement))
    run(text(_FACTS), {"now": now})
    return int(session.execute(text("SELECT count(*) FROM rb_o")).scalar_one())
