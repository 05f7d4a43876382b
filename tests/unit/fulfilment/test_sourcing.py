"""Sourcing at its edges, from the warehouse manager's rules:

- one warehouse that holds every line of the order complete ships it all, the most preferred one
  (a lower priority number) among several, by code when equally preferred, an unranked one last;
- a line counts what the order asks of its product over all its lines;
- exactly enough is enough; a location with nothing free is no source;
- within a warehouse the locations holding most go first (by location name when equal), so a line is
  picked from few places;
- a line for nothing (or less than nothing) is neither reserved nor backordered.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from core.fulfilment.domain.stock import (
    Allocation,
    AllocationState,
    CustomerPreferences,
    Ledger,
    Need,
    Plan,
    SourcingRules,
    StockLevel,
    plan_order,
)

D = Decimal


def _level(i: int, wh: str, loc: str, sku: str, on_hand: int, allocated: int = 0) -> StockLevel:
    return StockLevel(i, wh, loc, sku, D(on_hand), D(allocated))


def _where(plan: Plan) -> list[tuple[int, str, str, Decimal]]:
    return [(r.line_id, r.level.warehouse, r.level.location, r.quantity) for r in plan.reservations]


def test_among_complete_warehouses_the_preferred_then_by_code_and_unranked_last() -> None:
    levels = [_level(1, "BCN", "A", "X", 9), _level(2, "MAD", "A", "X", 9), _level(3, "VLC", "A", "X", 9)]
    need = [Need(1, "X", D(2))]
    assert _where(plan_order(need, Ledger(levels), {"MAD": 5, "BCN": 7}, SourcingRules())) == [
        (1, "MAD", "A", D(2))
    ]
    assert _where(plan_order(need, Ledger(levels), {"MAD": 5, "BCN": 5}, SourcingRules())) == [
        (1, "BCN", "A", D(2))
    ]
    # VLC is unranked: it goes after any ranked one, even one ranked 999
    assert _where(plan_order(need, Ledger(levels), {"BCN": 999, "MAD": 999}, SourcingRules())) == [
        (1, "BCN", "A", D(2))
    ]
    only = [_level(3, "VLC", "A", "X", 9), _level(4, "ZGZ", "A", "X", 9)]
    assert _where(plan_order(need, Ledger(only), {"ZGZ": 999}, SourcingRules())) == [(1, "ZGZ", "A", D(2))]


def test_completeness_counts_the_product_over_all_the_orders_lines() -> None:
    # 3 + 3 of X: MAD (preferred) holds 5, BCN holds exactly 6
    levels = [_level(1, "MAD", "A", "X", 5), _level(2, "BCN", "A", "X", 6)]
    plan = plan_order(
        [Need(1, "X", D(3)), Need(2, "X", D(3))], Ledger(levels), {"MAD": 1, "BCN": 2}, SourcingRules()
    )
    assert _where(plan) == [(1, "BCN", "A", D(3)), (2, "BCN", "A", D(3))]
    assert plan.waiting == {}


def test_exactly_enough_free_is_enough_and_allocated_units_are_not_free() -> None:
    levels = [_level(1, "MAD", "A", "X", 10, allocated=6), _level(2, "BCN", "A", "X", 4)]
    plan = plan_order([Need(1, "X", D(4))], Ledger(levels), {"MAD": 1, "BCN": 2}, SourcingRules())
    assert _where(plan) == [(1, "MAD", "A", D(4))]
    full = [_level(1, "MAD", "A", "X", 6, allocated=6)]
    assert plan_order([Need(1, "X", D(1))], Ledger(full), {}, SourcingRules()).waiting == {1: D(1)}


def test_per_line_the_preferred_warehouse_holding_the_whole_line() -> None:
    # no warehouse has both lines; X is whole in MAD and BCN, Y only in BCN
    levels = [
        _level(1, "MAD", "A", "X", 5),
        _level(2, "BCN", "A", "X", 5),
        _level(3, "BCN", "B", "Y", 1),
        _level(4, "VLC", "A", "Y", 1),
    ]
    plan = plan_order(
        [Need(1, "X", D(5)), Need(2, "Y", D(2))], Ledger(levels), {"MAD": 1, "BCN": 2}, SourcingRules()
    )
    # Y is split: BCN (ranked) before VLC (unranked)
    assert _where(plan) == [(1, "MAD", "A", D(5)), (2, "BCN", "B", D(1)), (2, "VLC", "A", D(1))]
    assert plan.waiting == {}


def test_without_splitting_the_warehouse_holding_most_and_at_a_tie_the_preferred() -> None:
    levels = [_level(1, "MAD", "A", "X", 3), _level(2, "BCN", "A", "X", 3), _level(3, "VLC", "A", "X", 2)]
    rules = SourcingRules(split_warehouses=False)
    plan = plan_order([Need(1, "X", D(5))], Ledger(levels), {"BCN": 1, "MAD": 2}, rules)
    assert _where(plan) == [(1, "BCN", "A", D(3))]
    assert plan.waiting == {1: D(2)}


def test_within_a_warehouse_the_fullest_location_first_then_by_name() -> None:
    levels = [
        _level(1, "MAD", "C-01", "X", 2),
        _level(2, "MAD", "B-01", "X", 5),
        _level(3, "MAD", "A-01", "X", 2),
        _level(4, "MAD", "D-01", "X", 0),
    ]
    plan = plan_order([Need(1, "X", D(8))], Ledger(levels), {}, SourcingRules())
    assert _where(plan) == [(1, "MAD", "B-01", D(5)), (1, "MAD", "A-01", D(2)), (1, "MAD", "C-01", D(1))]


def test_a_line_for_nothing_is_neither_reserved_nor_backordered() -> None:
    levels = [_level(1, "MAD", "A", "X", 5)]
    plan = plan_order(
        [Need(1, "X", D(0)), Need(2, "X", D(-3)), Need(3, "X", D(5))], Ledger(levels), {}, SourcingRules()
    )
    assert _where(plan) == [(3, "MAD", "A", D(5))]
    assert plan.waiting == {}


def test_what_nobody_holds_waits_whole() -> None:
    plan = plan_order([Need(1, "X", D(4))], Ledger([_level(1, "MAD", "A", "Y", 9)]), {}, SourcingRules())
    assert plan.reservations == ()
    assert plan.waiting == {1: D(4)}


def test_what_is_free_at_a_level_is_on_hand_less_allocated() -> None:
    level = _level(1, "MAD", "A", "X", 10, allocated=4)
    assert level.available == D(6)
    ledger = Ledger([level])
    ledger.taken[1] += D(6)
    assert ledger.available(level) == 0
    assert ledger.for_sku("X") == []


def test_a_cancelled_allocation_is_no_longer_active() -> None:
    at = datetime(2026, 12, 1, tzinfo=UTC)
    allocation = Allocation(1, 1, "X", 1, "MAD", "A", D(1), at)
    assert allocation.active
    for state in AllocationState:
        allocation.state = state
        assert allocation.active is (state is not AllocationState.CANCELLED)


def test_a_customers_preferences_are_its_sourcing_rules() -> None:
    assert CustomerPreferences("C-1").rules == SourcingRules(True, True)
    prefs = CustomerPreferences("C-1", split_warehouses=False, partial_shipments=True)
    assert prefs.rules == SourcingRules(split_warehouses=False, partial_shipments=True)
    prefs = CustomerPreferences("C-1", split_warehouses=True, partial_shipments=False)
    assert prefs.rules == SourcingRules(split_warehouses=True, partial_shipments=False)


def test_a_warehouse_holds_what_all_its_locations_hold_together() -> None:
    # MAD holds 3 + 3 in two places: the whole 6 ships from it, not split with BCN
    levels = [_level(1, "MAD", "A", "X", 3), _level(2, "MAD", "B", "X", 3), _level(3, "BCN", "A", "X", 9)]
    plan = plan_order([Need(1, "X", D(6))], Ledger(levels), {"MAD": 1, "BCN": 2}, SourcingRules())
    assert sorted(_where(plan)) == [(1, "MAD", "A", D(3)), (1, "MAD", "B", D(3))]


def test_per_line_a_warehouse_holding_exactly_the_line_serves_it_whole() -> None:
    # no warehouse has both lines; BCN holds exactly the 4 of X, so X is not split with preferred MAD
    levels = [_level(1, "MAD", "A", "X", 2), _level(2, "BCN", "A", "X", 4), _level(3, "VLC", "A", "Y", 1)]
    plan = plan_order(
        [Need(1, "X", D(4)), Need(2, "Y", D(1))], Ledger(levels), {"MAD": 1, "BCN": 2}, SourcingRules()
    )
    assert _where(plan) == [(1, "BCN", "A", D(4)), (2, "VLC", "A", D(1))]


def test_a_later_line_of_the_product_sees_what_the_earlier_lines_took() -> None:
    # no warehouse holds the whole order (Y is only in VLC); MAD, preferred, holds 5 X and BCN 4:
    # the first line takes 4 of MAD's 5, so the second line is whole only in BCN
    levels = [_level(1, "MAD", "A", "X", 5), _level(2, "BCN", "A", "X", 4), _level(3, "VLC", "A", "Y", 1)]
    needs = [Need(1, "X", D(4)), Need(2, "X", D(4)), Need(3, "Y", D(1))]
    plan = plan_order(needs, Ledger(levels), {"MAD": 1, "BCN": 2, "VLC": 3}, SourcingRules())
    assert _where(plan) == [(1, "MAD", "A", D(4)), (2, "BCN", "A", D(4)), (3, "VLC", "A", D(1))]
    assert plan.waiting == {}
