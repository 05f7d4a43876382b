"""Where an order's units are, and what a step leaves behind: the counting rules the headline state is
derived from, and the event every move records. Expectations are worked out by hand from the rules:

- a unit waits for stock (is backordered) when it is ordered and neither allocated, released, picked,
  packed nor shipped; more reserved than ordered never makes a negative backorder;
- a line is open while not everything ordered has shipped;
- the least advanced unit of an *open* line sets the headline: a line that was modified to nothing, or
  is fully shipped, holds nothing back;
- every move records who, when, from where to where, by which step, and what it did.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.fulfilment.domain.lifecycle import LineProgress, Stage, Step, check, derive, move
from core.kernel.domain.model import Decision, Order, OrderState
from core.kernel.errors import IllegalTransition

S = OrderState
D = Decimal
NOW = datetime(2026, 11, 26, 10, tzinfo=UTC)


def order(state: OrderState) -> Order:
    return Order(
        document_id=1,
        message_index=0,
        channel="edi",
        state=state,
        decision=Decision.ACCEPT,
        confidence=1.0,
        created_at=NOW,
        id=41,
    )


def test_waiting_units_are_those_not_at_any_stage() -> None:
    # 20 ordered: 1 allocated, 2 released, 3 picked, 4 packed, 5 shipped -> 15 somewhere, 5 wait
    line = LineProgress(1, D(20), allocated=D(1), released=D(2), picked=D(3), packed=D(4), shipped=D(5))
    assert line.waiting == D(5)
    assert line.open == D(15)  # everything not shipped yet


@pytest.mark.parametrize("stage", ["allocated", "released", "picked", "packed", "shipped"])
def test_each_stage_takes_its_units_out_of_the_backorder(stage: str) -> None:
    line = LineProgress(1, D(10), **{stage: D(4)})
    assert line.waiting == D(6)


def test_more_reserved_than_ordered_is_no_negative_backorder() -> None:
    line = LineProgress(1, D(3), allocated=D(2), picked=D(2))  # the order was cut to 3 after picking
    assert line.waiting == D(0)
    over = LineProgress(1, D(3), shipped=D(4))  # shipped one more than ordered
    assert over.open == D(0) and over.waiting == D(0)


def test_a_line_reports_its_units_stage_by_stage() -> None:
    line = LineProgress(1, D(21), allocated=D(1), released=D(2), picked=D(3), packed=D(4), shipped=D(5))
    counted = {stage: line.at(stage) for stage in Stage}
    assert counted == {
        Stage.WAITING: D(6),
        Stage.ALLOCATED: D(1),
        Stage.RELEASED: D(2),
        Stage.PICKED: D(3),
        Stage.PACKED: D(4),
        Stage.SHIPPED: D(5),
    }


def test_the_stages_run_in_warehouse_order() -> None:
    assert sorted(Stage) == [
        Stage.WAITING,
        Stage.ALLOCATED,
        Stage.RELEASED,
        Stage.PICKED,
        Stage.PACKED,
        Stage.SHIPPED,
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a line modified to nothing keeps an allocation nobody took back: it holds nothing back
        ([LineProgress(1, D(0), allocated=D(2)), LineProgress(2, D(5), released=D(5))], S.RELEASED),
        # the least advanced unit over all open lines decides
        ([LineProgress(1, D(5), packed=D(5)), LineProgress(2, D(5), picked=D(5))], S.PICKED),
        ([LineProgress(1, D(5), packed=D(5)), LineProgress(2, D(5), allocated=D(5))], S.ALLOCATED),
        ([LineProgress(1, D(5), packed=D(5)), LineProgress(2, D(5))], S.BACKORDERED),
        # one line gone, another still in the warehouse: partially shipped
        ([LineProgress(1, D(5), shipped=D(5)), LineProgress(2, D(5), packed=D(5))], S.PARTIALLY_SHIPPED),
        # every line shipped in full, a delivery still out: shipped, not delivered
        ([LineProgress(1, D(5), shipped=D(5)), LineProgress(2, D(2), shipped=D(2))], S.SHIPPED),
        # every line cut to nothing, nothing ever shipped: the order is cancelled
        ([LineProgress(1, D(0)), LineProgress(2, D(0))], S.CANCELLED),
    ],
)
def test_the_headline_over_several_lines(lines: list[LineProgress], expected: S) -> None:
    assert derive(lines, all_delivered=False) is expected


def test_an_order_of_which_nothing_shipped_is_cancelled_whatever_the_deliveries_say() -> None:
    assert derive([LineProgress(1, D(0))], all_delivered=True) is S.CANCELLED


def test_a_move_records_who_when_from_where_to_where_and_what() -> None:
    o = order(S.ACCEPTED)
    detail: dict[str, object] = {"policy": "credit ok"}
    event = move(o, S.APPROVED, Step.APPROVE, "marta", NOW, detail)
    assert o.state is S.APPROVED
    assert (event.order_id, event.at, event.actor, event.step) == (41, NOW, "marta", "approve")
    assert (event.from_state, event.to_state) == (S.ACCEPTED, S.APPROVED)
    assert event.detail == {"policy": "credit ok"}
    detail["policy"] = "changed later"  # the event keeps what the step did, not a live reference
    assert event.detail == {"policy": "credit ok"}
    assert move(order(S.APPROVED), S.ALLOCATED, Step.ALLOCATE, "job", NOW).detail == {}


def test_a_refused_move_leaves_the_order_where_it_was_and_says_why() -> None:
    o = order(S.SHIPPED)
    with pytest.raises(IllegalTransition) as refused:
        move(o, S.CANCELLED, Step.CANCEL, "ana", NOW)
    assert o.state is S.SHIPPED
    assert (refused.value.order_id, refused.value.state) == (41, "shipped")
    assert str(refused.value) == "order 41 cannot go from shipped to cancelled (cancel)"


def test_a_refused_step_lists_the_states_it_is_allowed_from_in_order() -> None:
    with pytest.raises(IllegalTransition) as refused:
        check(order(S.RECEIVED), Step.CLOSE)
    assert str(refused.value) == "order 41 is received: cannot close (allowed from delivered)"
    with pytest.raises(IllegalTransition) as refused:
        check(order(S.SHIPPED), Step.APPROVE)
    assert str(refused.value) == "order 41 is shipped: cannot approve (allowed from accepted)"
    with pytest.raises(IllegalTransition) as refused:
        check(order(S.DELIVERED), Step.ACCEPT)
    assert str(refused.value) == "order 41 is delivered: cannot accept (allowed from in_review, received)"


def test_a_single_unit_counts() -> None:
    """One unit is enough to be somewhere: one shipped makes the order partially shipped, one allocated
    of a one-unit order makes it allocated, one shipped of one is shipped."""
    one_gone = [LineProgress(1, D(1), shipped=D(1)), LineProgress(2, D(1), allocated=D(1))]
    assert derive(one_gone, all_delivered=False) is S.PARTIALLY_SHIPPED
    assert derive([LineProgress(1, D(1), allocated=D(1))], all_delivered=False) is S.ALLOCATED
    assert derive([LineProgress(1, D(1), shipped=D(1))], all_delivered=False) is S.SHIPPED
