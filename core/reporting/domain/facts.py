"""An order's facts as reporting sees them, and what they add to the daily summary.

The summary (`report_daily`) holds, per day, dimension and key, a sum of each measure.  An order's
contribution is computed from its facts alone, so keeping the summary up to date is: take the order's
old contribution off, put its new one on.  Doing that twice with the same facts changes nothing,
which is what makes a replayed event harmless.

Definitions (docs/reports.md says them for users):
- an order is *booked* once it is accepted and is not rejected or cancelled; sales count booked
  orders on the day they arrived (UTC), at their lines' amounts, and cost at the product's standard
  cost (`cost_price`) times the quantity in the product's own unit;
- service counts booked orders that shipped: lead time from arrival to the first shipment; on time
  when the last shipment left on or before the requested delivery date (no date asked: on time); in
  full when everything ordered was shipped;
- carriers count shipments on the day they left; returns count returned units on the order's day;
- a pickup is on time when the carrier took the shipment (`shipped_at`) by the end of the day it was
  packed, or of the next weekday when it was packed at or after the cut-off (`PICKUP_CUTOFF`, UTC);
- sales by category count each line under its product's category (`?` for none), on the order's day;
- a corrected order is a decided one a clerk edited in review; each field a clerk changed (an audit
  trail "edit") counts once;
- keystrokes are the keys a clerk pressed in the order's review form, summed over its review actions
  (saves, approval, rejection), counted for corrected orders only; `keyed` counts the corrected orders
  whose keys were counted (an action recorded before the screen counted them counts none), and is
  what keystrokes per corrected order divides by.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
STEP = Decimal("0.0001")  # the summary keeps every measure to the ten-thousandth
NOT_BOOKED = frozenset({"received", "in_review", "rejected", "cancelled"})
UNDECIDED = frozenset({"received"})
UNKNOWN = "?"
PICKUP_CUTOFF = time(15, 0)  # packed at or after this (UTC), the carrier may take it the next weekday

MEASURES = (
    "orders",
    "lines",
    "quantity",
    "revenue",
    "cost",
    "uncosted_lines",
    "shipped_orders",
    "lead_hours",
    "on_time",
    "in_full",
    "otif",
    "short_picks",
    "shipments",
    "parcels",
    "weight_kg",
    "carrier_cost",
    "delivered",
    "delivered_on_time",
    "shipped_qty",
    "returned_qty",
    "returns",
    "captured",
    "touchless",
    "reviewed",
    "review_seconds",
    # added by migration 0021
    "pickups_on_time",
    "pickup_hours",
    "corrected",
    "field_edits",
    # added by migration 0027
    "keystrokes",
    "keyed",
)

Key = tuple[date, str, str]  # day, dimension, key
Measures = dict[str, Decimal]
Contribution = dict[Key, Measures]


@dataclass(frozen=True)
class LineFact:
    sku: str | None
    quantity: Decimal  # in the product's own unit
    revenue: Decimal
    unit_cost: Decimal | None  # the product's standard cost; None: not known
    shipped: Decimal = ZERO
    category: str | None = None


@dataclass(frozen=True)
class ShipmentFact:
    carrier: str | None
    zone: str | None
    shipped_at: datetime | None
    parcels: int
    weight_kg: Decimal
    charge: Decimal
    promised: date | None = None
    delivered_at: datetime | None = None
    packed_at: datetime | None = None


@dataclass(frozen=True)
class ReturnFact:
    sku: str
    reason: str
    quantity: Decimal


@dataclass(frozen=True)
class OrderFacts:
    """What reporting needs of one order, gathered from every area's tables."""

    order_id: int
    arrived_at: datetime  # UTC
    customer_id: str | None
    channel: str
    state: str
    lines: tuple[LineFact, ...] = ()
    shipments: tuple[ShipmentFact, ...] = ()
    returns: tuple[ReturnFact, ...] = ()
    requested: date | None = None
    in_full: bool = False  # everything ordered has shipped
    short_picks: int = 0
    touchless: bool = False  # accepted at capture, never through the review queue
    review_seconds: float | None = None  # arrival to a clerk's approval
    document_format: str | None = None
    field_edits: int = 0  # fields a clerk changed in review (audit "edit" events)
    keystrokes: int | None = None  # keys pressed in its review form over all actions; None: never counted

    @property
    def day(self) -> date:
        return self.arrived_at.date()

    @property
    def booked(self) -> bool:
        return self.state not in NOT_BOOKED


