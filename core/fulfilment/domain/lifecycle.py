"""The order lifecycle as a state machine: which step is allowed from which state, where it leads,
and the event every transition leaves behind.

    received ─┬─> accepted ──> approved ──> allocated ──> released ──> picked ──> packed ──> shipped
              ├─> in_review        │            ^  │                                  │          │
              └─> rejected         └─> backordered ┘ (stock arrives)        partially_shipped    v
                                                                                          delivered ──> closed
    on_hold: from any open state and back to where it was;  cancelled: from any state before shipped.

Once an order has stock allocated, its headline state is *derived* from where its units are
(`derive`): the least advanced open unit decides (units waiting for stock make it `backordered`),
except that an order of which something has shipped and something is still open is
`partially_shipped`.  Steps are checked against `STEP_FROM` before they run, and every change of state
against `TRANSITIONS`; both refuse with `IllegalTransition`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from core.kernel.domain.model import Order, OrderState
from core.kernel.errors import IllegalTransition

S = OrderState


class Step(enum.StrEnum):
    """What someone (a person, a job, a partner's message) asks the order to do."""

    ACCEPT = "accept"
    REJECT = "reject"
    APPROVE = "approve"  # credit/payment approval (issue 7's policy decides)
    ALLOCATE = "allocate"
    RELEASE = "release"  # to the warehouse, on a pick list
    PICK = "pick"
    PACK = "pack"
    SHIP = "ship"
    DELIVER = "deliver"
    CLOSE = "close"
    HOLD = "hold"
    RELEASE_HOLD = "release_hold"
    CANCEL = "cancel"
    MODIFY = "modify"


FULFILMENT = frozenset({S.BACKORDERED, S.ALLOCATED, S.RELEASED, S.PICKED, S.PACKED, S.PARTIALLY_SHIPPED})
_IN_WAREHOUSE = frozenset({S.BACKORDERED, S.ALLOCATED, S.RELEASED, S.PICKED, S.PACKED})
TERMINAL = frozenset({S.REJECTED, S.CANCELLED, S.CLOSED})
# Orders that may still change before anything is released to the warehouse.
MODIFIABLE = frozenset({S.ACCEPTED, S.APPROVED, S.BACKORDERED, S.ALLOCATED, S.ON_HOLD})

# Every change of headline state the lifecycle can make.
TRANSITIONS: dict[OrderState, frozenset[OrderState]] = {
    S.RECEIVED: frozenset({S.ACCEPTED, S.IN_REVIEW, S.REJECTED, S.CANCELLED}),
    S.IN_REVIEW: frozenset({S.ACCEPTED, S.REJECTED, S.CANCELLED}),
    S.ACCEPTED: frozenset({S.APPROVED, S.ON_HOLD, S.REJECTED, S.CANCELLED}),
    S.APPROVED: frozenset({S.ALLOCATED, S.BACKORDERED, S.ON_HOLD, S.CANCELLED}),
    S.BACKORDERED: frozenset({S.ALLOCATED, S.PARTIALLY_SHIPPED, S.ON_HOLD, S.CANCELLED}),
    S.ALLOCATED: frozenset({S.RELEASED, S.BACKORDERED, S.PARTIALLY_SHIPPED, S.ON_HOLD, S.CANCELLED}),
    S.RELEASED: frozenset(
        {S.PICKED, S.ALLOCATED, S.BACKORDERED, S.PARTIALLY_SHIPPED, S.ON_HOLD, S.CANCELLED}
    ),
    S.PICKED: frozenset({S.PACKED, S.PARTIALLY_SHIPPED, S.ON_HOLD, S.CANCELLED}),
    S.PACKED: frozenset({S.SHIPPED, S.PARTIALLY_SHIPPED, S.ON_HOLD, S.CANCELLED}),
    S.PARTIALLY_SHIPPED: frozenset({S.SHIPPED, S.ON_HOLD}),
    S.SHIPPED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset({S.CLOSED}),
    S.ON_HOLD: frozenset({S.ACCEPTED, S.APPROVED, *FULFILMENT, S.CANCELLED}),
    S.REJECTED: frozenset(),
    S.CANCELLED: frozenset(),
    S.CLOSED: frozenset(),
}

# The states each step may start from.  Warehouse steps are further checked against the units.
STEP_FROM: dict[Step, frozenset[OrderState]] = {
    Step.ACCEPT: frozenset({S.RECEIVED, S.IN_REVIEW}),
    Step.REJECT: frozenset({S.RECEIVED, S.IN_REVIEW, S.ACCEPTED}),
    Step.APPROVE: frozenset({S.ACCEPTED}),
    Step.ALLOCATE: frozenset({S.APPROVED, S.BACKORDERED, S.PARTIALLY_SHIPPED}),
    Step.RELEASE: frozenset({S.ALLOCATED, S.BACKORDERED, S.PARTIALLY_SHIPPED}),
    Step.PICK: _IN_WAREHOUSE | {S.PARTIALLY_SHIPPED},
    Step.PACK: _IN_WAREHOUSE | {S.PARTIALLY_SHIPPED},
    Step.SHIP: _IN_WAREHOUSE | {S.PARTIALLY_SHIPPED},
    Step.DELIVER: frozenset({S.PARTIALLY_SHIPPED, S.SHIPPED, *_IN_WAREHOUSE}),
    Step.CLOSE: frozenset({S.DELIVERED}),
    Step.HOLD: frozenset({S.ACCEPTED, S.APPROVED, *FULFILMENT}),
    Step.RELEASE_HOLD: frozenset({S.ON_HOLD}),
    Step.CANCEL: frozenset({S.RECEIVED, S.IN_REVIEW, S.ACCEPTED, S.APPROVED, *_IN_WAREHOUSE, S.ON_HOLD}),
    Step.MODIFY: MODIFIABLE,
}


@dataclass(eq=False)
class OrderEvent:
    """One step taken on an order: when, by whom, from which state to which, and what it did."""

    order_id: int
    at: datetime  # aware UTC
    actor: str  # a user name, "system", "edi:<partner>", a job name
    step: str
    from_state: OrderState
    to_state: OrderState
    detail: dict[str, object] = field(default_factory=dict)
    id: int | None = None


def check(order: Order, step: Step) -> None:
    """Refuse a step the order's state does not allow."""
    if order.state not in STEP_FROM[step]:
        allowed = ", ".join(sorted(STEP_FROM[step])) or "nowhere"
        raise IllegalTransition(
            f"order {order.id} is {order.state}: cannot {step} (allowed from {allowed})",
            order_id=order.id,
            state=str(order.state),
        )


def move(
    order: Order,
    to: OrderState,
    step: Step,
    actor: str,
    at: datetime,
    detail: dict[str, object] | None = None,
) -> OrderEvent:
    """Put the order in state `to` and return the event; a change `TRANSITIONS` lacks is refused.

    Staying in the same state is allowed (a partial step): the event still records it.
    """
    if at.tzinfo is None:
        raise ValueError("event times must be timezone-aware")
    before = order.state
    if to != before and to not in TRANSITIONS[before]:
        raise IllegalTransition(
            f"order {order.id} cannot go from {before} to {to} ({step})",
            order_id=order.id,
            state=str(before),
        )
    assert order.id is not None
    order.state = to
    return OrderEvent(order.id, at, actor, str(step), before, to, dict(detail or {}))


class Stage(enum.IntEnum):
    """How far one unit of an order has come; the order's headline follows the least advanced."""

    WAITING = 0  # no stock allocated (backordered)
    ALLOCATED = 1
    RELEASED = 2
    PICKED = 3
    PACKED = 4
    SHIPPED = 5


_HEADLINE = {
    Stage.WAITING: S.BACKORDERED,
    Stage.ALLOCATED: S.ALLOCATED,
    Stage.RELEASED: S.RELEASED,
    Stage.PICKED: S.PICKED,
    Stage.PACKED: S.PACKED,
}


@dataclass(frozen=True)
class LineProgress:
    """Where the units of one order line are."""

    line_id: int
    ordered: Decimal
    allocated: Decimal = Decimal(0)  # reserved, not yet on a pick list
    released: Decimal = Decimal(0)
    picked: Decimal = Decimal(0)
    packed: Decimal = Decimal(0)
    shipped: Decimal = Decimal(0)

    @property
    def waiting(self) -> Decimal:
        """Units with no stock allocated: the backorder."""
        return max(
            self.ordered - self.allocated - self.released - self.picked - self.packed - self.shipped,
            Decimal(0),
        )

    @property
    def open(self) -> Decimal:
        return max(self.ordered - self.shipped, Decimal(0))

    def at(self, stage: Stage) -> Decimal:
        units: Decimal = getattr(self, _FIELD[stage])
        return units


_FIELD = {
    Stage.WAITING: "waiting",
    Stage.ALLOCATED: "allocated",
    Stage.RELEASED: "released",
    Stage.PICKED: "picked",
    Stage.PACKED: "packed",
    Stage.SHIPPED: "shipped",
}


_IN_ORDER = tuple((_FIELD[stage], _HEADLINE[stage]) for stage in Stage if stage in _HEADLINE)


def derive(progress: Iterable[LineProgress], *, all_delivered: bool) -> OrderState:
    """The headline state of an order in fulfilment, from where its units are.

    `all_delivered` says whether every shipment made so far has been delivered.
    """
    lines = list(progress)
    shipped_any = any(p.shipped > 0 for p in lines)
    still_open = [p for p in lines if p.ordered > p.shipped]  # `open` > 0, said once per line
    if not still_open:
        if not shipped_any:
            return S.CANCELLED
        return S.DELIVERED if all_delivered else S.SHIPPED
    if shipped_any:
        return S.PARTIALLY_SHIPPED
    # the stages in warehouse order, by field (every order of a batch step comes through here:
    # iterating the enum and `at`'s lookup per line and stage cost more than the comparisons)
    for name, headline in _IN_ORDER:
        if any(getattr(p, name) > 0 for p in still_open):
            return headline
    return S.BACKORDERED  # pragma: no cover - an open line always has units at some stage
