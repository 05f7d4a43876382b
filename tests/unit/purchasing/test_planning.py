"""Planning: positions against reorder rules, packs and minimums, one proposal per supplier and
warehouse; every expected quantity worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.purchasing.domain.planning import Position, plan
from core.purchasing.domain.suppliers import ReorderRule, SupplierProduct

D = Decimal
TODAY = date(2026, 12, 3)


def offer(
    supplier: str, sku: str, pack: str, price: str, lead: int = 5, minimum: str = "0"
) -> SupplierProduct:
    return SupplierProduct(supplier, sku, f"{supplier}-{sku}", D(pack), D(price), "EUR", lead, D(minimum))


def test_pack_multiples_and_the_minimum() -> None:
    o = offer("S", "X", pack="12", price="1", minimum="30")
    assert o.order_quantity(D(1)) == 36  # at least 30: three packs of 12
    assert o.order_quantity(D(30)) == 36
    assert o.order_quantity(D(37)) == 48  # four packs
    assert o.order_quantity(D(48)) == 48
    assert offer("S", "X", pack="0.5", price="1").order_quantity(D("1.2")) == D("1.5")


def test_a_rule_orders_up_to_its_level_and_a_backorder_without_a_rule_orders_what_waits() -> None:
    rules = [ReorderRule("BOLT", "MAD", D(100), D(500)), ReorderRule("NUT", "MAD", D(100), D(500))]
    position = Position(
        available={("BOLT", "MAD"): D(80), ("NUT", "MAD"): D(150), ("WRENCH", "MAD"): D(0)},
        demand={("BOLT", "MAD"): D(30), ("WRENCH", "MAD"): D(7)},
        on_order={("BOLT", "MAD"): D(20)},
    )
    offers = [
        offer("S-A", "BOLT", pack="50", price="0.10", lead=5),
        offer("S-A", "WRENCH", pack="6", price="6.40", lead=12),
        offer("S-A", "NUT", pack="100", price="0.02"),
    ]
    result = plan(rules, position, offers, {}, TODAY)
    assert result.unsourced == []
    [proposal] = result.proposals
    assert (proposal.supplier_id, proposal.warehouse) == ("S-A", "MAD")
    # BOLT: 80 + 20 - 30 = 70 <= 100 -> 500 - 70 = 430 -> 9 packs of 50 = 450
    # NUT: 150 > 100: nothing; WRENCH: no rule, 0 - 7 = -7 -> 7 -> 2 packs of 6 = 12
    assert [(line.sku, line.quantity) for line in proposal.lines] == [("BOLT", D(450)), ("WRENCH", D(12))]
    assert proposal.expected_date == date(2026, 12, 15)  # the slower line: 12 days


def test_the_preferred_supplier_wins_over_the_cheaper_one_and_groups_split_by_supplier() -> None:
    rules = [ReorderRule("BOLT", "MAD", D(10), D(20)), ReorderRule("BOLT", "BCN", D(10), D(20))]
    position = Position(available={}, demand={}, on_order={})
    offers = [offer("CHEAP", "BOLT", "1", "0.05"), offer("USUAL", "BOLT", "1", "0.07")]
    result = plan(rules, position, offers, {("BOLT", "MAD"): "USUAL"}, TODAY)
    assert [(p.supplier_id, p.warehouse, p.lines[0].quantity) for p in result.proposals] == [
        ("CHEAP", "BCN", D(20)),
        ("USUAL", "MAD", D(20)),
    ]


def test_what_no_supplier_sells_is_reported_not_ordered() -> None:
    position = Position(available={}, demand={("GLUE", "MAD"): D(3)}, on_order={})
    result = plan([], position, [], {}, TODAY)
    assert result.proposals == []
    assert [(n.sku, n.wanted) for n in result.unsourced] == [("GLUE", D(3))]


def test_stock_at_the_reorder_point_orders_and_above_it_does_not() -> None:
    rules = [ReorderRule("A", "MAD", D(10), D(30)), ReorderRule("B", "MAD", D(10), D(30))]
    position = Position(available={("A", "MAD"): D(10), ("B", "MAD"): D(11)}, demand={}, on_order={})
    result = plan(rules, position, [offer("S", "A", "1", "1"), offer("S", "B", "1", "1")], {}, TODAY)
    assert [(line.sku, line.quantity) for line in result.proposals[0].lines] == [("A", D(20))]


def test_progress_hears_each_place_looked_at_and_the_plan_is_the_same_with_or_without_it() -> None:
    rules = [ReorderRule("BOLT", "MAD", D(100), D(500)), ReorderRule("NUT", "MAD", D(100), D(500))]
    # BOLT and NUT at MAD have rules; WRENCH at MAD has demand and no rule; BOLT's demand is ruled
    position = Position(
        available={("BOLT", "MAD"): D(80), ("NUT", "MAD"): D(150)},
        demand={("BOLT", "MAD"): D(30), ("WRENCH", "MAD"): D(7)},
        on_order={},
    )
    offers = [offer("S-A", "BOLT", pack="50", price="0.10"), offer("S-A", "WRENCH", pack="6", price="6.40")]
    heard: list[tuple[int, int]] = []
    with_it = plan(rules, position, offers, {}, TODAY, lambda done, total: heard.append((done, total)))
    assert heard == [(1, 3), (2, 3), (3, 3)]  # two rules, then WRENCH: three places
    assert with_it == plan(rules, position, offers, {}, TODAY)
    # BOLT at 80 - 30 = 50 <= 100 -> 450 in packs of 50; WRENCH at -7 -> 7 -> 12 in packs of 6
    assert [(line.sku, line.quantity) for line in with_it.proposals[0].lines] == [
        ("BOLT", 450),
        ("WRENCH", 12),
    ]
