"""The state machine itself: every transition, legal and illegal, every step's guard, the derived
headline state.

The expectations are written out here by hand from the lifecycle as the business states it (README,
"The order lifecycle"), never read from the code's tables: a table that drifts fails these tests.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.fulfilment.domain.lifecycle import LineProgress, Step, check, derive, move
from core.kernel.domain.model import Decision, Order, OrderState
from core.kernel.errors import IllegalTransition

S = OrderState
NOW = datetime(2026, 11, 26, 10, tzinfo=UTC)
D = Decimal


def order(state: OrderState) -> Order:
    return Order(
        document_id=1,
        message_index=0,
        channel="edi",
        state=state,
        decision=Decision.ACCEPT,
        confidence=1.0,
        created_at=NOW,
        id=7,
    )


def _table(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in text.strip().splitlines():
        left, _, right = row.partition("->")
        for name in left.split(","):
            out[name.strip()] = {n.strip() for n in right.split(",") if n.strip() and n.strip() != "-"}
    return out


# Where an order may go from each state.  Capture: a received order is accepted, sent to review or
# rejected; review ends in accepted or rejected.  Then approval, stock (allocated, or backordered while
# units wait; a released pick list whose picks fall short goes back), the warehouse in order, shipping
# (partially while something is still open), delivery, closing.  on_hold from any open state and back
# to any of them; cancelled from anything before shipping.  rejected, cancelled and closed are final.
LEGAL = _table("""
received -> accepted, in_review, rejected, cancelled
in_review -> accepted, rejected, cancelled
accepted -> approved, on_hold, rejected, cancelled
approved -> allocated, backordered, on_hold, cancelled
backordered -> allocated, partially_shipped, on_hold, cancelled
allocated -> released, backordered, partially_shipped, on_hold, cancelled
released -> picked, allocated, backordered, partially_shipped, on_hold, cancelled
picked -> packed, partially_shipped, on_hold, cancelled
packed -> shipped, partially_shipped, on_hold, cancelled
partially_shipped -> shipped, on_hold
shipped -> delivered
delivered -> closed
on_hold -> accepted, approved, backordered, allocated, released, picked, packed, partially_shipped, cancelled
rejected, cancelled, closed -> -
""")

# Transitions the business names as wrong, each for its own reason.
ILLEGAL = [
    (S.SHIPPED, S.ACCEPTED),  # goods on the road do not go back to the start
    (S.SHIPPED, S.CANCELLED),  # no cancelling after shipment
    (S.PARTIALLY_SHIPPED, S.CANCELLED),  # nor after part of it shipped
    (S.DELIVERED, S.CANCELLED),
    (S.CLOSED, S.ACCEPTED),  # final states are final
    (S.REJECTED, S.ACCEPTED),
    (S.CANCELLED, S.ALLOCATED),
    (S.RECEIVED, S.APPROVED),  # approval only after acceptance
    (S.IN_REVIEW, S.ALLOCATED),
    (S.ACCEPTED, S.SHIPPED),  # nothing ships without approval, stock and the warehouse
    (S.APPROVED, S.PICKED),
    (S.DELIVERED, S.SHIPPED),  # never backwards after shipping
    (S.SHIPPED, S.ON_HOLD),  # nothing left to hold once everything shipped
    (S.DELIVERED, S.ON_HOLD),
]

# Which states each step may start from.  Warehouse steps (pick, pack, ship) work on the units still in
# the warehouse, so from any state that has some there; delivery also once everything has shipped.
# Changes to an order are allowed until anything is released to the warehouse.
STEPS = _table("""
accept -> received, in_review
reject -> received, in_review, accepted
approve -> accepted
allocate -> approved, backordered, partially_shipped
release -> allocated, backordered, partially_shipped
pick, pack, ship -> backordered, allocated, released, picked, packed, partially_shipped
deliver -> backordered, allocated, released, picked, packed, partially_shipped, shipped
close -> delivered
hold -> accepted, approved, backordered, allocated, released, picked, packed, partially_shipped
release_hold -> on_hold
cancel -> received, in_review, accepted, approved, backordered, allocated, released, picked, packed, on_hold
modify -> accepted, approved, backordered, allocated, on_hold
""")


def test_the_written_tables_name_every_state_and_step() -> None:
    assert set(LEGAL) == {str(s) for s in S}
    assert set(STEPS) == {str(s) for s in Step}
    assert all(after in LEGAL for targets in LEGAL.values() for after in targets)
    assert all(not LEGAL[str(before)].intersection([str(after)]) for before, after in ILLEGAL)


ALL_PAIRS = [(a, b) for a in S for b in S if a != b]


@pytest.mark.parametrize(("before", "after"), ALL_PAIRS, ids=[f"{a}->{b}" for a, b in ALL_PAIRS])
def test_every_transition_is_legal_exactly_when_the_business_says_so(before: S, after: S) -> None:
    o = order(before)
    if str(after) in LEGAL[str(before)]:
        event = move(o, after, Step.MODIFY, "tester", NOW, {"why": "test"})
        assert o.state is after
        assert (event.from_state, event.to_state, event.actor, event.at) == (before, after, "tester", NOW)
    else:
        with pytest.raises(IllegalTransition, match=f"from {before} to {after}"):
            move(o, after, Step.MODIFY, "tester", NOW)
        assert o.state is before


@pytest.mark.parametrize(("before", "after"), ILLEGAL, ids=[f"{a}->{b}" for a, b in ILLEGAL])
def test_the_named_wrong_moves_are_refused(before: S, after: S) -> None:
    o = order(before)
    with pytest.raises(IllegalTransition):
        move(o, after, Step.MODIFY, "tester", NOW)
    assert o.state is before


STEP_PAIRS = [(step, state) for step in Step for state in S]


@pytest.mark.parametrize(("step", "state"), STEP_PAIRS, ids=[f"{s}@{t}" for s, t in STEP_PAIRS])
def test_every_step_is_checked_against_its_states(step: Step, state: S) -> None:
    o = order(state)
    if str(state) in STEPS[str(step)]:
        check(o, step)
    else:
        with pytest.raises(IllegalTransition, match=f"order 7 is {state}: cannot {step}"):
            check(o, step)


@pytest.mark.parametrize("state", [S.SHIPPED, S.PARTIALLY_SHIPPED, S.DELIVERED, S.CLOSED])
def test_no_cancelling_once_anything_has_shipped(state: S) -> None:
    with pytest.raises(IllegalTransition):
        check(order(state), Step.CANCEL)


@pytest.mark.parametrize("state", [S.RELEASED, S.PICKED, S.PACKED, S.SHIPPED, S.DELIVERED])
def test_no_changes_once_released_to_the_warehouse(state: S) -> None:
    with pytest.raises(IllegalTransition):
        check(order(state), Step.MODIFY)


@pytest.mark.parametrize("state", [S.REJECTED, S.CANCELLED, S.CLOSED])
def test_final_states_allow_no_step_and_lead_nowhere(state: S) -> None:
    for step in Step:
        with pytest.raises(IllegalTransition):
            check(order(state), step)
    for after in S:
        if after is not state:
            with pytest.raises(IllegalTransition):
                move(order(state), after, Step.MODIFY, "tester", NOW)


def test_staying_in_a_state_is_recorded_without_a_transition() -> None:
    o = order(S.BACKORDERED)
    event = move(o, S.BACKORDERED, Step.ALLOCATE, "job", NOW)
    assert (event.from_state, event.to_state) == (S.BACKORDERED, S.BACKORDERED)


def test_event_times_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        move(order(S.ACCEPTED), S.APPROVED, Step.APPROVE, "x", datetime(2026, 1, 1))


def p(ordered: int, **at: int) -> LineProgress:
    return LineProgress(line_id=1, ordered=D(ordered), **{k: D(v) for k, v in at.items()})


@pytest.mark.parametrize(
    ("lines", "delivered", "expected"),
    [
        ([p(5)], False, S.BACKORDERED),
        ([p(5, allocated=2)], False, S.BACKORDERED),
        ([p(5, allocated=5)], False, S.ALLOCATED),
        ([p(5, released=5)], False, S.RELEASED),
        ([p(5, released=2, allocated=3)], False, S.ALLOCATED),  # the least advanced units decide
        ([p(5, picked=5)], False, S.PICKED),
        ([p(5, packed=5)], False, S.PACKED),
        ([p(5, shipped=2, allocated=3)], False, S.PARTIALLY_SHIPPED),
        ([p(5, shipped=2)], False, S.PARTIALLY_SHIPPED),
        ([p(5, shipped=5)], False, S.SHIPPED),
        ([p(5, shipped=5)], True, S.DELIVERED),
        ([p(5, shipped=5), p(0)], True, S.DELIVERED),
        ([p(0)], False, S.CANCELLED),  # every line modified to nothing
    ],
)
def test_the_headline_follows_the_units(lines: list[LineProgress], delivered: bool, expected: S) -> None:
    assert derive(lines, all_delivered=delivered) is expected


def test_a_refused_step_says_which_order_where_it_stands_and_from_where_it_is_allowed() -> None:
    """What the clerk and the API client read: cancelling a shipped order is refused, naming the order,
    its state, and the states a cancellation is allowed from (written out: before anything left)."""
    with pytest.raises(IllegalTransition) as refused:
        check(order(OrderState.SHIPPED), Step.CANCEL)
    assert (refused.value.order_id, refused.value.state) == (7, "shipped")
    message = str(refused.value)
    assert message.startswith("order 7 is shipped: cannot cancel (allowed from ")
    allowed = message.split("(allowed from ", 1)[1].rstrip(")").split(", ")
    assert allowed == sorted(allowed) and "shipped" not in allowed and "delivered" not in allowed
    assert {"accepted", "in_review", "on_hold", "allocated"} <= set(allowed)
