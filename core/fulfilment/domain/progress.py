"""Where an order's units are: per line, how many wait for stock, are allocated, released, picked,
packed and shipped, read from its allocations."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple, Protocol

from core.fulfilment.domain.lifecycle import LineProgress
from core.fulfilment.domain.stock import AllocationState
from core.kernel.domain.model import Order

ZERO = Decimal(0)
_STAGE_OF = {
    AllocationState.ALLOCATED: "allocated",
    AllocationState.RELEASED: "released",
    AllocationState.PICKED: "picked",
    AllocationState.PACKED: "packed",
    AllocationState.SHIPPED: "shipped",
}


class Countable(Protocol):
    """What an order line's progress looks at (an `OrderLine`, or a `LineUnits` read without one)."""

    @property
    def id(self) -> int | None: ...
    @property
    def position(self) -> int: ...
    @property
    def sku(self) -> str | None: ...
    @property
    def stock_quantity(self) -> Decimal | None: ...


class Reserved(Protocol):
    """What an order's progress looks at of an allocation (an `Allocation`, or an `AllocationRow` read
    without one)."""

    @property
    def line_id(self) -> int: ...
    @property
    def state(self) -> AllocationState: ...
    @property
    def quantity(self) -> Decimal: ...


class AllocationRow(NamedTuple):
    """An allocation as a step that goes by where the units are needs it (release: which order line,
    which warehouse's list, how many units, in what state), read as a row: a mapped `Allocation` costs
    several times more to build, and the release changes its row by a statement, not through it."""

    id: int
    order_id: int
    line_id: int
    warehouse: str
    state: AllocationState
    quantity: Decimal


class LineUnits(NamedTuple):
    """An order line's units as its progress counts them, read as a row: a step that goes by where
    the units are (release) needs no more of the line, and a mapped object costs several times more
    to build."""

    id: int
    position: int
    sku: str | None
    stock_quantity: Decimal | None  # the base quantity of a pack line, else the quantity


def progress(
    order: Order, allocations: Sequence[Reserved], lines: Sequence[Countable] | None = None
) -> list[LineProgress]:
    """Where the units of each line are; a line without SKU or quantity counts as nothing ordered.

    `lines`: the order's lines when the caller read them on their own (`LineUnits`), else `order.lines`."""
    sums: dict[int, dict[str, Decimal]] = {}
    for a in allocations:
        stage = _STAGE_OF.get(a.state)
        if stage is not None:
            per_line = sums.setdefault(a.line_id, {})
            per_line[stage] = per_line.get(stage, ZERO) + a.quantity
    out = []
    for line in order.lines if lines is None else lines:
        line_id = line.id
        assert line_id is not None
        units = line.stock_quantity  # a pack line counts its base units
        ordered = units if units and units > 0 and line.sku else ZERO
        out.append(LineProgress(line_id, ordered, **sums.get(line_id, {})))
    return out


def waiting_detail(order: Order, allocations: Sequence[Reserved]) -> dict[str, str]:
    """Backordered units per line position, for events and notifications."""
    return waiting_in(order, progress(order, allocations))


def waiting_in(
    order: Order, lines: Sequence[LineProgress], units: Sequence[Countable] | None = None
) -> dict[str, str]:
    """`waiting_detail` from the order's progress, when the caller has it already (`units`: the
    lines it was worked out from, when not `order.lines`)."""
    by_id = {line.id: line for line in (order.lines if units is None else units)}
    out = {}
    for p in lines:
        if p.waiting > 0:
            out[str(by_id[p.line_id].position)] = str(p.waiting)
    return out
