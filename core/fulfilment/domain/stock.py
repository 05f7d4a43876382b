"""Stock: warehouses, stock per SKU and location, allocations, the movement ledger and sourcing.

Quantities are `Decimal` in the product's unit.  A stock level's `allocated` never exceeds its
`on_hand` (the database refuses it too); `available` is what can still be promised from it.  The
ledger is append-only: the sum of its movements per level equals the level's `on_hand` and
`allocated` at every commit.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(eq=False)
class Warehouse:
    """A place goods are shipped from; lower `priority` is preferred when sourcing."""

    code: str
    name: str
    priority: int = 100
    country: str = "ES"
    postal_code: str | None = None
    city: str | None = None
    active: bool = True


@dataclass(frozen=True)
class StockLevel:
    """What one location of one warehouse holds of one SKU, read under lock for allocation."""

    id: int
    warehouse: str
    location: str
    sku: str
    on_hand: Decimal
    allocated: Decimal

    @property
    def available(self) -> Decimal:
        return self.on_hand - self.allocated


class AllocationState(enum.StrEnum):
    """Where the allocated units are; an allocation row moves forward, or is cancelled."""

    ALLOCATED = "allocated"
    RELEASED = "released"
    PICKED = "picked"
    PACKED = "packed"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


@dataclass(eq=False)
class Allocation:
    """Units of one order line reserved at one stock location."""

    order_id: int
    line_id: int
    sku: str
    stock_id: int
    warehouse: str
    location: str
    quantity: Decimal
    created_at: datetime
    state: AllocationState = AllocationState.ALLOCATED
    pick_list_id: int | None = None
    shipment_id: int | None = None
    id: int | None = None

    @property
    def active(self) -> bool:
        return self.state is not AllocationState.CANCELLED


class MovementKind(enum.StrEnum):
    """Why a stock level changed."""

    RECEIPT = "receipt"  # goods arrived: on hand up
    ADJUST = "adjust"  # a count corrected the books
    ALLOCATE = "allocate"  # reserved for an order line
    DEALLOCATE = "deallocate"  # reservation given back (cancel, modify, hold)
    SHORT_PICK = "short_pick"  # the picker did not find what the books said: on hand and reservation down
    SHIP = "ship"  # goods left: on hand and reservation down
    RETURN = "return"  # goods a customer sent back: on hand up
    SCRAP = "scrap"  # goods taken off the books as unsellable: on hand down
    TRANSFER = "transfer"  # goods moved between places of one warehouse (out of quarantine): no value moves


@dataclass(frozen=True)
class StockMovement:
    """One line of the append-only stock ledger."""

    at: datetime
    stock_id: int
    warehouse: str
    location: str
    sku: str
    kind: MovementKind
    on_hand_delta: Decimal = ZERO
    allocated_delta: Decimal = ZERO
    order_id: int | None = None
    reference: str | None = None  # pick list, shipment, receipt document
    actor: str = "system"


@dataclass(frozen=True)
class SourcingRules:
    """How one customer's orders may be sourced.

    `split_warehouses`: a line may be served from several warehouses when none has it all.
    `partial_shipments`: what is allocated may be released while other units wait for stock.
    """

    split_warehouses: bool = True
    partial_shipments: bool = True


@dataclass(eq=False)
class CustomerPreferences:
    """How a customer wants to be served and told; no row means the defaults."""

    customer_id: str
    notify_channel: str | None = None  # a registered channel (edi, email, fax, as2); None: the order's own
    split_warehouses: bool = True
    partial_shipments: bool = True

    @property
    def rules(self) -> SourcingRules:
        return SourcingRules(self.split_warehouses, self.partial_shipments)


@dataclass(frozen=True)
class Need:
    """Units of an order line still to allocate."""

    line_id: int
    sku: str
    quantity: Decimal


@dataclass(frozen=True)
class Reservation:
    """Units of a line to reserve at one stock level."""

    line_id: int
    level: StockLevel
    quantity: Decimal


@dataclass(frozen=True)
class Plan:
    """What sourcing decided for one order: reservations, and what must wait for stock."""

    reservations: tuple[Reservation, ...] = ()
    waiting: Mapping[int, Decimal] = field(default_factory=dict)  # line id -> units backordered


class Ledger:
    """What is still available per level while several orders are planned in one batch."""

    def __init__(self, levels: Iterable[StockLevel]) -> None:
        self.levels = {level.id: level for level in levels}
        self.taken: dict[int, Decimal] = defaultdict(Decimal)
        self._by_sku: dict[str, list[StockLevel]] = defaultdict(list)  # in the order of `levels`
        for level in self.levels.values():
            self._by_sku[level.sku].append(level)

    def available(self, level: StockLevel) -> Decimal:
        return level.available - self.taken[level.id]

    def for_sku(self, sku: str) -> list[StockLevel]:
        return [lv for lv in self._by_sku.get(sku, ()) if self.available(lv) > 0]


def plan_order(
    needs: Sequence[Need], ledger: Ledger, priorities: Mapping[str, int], rules: SourcingRules
) -> Plan:
    """Choose where each line's units come from; what no warehouse has waits.

    1. One warehouse that has every line complete, the most preferred (`priorities`, lower first).
    2. Else per line: the most preferred warehouse that has the whole line.
    3. Else, splitting allowed: warehouses in order of preference until the line is served;
       splitting not allowed: the warehouse holding most of it, the rest waits.
    Within a warehouse the locations holding most go first, so a line is picked from few places.
    """
    per_warehouse = _by_warehouse(needs, ledger)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for need in needs:
        totals[need.sku] += max(need.quantity, ZERO)
    complete = [
        wh for wh, stock in per_warehouse.items() if all(stock.get(s, ZERO) >= q for s, q in totals.items())
    ]
    reservations: list[Reservation] = []
    waiting: dict[int, Decimal] = {}
    whole = min(complete, key=lambda wh: (priorities.get(wh, 1000), wh)) if complete else None
    for need in needs:
        if need.quantity <= 0:
            continue
        chosen = [whole] if whole else _warehouses_for(need, per_warehouse, priorities, rules)
        rest = need.quantity
        before = len(reservations)
        for wh in chosen:
            rest = _take(need, wh, rest, ledger, reservations)
            if rest <= 0:
                break
        if rest > 0:
            waiting[need.line_id] = rest
        for taken in reservations[before:]:  # what the next lines see left (as summed again)
            per_warehouse[taken.level.warehouse][taken.level.sku] -= taken.quantity
    return Plan(tuple(reservations), waiting)


def _by_warehouse(needs: Sequence[Need], ledger: Ledger) -> dict[str, dict[str, Decimal]]:
    out: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for sku in {n.sku for n in needs}:
        for level in ledger.for_sku(sku):
            out[level.warehouse][sku] += ledger.available(level)
    return out


def _warehouses_for(
    need: Need,
    per_warehouse: Mapping[str, Mapping[str, Decimal]],
    priorities: Mapping[str, int],
    rules: SourcingRules,
) -> list[str]:
    holding = {wh: stock.get(need.sku, ZERO) for wh, stock in per_warehouse.items()}
    holding = {wh: q for wh, q in holding.items() if q > 0}
    ranked = sorted(holding, key=lambda wh: (priorities.get(wh, 1000), wh))
    full = [wh for wh in ranked if holding[wh] >= need.quantity]
    if full:
        return full[:1]
    if rules.split_warehouses:
        return ranked
    most = sorted(holding, key=lambda wh: (-holding[wh], priorities.get(wh, 1000), wh))
    return most[:1]


def _take(need: Need, warehouse: str, wanted: Decimal, ledger: Ledger, out: list[Reservation]) -> Decimal:
    levels = [lv for lv in ledger.for_sku(need.sku) if lv.warehouse == warehouse]
    levels.sort(key=lambda lv: (-ledger.available(lv), lv.location, lv.id))
    for level in levels:
        if wanted <= 0:
            break
        quantity = min(wanted, ledger.available(level))
        if quantity <= 0:
            continue
        ledger.taken[level.id] += quantity
        out.append(Reservation(need.line_id, level, quantity))
        wanted -= quantity
    return wanted
