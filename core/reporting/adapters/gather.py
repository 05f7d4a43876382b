"""Gather orders' facts from every area's tables, a batch of orders at a time.

Reporting reads the other areas' tables by name from the one metadata (`core.orm` has registered them
all by the time a session exists), so it depends on their columns, never on their code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    Table,
    any_,
    bindparam,
    func,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from core.kernel.adapters.orm import metadata
from core.reporting.domain.facts import ZERO, LineFact, OrderFacts, ReturnFact, ShipmentFact


def _t(name: str) -> Table:
    return metadata.tables[name]


# orders gathered a statement at a time: on SQLite the heads' statement names each id six times,
# which keeps it under SQLite's default limit of 32,766 parameters however many orders a refresh has
CHUNK = 2000


def gather(session: Session, order_ids: Sequence[int]) -> dict[int, OrderFacts]:
    """The facts of each order that exists among `order_ids`."""
    if not order_ids:
        return {}
    if len(order_ids) > CHUNK:
        out: dict[int, OrderFacts] = {}
        for start in range(0, len(order_ids), CHUNK):
            out.update(gather(session, order_ids[start : start + CHUNK]))
        return out
    dialect = session.get_bind().dialect.name
    heads = session.execute(_heads(dialect), {"ids": list(order_ids)}).all()
    # an order just captured has nothing shipped, picked, returned or reviewed yet: the seven queries
    # below ask only about the orders that have (they would find nothing for the others)
    moved = [row[0] for row in heads if row[-1]]
    lines, in_full = _lines(session, dialect, order_ids, moved)
    shipments = _shipments(session, moved) if moved else {}
    shorts = _short_picks(session, moved) if moved else {}
    returns = _returns(session, moved) if moved else {}
    approved = _approved(session, moved) if moved else {}
    edits = _field_edits(session, moved) if moved else {}
    keys = _keystrokes(session, moved) if moved else {}
    out = {}
    for oid, created, customer, channel, state, decision, requested, fmt, _ in heads:
        approved_at = approved.get(oid)
        out[oid] = OrderFacts(
            order_id=oid,
            arrived_at=created,
            customer_id=customer,
            channel=channel,
            state=str(state),
            lines=tuple(lines.get(oid, ())),
            shipments=tuple(shipments.get(oid, ())),
            returns=tuple(returns.get(oid, ())),
            requested=requested,
            in_full=in_full.get(oid, False),
            short_picks=shorts.get(oid, 0),
            touchless=str(decision) == "accept" and approved_at is None,
            review_seconds=(approved_at - created).total_seconds() if approved_at else None,
            document_format=fmt,
            field_edits=edits.get(oid, 0),
            keystrokes=keys.get(oid),
        )
    return out


def _among(column: ColumnElement[int], dialect: str) -> ColumnElement[bool]:
    """`column` is one of the ids bound as `ids`: on PostgreSQL one array parameter (`= ANY`), which
    it plans at once however long; elsewhere the list expanded, one parameter an id."""
    if dialect == "postgresql":
        return column == any_(bindparam("ids", type_=ARRAY(Integer)))
    return column.in_(bindparam("ids", expanding=True))


@cache
def _heads(dialect: str) -> Select[Any]:
    """Each order's head, and whether it has moved past capture (`_moved`), for the orders `ids`: built
    once per database (building the expressions anew cost more than running the query)."""
    o, d = _t("orders"), _t("documents")
    return (
        select(
            o.c.id,
            o.c.created_at,
            o.c.customer_id,
            o.c.channel,
            o.c.state,
            o.c.decision,
            o.c.requested_delivery_date,
            d.c.format,
            o.c.id.in_(_moved(dialect)).label("moved"),
        )
        .join(d, d.c.id == o.c.document_id)
        .where(_among(o.c.id, dialect))
    )


def _moved(dialect: str) -> CompoundSelect[int]:
    """Those of the orders with a row any of the queries after the lines' would find: each part asks
    what its query asks (or less), so an order none of them names has no shipment, short pick, return
    or review action to gather."""
    a, s, pl = _t("allocations"), _t("shipments"), _t("pick_lines")
    r, ae = _t("returns"), _t("audit_events")
    return union_all(
        select(a.c.order_id)
        .join(s, s.c.id == a.c.shipment_id)
        .where(_among(a.c.order_id, dialect), s.c.shipped_at.is_not(None)),
        select(s.c.order_id).where(_among(s.c.order_id, dialect), s.c.shipped_at.is_not(None)),
        select(pl.c.order_id).where(_among(pl.c.order_id, dialect), pl.c.state == "short"),
        select(r.c.order_id).where(_among(r.c.order_id, dialect), r.c.received_at.is_not(None)),
        select(ae.c.order_id).where(_among(ae.c.order_id, dialect)),
    )


@cache
def _line_rows(dialect: str) -> Select[Any]:
    """The lines of the orders `ids` with their product's cost and category, built once per database."""
    ol, p, pc = _t("order_lines"), _t("products"), _t("product_categories")
    return (
        select(
            ol.c.order_id,
            ol.c.id,
            ol.c.sku,
            ol.c.quantity,
            ol.c.base_quantity,
            ol.c.unit_price,
            ol.c.amount,
            p.c.cost_price,
            pc.c.category,
        )
        .outerjoin(p, p.c.sku == ol.c.sku)
        .outerjoin(pc, pc.c.sku == ol.c.sku)
        .where(_among(ol.c.order_id, dialect))
        .order_by(ol.c.order_id, ol.c.position)
    )