def contribution(facts: OrderFacts) -> Contribution:
    """Everything this order adds to the summary, by (day, dimension, key)."""
    out: Contribution = {}
    if facts.booked:
        _sales(facts, out)
        _service(facts, out)
        _returns(facts, out)
    _carriers(facts, out)
    _capture(facts, out)
    kept = {k: {m: _step(v) for m, v in ms.items() if v} for k, ms in out.items()}
    return {k: ms for k, ms in kept.items() if ms}


def _step(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    return value if isinstance(exponent, int) and exponent >= -4 else value.quantize(STEP, ROUND_HALF_UP)


def _add(out: Contribution, key: Key, **measures: Decimal | int) -> None:
    sums = out.setdefault(key, {})
    for name, value in measures.items():
        if value:
            sums[name] = sums.get(name, ZERO) + value


def _order_dims(facts: OrderFacts) -> list[tuple[str, str]]:
    customer = facts.customer_id or UNKNOWN
    weekday, hour = str(facts.arrived_at.isoweekday()), f"{facts.arrived_at.hour:02d}"
    return [
        ("all", ""),
        ("customer", customer),
        ("channel", facts.channel),
        ("weekday", weekday),
        ("hour", hour),
        ("customer_weekday", f"{customer}|{weekday}"),
        ("customer_channel", f"{customer}|{facts.channel}"),
    ]


def _sales(facts: OrderFacts, out: Contribution) -> None:
    revenue = sum((line.revenue for line in facts.lines), ZERO)
    cost = sum((line.quantity * line.unit_cost for line in facts.lines if line.unit_cost is not None), ZERO)
    uncosted = sum(1 for line in facts.lines if line.unit_cost is None)
    quantity = sum((line.quantity for line in facts.lines), ZERO)
    for dim, key in _order_dims(facts):
        _add(
            out,
            (facts.day, dim, key),
            orders=1,
            lines=len(facts.lines),
            quantity=quantity,
            revenue=revenue,
            cost=cost,
            uncosted_lines=uncosted,
        )
    seen: set[str] = set()
    for line in facts.lines:
        sku = line.sku or UNKNOWN
        line_cost = line.quantity * line.unit_cost if line.unit_cost is not None else ZERO
        _add(
            out,
            (facts.day, "product", sku),
            orders=0 if sku in seen else 1,
            lines=1,
            quantity=line.quantity,
            revenue=line.revenue,
            cost=line_cost,
            uncosted_lines=1 if line.unit_cost is None else 0,
            shipped_qty=line.shipped,
        )
        seen.add(sku)
    categories: set[str] = set()
    for line in facts.lines:
        category = line.category or UNKNOWN
        _add(
            out,
            (facts.day, "category", category),
            orders=0 if category in categories else 1,
            lines=1,
            quantity=line.quantity,
            revenue=line.revenue,
            cost=line.quantity * line.unit_cost if line.unit_cost is not None else ZERO,
            uncosted_lines=1 if line.unit_cost is None else 0,
        )
        categories.add(category)


def _service(facts: OrderFacts, out: Contribution) -> None:
    left = [s.shipped_at for s in facts.shipments if s.shipped_at is not None]
    if not left:
        return
    lead = Decimal(str(round((min(left) - facts.arrived_at).total_seconds() / 3600, 4)))
    on_time = facts.requested is None or max(left).date() <= facts.requested
    for dim, key in _order_dims(facts)[:3]:
        _add(
            out,
            (facts.day, dim, key),
            shipped_orders=1,
            lead_hours=lead,
            on_time=int(on_time),
            in_full=int(facts.in_full),
            otif=int(on_time and facts.in_full),
            short_picks=facts.short_picks,
        )


def _carriers(facts: OrderFacts, out: Contribution) -> None:
    counted: set[tuple[str, str]] = set()
    for s in facts.shipments:
        if s.shipped_at is None:
            continue
        carrier, zone = s.carrier or UNKNOWN, s.zone or UNKNOWN
        delivered = s.delivered_at is not None
        on_time = delivered and (s.promised is None or s.delivered_at.date() <= s.promised)  # type: ignore[union-attr]
        # a shipment always has its packing time; facts made without one say nothing about pickup
        pickup_on_time, pickup = 0, ZERO
        if s.packed_at is not None:
            pickup_on_time = int(s.shipped_at.date() <= pickup_due(s.packed_at))
            pickup = Decimal(str(round(max((s.shipped_at - s.packed_at).total_seconds(), 0) / 3600, 4)))
        for dim, key in (("carrier", carrier), ("zone", zone)):
            _add(
                out,
                (s.shipped_at.date(), dim, key),
                orders=0 if (dim, key) in counted else 1,
                shipments=1,
                parcels=s.parcels,
                weight_kg=s.weight_kg,
                carrier_cost=s.charge,
                delivered=int(delivered),
                delivered_on_time=int(on_time),
                pickups_on_time=pickup_on_time,
                pickup_hours=pickup,
            )
            counted.add((dim, key))


def _returns(facts: OrderFacts, out: Contribution) -> None:
    for r in facts.returns:
        _add(out, (facts.day, "product", r.sku), returned_qty=r.quantity)
        _add(out, (facts.day, "return_reason", r.reason or UNKNOWN), returns=1, returned_qty=r.quantity)


def _capture(facts: OrderFacts, out: Contribution) -> None:
    if facts.state in UNDECIDED:
        return
    dims = [
        ("capture_channel", facts.channel),
        ("capture_customer", facts.customer_id or UNKNOWN),
        ("capture_format", facts.document_format or UNKNOWN),
    ]
    review = Decimal(str(round(facts.review_seconds, 3))) if facts.review_seconds is not None else ZERO
    corrected = facts.field_edits > 0
    keyed = corrected and facts.keystrokes is not None
    for dim, key in dims:
        _add(
            out,
            (facts.day, dim, key),
            captured=1,
            touchless=int(facts.touchless),
            reviewed=int(facts.review_seconds is not None),
            review_seconds=review,
            corrected=int(corrected),
            field_edits=facts.field_edits,
            keystrokes=(facts.keystrokes or 0) if keyed else 0,
            keyed=int(keyed),
        )


def pickup_due(packed_at: datetime) -> date:
    """The last day the carrier may take a shipment packed at `packed_at` (UTC) and still be on time:
    that day if packed before the cut-off, else the next weekday (Monday after a Friday)."""
    due = packed_at.date()
    if packed_at.time() >= PICKUP_CUTOFF:
        due += timedelta(days=1)
    while due.isoweekday() > 5:
        due += timedelta(days=1)
    return due


def delta(old: Mapping[Key, Measures], new: Mapping[Key, Measures]) -> Contribution:
    """What to add to the summary to replace `old` by `new`; keys whose measures do not change drop out."""
    out: Contribution = {}
    for key in set(old) | set(new):
        before, after = old.get(key, {}), new.get(key, {})
        change = {m: after.get(m, ZERO) - before.get(m, ZERO) for m in set(before) | set(after)}
        change = {m: v for m, v in change.items() if v}
        if change:
            out[key] = change
    return out


def encode(contrib: Mapping[Key, Measures]) -> list[list[object]]:
    """The contribution as JSON keeps it (what the order added last time)."""
    return [
        [day.isoformat(), dim, key, {m: str(v) for m, v in ms.items()}]
        for (day, dim, key), ms in sorted(contrib.items())
    ]


def decode(rows: Iterable[list[object]]) -> Contribution:
    out: Contribution = {}
    for day, dim, key, ms in rows:
        assert isinstance(ms, dict)
        out[(date.fromisoformat(str(day)), str(dim), str(key))] = {m: Decimal(v) for m, v in ms.items()}
    return out
