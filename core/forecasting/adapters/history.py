"""The order history as forecasting reads it: dated events with a key and an amount, straight from
the order, allocation and shipment tables (read only; forecasting writes none of them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlalchemy.orm import Session

from core.capture.adapters.orm_review import audit_events
from core.catalog.adapters.orm import customer_groups, customers
from core.fulfilment.adapters.orm import allocations, shipments
from core.kernel.adapters.orm import orders
from core.kernel.domain.model import Decision, OrderState

# (when, key, amount): one order, shipment or allocated quantity
Event = tuple[datetime, str, float]

# orders that never became business
_NOT_COUNTED = (OrderState.REJECTED,)


def group_of(country: str | None, group: str | None = None) -> str:
    """The customer group forecasts split by: the group the commercial terms give the customer
    (`oms import customer-groups`), and for a customer in none, domestic or export by its country."""
    if group:
        return group
    return "nacional" if (country or "ES").upper() == "ES" else "exportación"


class HistoryReader:
    """Reads the events each forecast is built on."""

    def __init__(self, bind: Engine | Session) -> None:
        self.bind = bind

    def _rows(self, stmt: Select[Any]) -> Sequence[Any]:
        if isinstance(self.bind, Session):
            return self.bind.execute(stmt).all()
        with self.bind.connect() as conn:
            return conn.execute(stmt).all()

    def orders(self, by: str | None) -> list[Event]:
        """Orders by their arrival, keyed by channel, customer group or nothing ("all")."""
        stmt = (
            select(orders.c.created_at, orders.c.channel, customers.c.country, customer_groups.c.group_code)
            .select_from(
                orders.outerjoin(customers, customers.c.customer_id == orders.c.customer_id).outerjoin(
                    customer_groups, customer_groups.c.customer_id == orders.c.customer_id
                )
            )
            .where(orders.c.state.not_in(_NOT_COUNTED))
        )
        rows = self._rows(stmt)
        return [(at, _key(by, channel, country, group), 1.0) for at, channel, country, group in rows]

    def shipments(self, by: str | None) -> list[Event]:
        """Shipments by the day they left, keyed by warehouse, carrier, zone or nothing."""
        stmt = select(
            shipments.c.shipped_at, shipments.c.warehouse, shipments.c.carrier, shipments.c.zone
        ).where(shipments.c.shipped_at.is_not(None))
        rows = self._rows(stmt)
        out = []
        for at, warehouse, carrier, zone in rows:
            key = {"warehouse": warehouse, "carrier": carrier, "zone": zone}.get(by or "", "all")
            out.append((at, str(key or "?"), 1.0))
        return out

    def demand(self, sku: str | None = None, warehouse: str | None = None) -> list[Event]:
        """Quantities allocated per SKU and warehouse (demand where it was served), keyed `SKU@WH`."""
        stmt = select(
            allocations.c.created_at, allocations.c.sku, allocations.c.warehouse, allocations.c.quantity
        )
        if sku:
            stmt = stmt.where(allocations.c.sku == sku)
        if warehouse:
            stmt = stmt.where(allocations.c.warehouse == warehouse)
        rows = self._rows(stmt)
        return [(at, f"{s}@{w}", float(Decimal(q))) for at, s, w, q in rows]

    def review_arrivals(self) -> list[Event]:
        """Orders validation sent to the review queue, by the time they arrived."""
        stmt = select(orders.c.created_at).where(orders.c.decision == Decision.REVIEW)
        rows = self._rows(stmt)
        return [(at, "review", 1.0) for (at,) in rows]

    def review_handle_minutes(self, since: datetime) -> list[float]:
        """Minutes from arrival to a clerk's first approval of each order corrected in review (a field
        edited) that arrived since `since`."""
        return _handle_minutes(self, since)


def _handle_minutes(reader: HistoryReader, since: datetime) -> list[float]:
    edited = select(audit_events.c.order_id).where(audit_events.c.action == "edit").distinct()
    stmt = (
        select(orders.c.created_at, func.min(audit_events.c.at))
        .join(audit_events, audit_events.c.order_id == orders.c.id)
        .where(audit_events.c.action == "approve", orders.c.created_at >= since, orders.c.id.in_(edited))
        .group_by(orders.c.id, orders.c.created_at)
    )
    rows = reader._rows(stmt)
    return [(_utc(approved) - _utc(arrived)).total_seconds() / 60 for arrived, approved in rows]


def _utc(value: datetime | str) -> datetime:
    # min() over a UTCDateTime column comes back without the type's processing on SQLite
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _key(by: str | None, channel: str, country: str | None, group: str | None) -> str:
    if by == "channel":
        return channel
    if by == "group":
        return group_of(country, group)
    return "all"
