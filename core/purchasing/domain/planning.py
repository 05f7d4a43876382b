"""Replenishment planning: for each product and warehouse, its position (available stock, plus what is
on order, less the demand not yet allocated) against its reorder rule; what falls short becomes a
proposed line of the chosen supplier, in whole packs and at least the supplier's minimum, and the
lines are grouped into one proposal per supplier and warehouse.

A product without a rule is ordered only when its position is below zero (orders wait for it): then
just enough to serve them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.purchasing.domain.suppliers import Offer, Rule, choose_supplier, order_quantity

ZERO = Decimal(0)
Place = tuple[str, str]  # (sku, warehouse)
Progress = Callable[[int, int], None]  # (places looked at, places to look at)


@dataclass(frozen=True)
class Need:
    """Why a product at a warehouse is to be ordered: its position and what its rule asks."""

    sku: str
    warehouse: str
    position: Decimal
    wanted: Decimal  # up to the order-up-to level (or to zero without a rule)


@dataclass(frozen=True)
class ProposedLine:
    sku: str
    supplier_item_code: str
    quantity: Decimal
    unit_price: Decimal
    need: Need


@dataclass
class Proposal:
    """A draft purchase order: one supplier, one warehouse."""

    supplier_id: str
    warehouse: str
    currency: str
    expected_date: date
    lines: list[ProposedLine] = field(default_factory=list)


@dataclass(frozen=True)
class Plan:
    proposals: list[Proposal]
    unsourced: list[Need]  # short, but no supplier sells it


@dataclass(frozen=True)
class Position:
    """What planning reads: stock, demand and what is on order, per (sku, warehouse)."""

    available: Mapping[Place, Decimal]
    demand: Mapping[Place, Decimal]
    on_order: Mapping[Place, Decimal]

    def of(self, place: Place) -> Decimal:
        return self.available.get(place, ZERO) + self.on_order.get(place, ZERO) - self.demand.get(place, ZERO)


def needs(rules: Iterable[Rule], position: Position, progress: Progress | None = None) -> list[Need]:
    """Every (sku, warehouse) at or below its reorder point, or below zero without a rule.
    `progress(done, total)` hears after each (sku, warehouse) looked at."""
    rules = list(rules)
    ruled = {(rule.sku, rule.warehouse) for rule in rules}
    unruled = sorted(set(position.demand) - ruled)
    places = len(rules) + len(unruled)
    found: list[Need] = []
    for done, rule in enumerate(rules, start=1):
        at = position.of((rule.sku, rule.warehouse))
        if at <= rule.reorder_point and rule.order_up_to - at > 0:
            found.append(Need(rule.sku, rule.warehouse, at, rule.order_up_to - at))
        if progress is not None:
            progress(done, places)
    for done, place in enumerate(unruled, start=len(rules) + 1):
        at = position.of(place)
        if at < 0:
            found.append(Need(place[0], place[1], at, -at))
        if progress is not None:
            progress(done, places)
    return found


def plan(
    rules: Iterable[Rule],
    position: Position,
    offers: Iterable[Offer],
    preferred: Mapping[Place, str],
    today: date,
    progress: Progress | None = None,
) -> Plan:
    """Proposals grouped by supplier and warehouse, each line in whole packs and at least the minimum.
    `progress` hears how many (sku, warehouse) places have been looked at (see `needs`)."""
    by_sku: dict[str, list[Offer]] = defaultdict(list)
    for each in offers:
        by_sku[each.sku].append(each)
    grouped: dict[tuple[str, str], Proposal] = {}
    unsourced: list[Need] = []
    for need in needs(rules, position, progress):
        offer = choose_supplier(need.sku, need.warehouse, by_sku.get(need.sku, ()), preferred)
        if offer is None:
            unsourced.append(need)
            continue
        key = (offer.supplier_id, need.warehouse)
        arrives = today + timedelta(days=offer.lead_time_days)
        proposal = grouped.setdefault(
            key, Proposal(offer.supplier_id, need.warehouse, offer.currency, arrives)
        )
        proposal.expected_date = max(proposal.expected_date, arrives)
        quantity = order_quantity(offer, need.wanted)
        proposal.lines.append(ProposedLine(need.sku, offer.supplier_item_code, quantity, offer.price, need))
    proposals = [grouped[k] for k in sorted(grouped)]
    return Plan(proposals, unsourced)
