"""The state machine itself: every transition, legal and illegal, every step's guard, the derived
headline state."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.fulfilment.domain.lifecycle import (
    STEP_FROM,
    TERMINAL,
    TRANSITIONS,
    LineProgress,
    Step,
    check,
    derive,
    move,
)
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


ALL_PAIRS = [(a, b) for a in S for b in S if a != b]


@pytest.mark.parametrize(("before", "after"), ALL_PAIRS, ids=[f"{a}->{b}" for a, b in ALL_PAIRS])
def test_every_transition_is_legal_exactly_when_the_table_says_so(before: S, after: S) -> None:
    o = order(before)
    if after in TRANSITIONS[before]:
        event = move(o, after, Step.MODIFY, "tester", NOW, {"why": "test"})
        assert o.state is after
        assert (event.from_state, event.to_state, event.actor, event.at) == (before, after, "tester", NOW)
    else:
        with pytest.raises(IllegalTransition, match=f"from {before} to {after}"):
            move(o, after, Step.MODIFY, "tester", NOW)
        assert o.state is before


STEP_PAIRS = [(step, state) for step in Step for state in S]


@pytest.mark.parametrize(("step", "state"), STEP_PAIRS, ids=[f"{s}@{t}" for s, t in STEP_PAIRS])
def test_every_step_is_checked_against_its_states(step: Step, state: S) -> None:
    o = order(state)
    if state in STEP_FROM[step]:
        check(o, step)
    else:
        with pytest.raises(IllegalTransition, match=f"order 7 is {state}: cannot {step}"):
            check(o, step)


def test_the_capture_states_stay_valid() -> None:
    assert TRANSITIONS[S.RECEIVED] >= {S.ACCEPTED, S.IN_REVIEW, S.REJECTED}
    assert TRANSITIONS[S.IN_REVIEW] >= {S.ACCEPTED, S.REJECTED}


def test_terminal_states_lead_nowhere_and_allow_no_step() -> None:
    for state in TERMINAL:
        assert not TRANSITIONS[state]
        assert all(state not in allowed for step, allowed in STEP_FROM.items())


def test_every_state_is_reachable_from_received() -> None:
    seen, todo = {S.RECEIVED}, [S.RECEIVED]
    while todo:
        for nxt in TRANSITIONS[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(S)


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
