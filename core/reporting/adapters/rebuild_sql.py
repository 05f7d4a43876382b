# ruff: noqa: S608 - the statements are built from our own measure and state names, never from input
"""The summary rebuilt in set-based SQL on PostgreSQL: the same figures `core.reporting.domain.facts`
computes per order in Python, written as a handful of statements over whole tables, so a million orders
are summarised in minutes rather than an hour.

Every order's contribution is first staged as rows (order, day, dimension, key, measures) in a temporary
table, each rounded to the ten-thousandth where the Python rounds; the daily sums, the monthly sums and
what each order added (`report_order_facts`, the JSON a later refresh takes off again) are all read from
that one staging table, so they agree with each other.  tests/integration/test_reports_rebuild.py holds
this to the Python path on a history made through the real services.
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
    """A SELECT list of every measure, the given ones from expressions, the others zero."""
    return ", ".join(
        f"({values[m]})::numeric AS {m}" if m in values else f"0::numeric AS {m}" for m in MEASURES
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
_STAGE = f"""
CREATE TEMP TABLE rb_s (order_id integer, day date, dim text, key text,
                        {", ".join(f"{m} numeric" for m in MEASURES)}) ON COMMIT DROP
"""
_ORDER_DIMS = """
CROSS JOIN LATERAL (VALUES ('all', ''), ('customer', o.customer), ('channel', o.channel),
    ('weekday', o.weekday), ('hour', o.hour), ('customer_weekday', o.customer || '|' || o.weekday),
    ('customer_channel', o.customer || '|' || o.channel)) AS k(dim, key)
"""
_PER_ORDER = """
CREATE TEMP TABLE rb_t ON COMMIT DROP AS
SELECT order_id, count(*) AS lines, sum(units) AS quantity, sum(revenue) AS revenue,
       coalesce(sum(units * unit_cost) FILTER (WHERE unit_cost IS NOT NULL), 0) AS cost,
       count(*) FILTER (WHERE unit_cost IS NULL) AS uncosted,
       bool_and(shipped >= units) AS in_full
  FROM rb_l GROUP BY order_id
"""
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
        }
    )
}
  FROM rb_o o LEFT JOIN rb_t t ON t.order_id = o.order_id
  {_ORDER_DIMS}
 WHERE o.booked
"""
_BY_LINE = """
INSERT INTO rb_s
SELECT o.order_id, o.day, '{dim}', l.{column}, {measures}
  FROM rb_o o JOIN rb_l l ON l.order_id = o.order_id
 WHERE o.booked
 GROUP BY o.order_id, o.day, l.{column}
"""
_LINE_MEASURES = {
    "orders": "1",
    "lines": "count(*)",
    "quantity": "sum(l.units)",
    "revenue": "sum(l.revenue)",
    "cost": "coalesce(sum(l.units * l.unit_cost) FILTER (WHERE l.unit_cost IS NOT NULL), 0)",
    "uncosted_lines": "count(*) FILTER (WHERE l.unit_cost IS NULL)",
}
_PRODUCTS = _BY_LINE.format(
    dim="product", column="sku", measures=_staged({**_LINE_MEASURES, "shipped_qty": "sum(l.shipped)"})
)
_CATEGORIES = _BY_LINE.format(dim="category", column="category", measures=_staged(_LINE_MEASURES))
_SERVICE = f"""
INSERT INTO rb_s
SELECT o.order_id, o.day, k.dim, k.key, {
    _staged(
        {
            "shipped_orders": "1",
            "lead_hours": "round((extract(epoch FROM s.first_left - o.created_at) / 3600)::numeric, 4)",
            "on_time": "(o.requested IS NULL OR s.last_day <= o.requested)::int",
            "in_full": "coalesce(t.in_full, false)::int",
            "otif": "((o.requested IS NULL OR s.last_day <= o.requested)"
            " AND coalesce(t.in_full, false))::int",
            "short_picks": "coalesce(p.shorts, 0)",
        }
    )
}
  FROM rb_o o
  JOIN (SELECT order_id, min(shipped_at) AS first_left,
               (max(shipped_at) AT TIME ZONE 'UTC')::date AS last_day
          FROM shipments WHERE shipped_at IS NOT NULL GROUP BY order_id) s ON s.order_id = o.order_id
  LEFT JOIN rb_t t ON t.order_id = o.order_id
  LEFT JOIN (SELECT order_id, count(*) AS shorts FROM pick_lines WHERE state = 'short'
              GROUP BY order_id) p ON p.order_id = o.order_id
  CROSS JOIN LATERAL (VALUES ('all', ''), ('customer', o.customer), ('channel', o.channel)) AS k(dim, key)
 WHERE o.booked
"""
_RETURNED = """
CREATE TEMP TABLE rb_r ON COMMIT DROP AS
SELECT r.order_id, rl.sku, coalesce(nullif(btrim(r.reason), ''), '?') AS reason,
       rl.received / 1000.0 AS received
  FROM returns r JOIN return_lines rl ON rl.return_id = r.id
 WHERE r.received_at IS NOT NULL AND rl.received > 0
"""
_RETURNS = f"""
INSERT INTO rb_s
SELECT o.order_id, o.day, 'product', r.sku, {_staged({"returned_qty": "sum(r.received)"})}
  FROM rb_o o JOIN rb_r r ON r.order_id = o.order_id WHERE o.booked GROUP BY o.order_id, o.day, r.sku;
INSERT INTO rb_s
SELECT o.order_id, o.day, 'return_reason', r.reason,
       {_staged({"returns": "count(*)", "returned_qty": "sum(r.received)"})}
  FROM rb_o o JOIN rb_r r ON r.order_id = o.order_id WHERE o.booked GROUP BY o.order_id, o.day, r.reason
"""
_CARRIERS = f"""
INSERT INTO rb_s
SELECT s.order_id, s.day, k.dim, k.key, {
    _staged(
        {
            "orders": "(row_number() OVER (PARTITION BY s.order_id, k.dim, k.key ORDER BY s.id) = 1)::int",
            "shipments": "1",
            "parcels": "coalesce(p.parcels, 0)",
            "weight_kg": "coalesce(p.kg, 0)",
            "carrier_cost": "coalesce(s.charge, 0)",
            "delivered": "(s.delivered_at IS NOT NULL)::int",
            "delivered_on_time": "(s.delivered_at IS NOT NULL AND (s.promised_date IS NULL"
            " OR (s.delivered_at AT TIME ZONE 'UTC')::date <= s.promised_date))::int",
            "pickups_on_time": "(s.day <= s.pickup_due)::int",
            "pickup_hours": "round((extract(epoch FROM greatest(s.shipped_at - s.created_at, interval '0'))"
            " / 3600)::numeric, 4)",
        }
    )
}
  FROM (SELECT s.*, (s.shipped_at AT TIME ZONE 'UTC')::date AS day,
               pg_temp.comanda_pickup_due(s.created_at AT TIME ZONE 'UTC') AS pickup_due
          FROM shipments s WHERE s.shipped_at IS NOT NULL) s
  LEFT JOIN (SELECT shipment_id, count(*) AS parcels, sum(weight_kg) AS kg FROM parcels
              GROUP BY shipment_id) p ON p.shipment_id = s.id
  CROSS JOIN LATERAL (VALUES ('carrier', coalesce(nullif(s.carrier, ''), '?')),
                             ('zone', coalesce(nullif(s.zone, ''), '?'))) AS k(dim, key)
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
# each order's keys with their measures summed and rounded as the Python does; all-zero keys dropped
_CONTRIBUTIONS = f"""
CREATE TEMP TABLE rb_c ON COMMIT DROP AS
SELECT order_id, day, dim, key, {", ".join(f"round(sum({m}), 4) AS {m}" for m in MEASURES)}
  FROM rb_s GROUP BY order_id, day, dim, key
