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
_COLUMNS = ", ".join(MEASURES)


def _staged(values: dict[str, str]) -> str:
    """A SELECT list of every measure in ten-thousandths (as the summary keeps them), the given ones from
    expressions rounded there, the others zero."""
    return ", ".join(
        f"round(({values[m]}) * 10000)::bigint AS {m}" if m in values else f"0::bigint AS {m}"
        for m in MEASURES
    )


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
# one row per order, day, dimension and key: the statements below never meet on a key
_STAGE = f"""
CREATE TEMP TABLE rb_s (order_id integer, day date, dim text, key text,
                        {", ".join(f"{m} bigint" for m in MEASURES)}) ON COMMIT DROP
"""
_PER_ORDER = """
CREATE TEMP TABLE rb_t ON COMMIT DROP AS
SELECT order_id, count(*) AS lines, sum(units) AS quantity, sum(revenue) AS revenue,
       coalesce(sum(units * unit_cost) FILTER (WHERE unit_cost IS NOT NULL), 0) AS cost,
       count(*) FILTER (WHERE unit_cost IS NULL) AS uncosted,
       bool_and(shipped >= units) AS in_full
  FROM rb_l GROUP BY order_id
"""
# sales on the order's keys; service on the first three of them, for orders with a shipment that left
_SERVED = "k.n <= 3 AND s.order_id IS NOT NULL"
_ON_TIME = "(o.requested IS NULL OR s.last_day <= o.requested)"
_SALES = f"""
INSERT INTO rb_s
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
INSERT INTO rb_s
SELECT o.order_id, o.day, 'product', x.sku, {
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
INSERT INTO rb_s
SELECT o.order_id, o.day, 'category', x.category, {_staged(_LINE_MEASURES)}
  FROM (SELECT order_id, category, {_LINE_SUMS} FROM rb_l GROUP BY order_id, category) x
  JOIN rb_o o ON o.order_id = x.order_id
 WHERE o.booked
"""
_RETURNS = f"""
INSERT INTO rb_s
SELECT o.order_id, o.day, 'return_reason', r.reason,
       {_staged({"returns": "count(*)", "returned_qty": "sum(r.received)"})}
  FROM rb_o o JOIN rb_r r ON r.order_id = o.order_id WHERE o.booked GROUP BY o.order_id, o.day, r.reason
"""
# per carrier and per zone, on the day the shipments left; an order counts once per carrier (or zone)
_CARRIERS = f"""
INSERT INTO rb_s
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
INSERT INTO rb_s
SELECT o.order_id, o.day, k.dim, k.key, {
    _staged(
        {
            "captured": "1",
            "touchless": "(o.decision = 'accept' AND a.approved IS NULL)::int",
            "reviewed": "(a.approved IS NOT NULL)::int",
            "review_seconds": "coalesce(round(extract(epoch FROM a.approved - o.created_at)::numeric, 3), 0)",
            "corrected": "(coalesce(a.edits, 0) > 0)::int",
            "field_edits": "coalesce(a.edits, 0)",
        }
    )
}
  FROM rb_o o
  LEFT JOIN (SELECT order_id, min(at) FILTER (WHERE action = 'approve') AS approved,
                    count(*) FILTER (WHERE action = 'edit') AS edits
               FROM audit_events WHERE action IN ('approve', 'edit') GROUP BY order_id) a
    ON a.order_id = o.order_id
  CROSS JOIN LATERAL (VALUES ('capture_channel', o.channel), ('capture_customer', o.customer),
                             ('capture_format', o.fmt)) AS k(dim, key)
 WHERE o.state NOT IN ({_UNDECIDED})
"""
# the last day a carrier may take a shipment packed at a UTC time: see `facts.pickup_due`
_PICKUP_DUE = """
CREATE OR REPLACE FUNCTION pg_temp.comanda_pickup_due(packed timestamp) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN extract(isodow FROM d) = 6 THEN d + 2
              WHEN extract(isodow FROM d) = 7 THEN d + 1 ELSE d END
    FROM (SELECT packed::date + CASE WHEN packed::time >= time '{cutoff}' THEN 1 ELSE 0 END AS d) x
$$
"""
_DAILY = f"""
INSERT INTO report_daily (day, dim, key, {_COLUMNS})
SELECT day, dim, key, {", ".join(f"sum({m})" for m in MEASURES)}
  FROM rb_s GROUP BY day, dim, key
"""
_MONTHLY = f"""
INSERT INTO report_monthly (month, dim, key, {_COLUMNS})
SELECT date_trunc('month', day)::date, dim, key, {", ".join(f"sum({m})" for m in MEASURES)}
  FROM report_daily GROUP BY 1, dim, key
"""
# what each order added, as `facts.encode` writes it (a measure that is zero is left out), built as text
_MEASURE_TEXT = ", ".join(
    f"""CASE WHEN {m} <> 0 THEN '"{m}":"' || ({m} * 0.0001) || '"' END""" for m in MEASURES
)
_FACTS = f"""
INSERT INTO report_order_facts (order_id, contribution, updated_at)
SELECT o.order_id, coalesce(c.contribution, '[]')::json, :now
  FROM rb_o o LEFT JOIN (
       SELECT order_id, '[' || string_agg('["' || day || '",' || to_json(dim) || ',' || to_json(key) || ',{{'
              || concat_ws(',', {_MEASURE_TEXT}) || '}}]', ',' ORDER BY day, dim, key) || ']' AS contribution
         FROM rb_s GROUP BY order_id) c ON c.order_id = o.order_id
"""


def rebuild(session: Session, now: datetime, cutoff: str) -> int:
    """Fill the (emptied) summary from every order in the session's transaction; returns the orders."""
    run = session.execute
    run(text("SET LOCAL work_mem = '256MB'"))  # the groupings hash in memory instead of sorting on disk
    run(text(_PICKUP_DUE.replace("{cutoff}", cutoff)))
    for statement in (_ORDERS, _LINES, _RETURNED, _STAGE, _PER_ORDER):
        run(text(statement))
    run(text("ANALYZE rb_o; ANALYZE rb_l; ANALYZE rb_r; ANALYZE rb_t"))
    for statement in (_SALES, _PRODUCTS, _CATEGORIES, _RETURNS, _CARRIERS, _CAPTURE):
        run(text(statement))
    for statement in (_DAILY, _MONTHLY):
        run(text(statement))
    run(text(_FACTS), {"now": now})
    return int(session.execute(text("SELECT count(*) FROM rb_o")).scalar_one())