def _lines(
    session: Session, dialect: str, order_ids: Sequence[int], moved: Sequence[int]
) -> tuple[dict[int, list[LineFact]], dict[int, bool]]:
    a, s = _t("allocations"), _t("shipments")
    shipped_rows = (
        session.execute(
            select(a.c.line_id, a.c.quantity)
            .join(s, s.c.id == a.c.shipment_id)
            .where(a.c.order_id.in_(moved), s.c.shipped_at.is_not(None))
        ).all()
        if moved
        else []
    )
    shipped: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line_id, qty in shipped_rows:
        shipped[line_id] += qty
    rows = session.execute(_line_rows(dialect), {"ids": list(order_ids)}).all()
    out: dict[int, list[LineFact]] = defaultdict(list)
    in_full: dict[int, bool] = {}
    for oid, line_id, sku, qty, base_qty, price, amount, cost, category in rows:
        units = base_qty if base_qty is not None else (qty or ZERO)
        revenue = amount if amount is not None else (qty or ZERO) * (price or ZERO)
        out[oid].append(LineFact(sku, units, revenue, cost, shipped.get(line_id, ZERO), category))
        in_full[oid] = in_full.get(oid, True) and shipped.get(line_id, ZERO) >= units
    return out, in_full


def _shipments(session: Session, order_ids: Sequence[int]) -> dict[int, list[ShipmentFact]]:
    s, pc = _t("shipments"), _t("parcels")
    rows = session.execute(
        select(
            s.c.id,
            s.c.order_id,
            s.c.carrier,
            s.c.zone,
            s.c.shipped_at,
            s.c.delivered_at,
            s.c.promised_date,
            s.c.charge,
            s.c.created_at,
        ).where(s.c.order_id.in_(order_ids), s.c.shipped_at.is_not(None))
    ).all()
    weights: dict[int, list[Decimal]] = defaultdict(list)
    ids = [r[0] for r in rows]
    if ids:
        for sid, kg in session.execute(
            select(pc.c.shipment_id, pc.c.weight_kg).where(pc.c.shipment_id.in_(ids))
        ):
            weights[sid].append(kg)
    out: dict[int, list[ShipmentFact]] = defaultdict(list)
    for sid, oid, carrier, zone, shipped_at, delivered_at, promised, charge, packed_at in rows:
        kgs = weights.get(sid, [])
        out[oid].append(
            ShipmentFact(
                carrier,
                zone,
                shipped_at,
                len(kgs),
                sum(kgs, ZERO),
                charge or ZERO,
                promised,
                delivered_at,
                packed_at,
            )
        )
    return out


def _short_picks(session: Session, order_ids: Sequence[int]) -> dict[int, int]:
    pl = _t("pick_lines")
    rows = session.execute(
        select(pl.c.order_id, func.count())
        .where(pl.c.order_id.in_(order_ids), pl.c.state == "short")
        .group_by(pl.c.order_id)
    ).all()
    return {oid: int(n) for oid, n in rows}


def _returns(session: Session, order_ids: Sequence[int]) -> dict[int, list[ReturnFact]]:
    """Units received back, by SKU and the return's reason (returns not yet received count nothing)."""
    r, rl = _t("returns"), _t("return_lines")
    rows = session.execute(
        select(r.c.order_id, rl.c.sku, r.c.reason, rl.c.received)
        .join(rl, rl.c.return_id == r.c.id)
        .where(r.c.order_id.in_(order_ids), r.c.received_at.is_not(None))
    ).all()
    out: dict[int, list[ReturnFact]] = defaultdict(list)
    for oid, sku, reason, received in rows:
        if received:
            out[oid].append(ReturnFact(sku, (reason or "").strip(), received))
    return out


def _approved(session: Session, order_ids: Sequence[int]) -> dict[int, datetime]:
    """When a clerk first approved each order in the review queue."""
    ae = _t("audit_events")
    rows = session.execute(
        select(ae.c.order_id, func.min(ae.c.at))
        .where(ae.c.order_id.in_(order_ids), ae.c.action == "approve")
        .group_by(ae.c.order_id)
    ).all()
    return {oid: _utc(at) for oid, at in rows}


def _field_edits(session: Session, order_ids: Sequence[int]) -> dict[int, int]:
    """How many fields a clerk changed on each order in review (one audit "edit" per field saved)."""
    ae = _t("audit_events")
    rows = session.execute(
        select(ae.c.order_id, func.count())
        .where(ae.c.order_id.in_(order_ids), ae.c.action == "edit")
        .group_by(ae.c.order_id)
    ).all()
    return {oid: int(n) for oid, n in rows}


def _keystrokes(session: Session, order_ids: Sequence[int]) -> dict[int, int]:
    """The keys a clerk pressed in each order's review form, over every review action that counted
    them; an order none of whose actions counted keys is absent."""
    ae = _t("audit_events")
    rows = session.execute(
        select(ae.c.order_id, func.sum(ae.c.keystrokes))
        .where(ae.c.order_id.in_(order_ids), ae.c.keystrokes.is_not(None))
        .group_by(ae.c.order_id)
    ).all()
    return {oid: int(n) for oid, n in rows}


def _utc(value: datetime) -> datetime:
    # min() over a UTCDateTime column comes back without the type's processing on SQLite
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