HAVING {" OR ".join(f"round(sum({m}), 4) <> 0" for m in MEASURES)}
"""
_DAILY = f"""
INSERT INTO report_daily (day, dim, key, {_COLUMNS})
SELECT day, dim, key, {", ".join(f"(sum({m}) * 10000)::bigint" for m in MEASURES)}
  FROM rb_c GROUP BY day, dim, key
"""
_MONTHLY = f"""
INSERT INTO report_monthly (month, dim, key, {_COLUMNS})
SELECT date_trunc('month', day)::date, dim, key, {", ".join(f"sum({m})" for m in MEASURES)}
  FROM report_daily GROUP BY 1, dim, key
"""
_FACTS = f"""
INSERT INTO report_order_facts (order_id, contribution, updated_at)
SELECT o.order_id, coalesce(c.contribution, '[]'::json), :now
  FROM rb_o o LEFT JOIN (
       SELECT order_id, json_agg(json_build_array(day::text, dim, key, jsonb_strip_nulls(jsonb_build_object(
              {", ".join(f"'{m}', (nullif({m}, 0))::text" for m in MEASURES)}))) ORDER BY day, dim, key)
              AS contribution
         FROM rb_c GROUP BY order_id) c ON c.order_id = o.order_id
"""


def rebuild(session: Session, now: datetime, cutoff: str) -> int:
    """Fill the (emptied) summary from every order in the session's transaction; returns the orders."""
    run = session.execute
    run(text(_PICKUP_DUE.replace("{cutoff}", cutoff)))
    for statement in (_ORDERS, _LINES, _STAGE, _PER_ORDER, _SALES, _PRODUCTS, _CATEGORIES, _SERVICE):
        run(text(statement))
    run(text(_RETURNED))
    for statement in _RETURNS.split(";"):
        run(text(statement))
    for statement in (_CARRIERS, _CAPTURE, _CONTRIBUTIONS, _DAILY, _MONTHLY):
        run(text(statement))
    run(text(_FACTS), {"now": now})
    return int(session.execute(text("SELECT count(*) FROM rb_o")).scalar_one())
