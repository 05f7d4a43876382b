"""Sourcing, packing and carrier choice: the pure rules behind allocation and shipping."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.fulfilment.domain.shipping import (
    CarrierService,
    Consignment,
    GoodsClass,
    Rate,
    Surcharge,
    SurchargeRule,
    add_working_days,
    choose,
    zone_for,
)
from core.fulfilment.domain.stock import Ledger, Need, SourcingRules, StockLevel, plan_order
from core.fulfilment.domain.warehouse import PackItem, PickLine, by_location, pack, sscc
from core.kernel.errors import NoCarrier

D = Decimal
PRIORITY = {"MAD": 10, "BCN": 20}


def level(i: int, wh: str, loc: str, sku: str, on_hand: int, allocated: int = 0) -> StockLevel:
    return StockLevel(i, wh, loc, sku, D(on_hand), D(allocated))


def where(plan_reservations: object) -> list[tuple[int, str, str, Decimal]]:
    return sorted((r.line_id, r.level.warehouse, r.level.location, r.quantity) for r in plan_reservations)  # type: ignore[attr-defined]


def test_one_warehouse_with_everything_wins_over_priority() -> None:
    ledger = Ledger(
        [level(1, "MAD", "A", "X", 10), level(2, "BCN", "B", "X", 10), level(3, "BCN", "C", "Y", 5)]
    )
    plan = plan_order([Need(1, "X", D(4)), Need(2, "Y", D(2))], ledger, PRIORITY, SourcingRules())
    assert where(plan.reservations) == [(1, "BCN", "B", D(4)), (2, "BCN", "C", D(2))]
    assert not plan.waiting


def test_per_line_the_preferred_warehouse_that_has_it_all() -> None:
    ledger = Ledger(
        [level(1, "MAD", "A", "X", 10), level(2, "BCN", "B", "X", 10), level(3, "BCN", "C", "Y", 5)]
    )
    plan = plan_order([Need(1, "X", D(4)), Need(2, "Y", D(9))], ledger, PRIORITY, SourcingRules())
    assert where(plan.reservations) == [(1, "MAD", "A", D(4)), (2, "BCN", "C", D(5))]
    assert plan.waiting == {2: D(4)}


def test_splitting_across_warehouses_only_when_allowed() -> None:
    levels = [level(1, "MAD", "A", "X", 3), level(2, "BCN", "B", "X", 4)]
    split = plan_order([Need(1, "X", D(6))], Ledger(levels), PRIORITY, SourcingRules(split_warehouses=True))
    assert where(split.reservations) == [(1, "BCN", "B", D(3)), (1, "MAD", "A", D(3))]
    whole = plan_order([Need(1, "X", D(6))], Ledger(levels), PRIORITY, SourcingRules(split_warehouses=False))
    assert where(whole.reservations) == [(1, "BCN", "B", D(4))]  # the one holding most; the rest waits
    assert whole.waiting == {1: D(2)}


def test_a_batch_never_plans_the_same_units_twice() -> None:
    ledger = Ledger([level(1, "MAD", "A", "X", 5, allocated=2)])
    first = plan_order([Need(1, "X", D(2))], ledger, PRIORITY, SourcingRules())
    second = plan_order([Need(2, "X", D(2))], ledger, PRIORITY, SourcingRules())
    assert [r.quantity for r in first.reservations] == [D(2)]
    assert [r.quantity for r in second.reservations] == [D(1)] and second.waiting == {2: D(1)}


def test_pick_lines_walk_the_locations_in_natural_order() -> None:
    lines = [
        PickLine(1, 1, 1, "X", "A-10-01", D(1)),
        PickLine(2, 2, 2, "Y", "A-2-01", D(1)),
        PickLine(3, 3, 3, "X", "A-2-01", D(1)),
        PickLine(4, 4, 4, "Z", "B-01-01", D(1)),
    ]
    assert [(loc, [ln.sku for ln in group]) for loc, group in by_location(lines)] == [
        ("A-2-01", ["X", "Y"]),
        ("A-10-01", ["X"]),
        ("B-01-01", ["Z"]),
    ]


def test_packing_respects_weight_and_picks_the_smallest_box() -> None:
    items = [
        PackItem(1, 1, "HEAVY", D(5), D("4.5"), D(3000)),
        PackItem(2, 2, "LIGHT", D(10), D("0.1"), D(200)),
    ]
    parcels = pack(items)
    assert all(p.weight_kg <= D(25) for p in parcels)
    packed = {}
    for parcel in parcels:
        for c in parcel.contents:
            packed[c["sku"]] = packed.get(c["sku"], D(0)) + D(str(c["quantity"]))
    assert packed == {"HEAVY": D(5), "LIGHT": D(10)}
    tiny = pack([PackItem(1, 1, "NUT", D(10), D("0.005"), D("2.25"))])
    assert len(tiny) == 1 and tiny[0].box == "S" and tiny[0].weight_kg == D("0.25")


def test_sscc_has_eighteen_digits_and_a_valid_check_digit() -> None:
    code = sscc("8437000", 42)
    assert len(code) == 18 and code.startswith("08437000")
    digits = [int(c) for c in code]
    assert sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits[:-1])) % 10 == (10 - digits[-1]) % 10


SERVICES = [
    CarrierService("ROAD", "STD", "Road 48h", 2, frozenset({GoodsClass.GENERAL, GoodsClass.APPAREL})),
    CarrierService("ROAD", "EXP", "Road 24h", 1, frozenset({GoodsClass.GENERAL, GoodsClass.APPAREL})),
    CarrierService("COLD", "24H", "Cold 24h", 1, frozenset({GoodsClass.FRESH, GoodsClass.GENERAL})),
    CarrierService(
        "POST", "PAQ", "Post 72h", 3, frozenset({GoodsClass.APPAREL, GoodsClass.GENERAL}), fragile_ok=False
    ),
]
RATES = [
    Rate("ROAD", "STD", "ES-PEN", D(10), D("7.50")),
    Rate("ROAD", "EXP", "ES-PEN", D(10), D("11.50")),
    Rate("COLD", "24H", "ES-PEN", D(10), D("15.00")),
    Rate("POST", "PAQ", "ES-PEN", D(10), D("6.20")),
]
EXTRAS = [
    SurchargeRule("COLD", Surcharge.PERISHABLE, per_parcel=D(3)),
    SurchargeRule("ROAD", Surcharge.FRAGILE, per_parcel=D("2.50")),
    SurchargeRule("ROAD", Surcharge.HIGH_VALUE, percent=D(1), threshold=D(100)),
]
MONDAY = date(2026, 11, 23)


def goods(*classes: GoodsClass, fragile: bool = False, value: int = 50, kg: str = "3") -> Consignment:
    return Consignment((D(kg),), frozenset(classes), fragile, D(value), "ES-PEN")


def test_clothing_goes_the_cheapest_way_that_arrives_in_time() -> None:
    q = choose(SERVICES, RATES, EXTRAS, goods(GoodsClass.APPAREL), MONDAY, date(2026, 11, 30))
    assert (q.carrier, q.total, q.delivery_date) == ("POST", D("6.20"), date(2026, 11, 26))
    q = choose(SERVICES, RATES, EXTRAS, goods(GoodsClass.APPAREL), MONDAY, date(2026, 11, 25))
    assert (q.carrier, q.service) == ("ROAD", "STD")


def test_fresh_food_only_goes_by_cold_chain_with_its_surcharge() -> None:
    q = choose(SERVICES, RATES, EXTRAS, goods(GoodsClass.FRESH), MONDAY, None)
    assert (q.carrier, q.base, q.surcharges, q.total) == (
        "COLD",
        D("15.00"),
        (("perishable", D(3)),),
        D("18.00"),
    )


def test_fragile_and_high_value_surcharges_and_rounding() -> None:
    q = choose(
        SERVICES,
        RATES,
        EXTRAS,
        goods(GoodsClass.GENERAL, fragile=True, value=150),
        MONDAY,
        date(2026, 11, 25),
    )
    assert q.carrier == "ROAD" and dict(q.surcharges) == {"fragile": D("2.50"), "high_value": D("0.08")}
    assert q.total == D("10.08")  # 7.50 + 2.50 + 1 % of 7.50 rounded half up to the cent


def test_when_nothing_arrives_in_time_the_fastest_goes() -> None:
    q = choose(SERVICES, RATES, EXTRAS, goods(GoodsClass.GENERAL), MONDAY, MONDAY)
    assert (q.carrier, q.service, q.on_time) == ("ROAD", "EXP", False)


def test_goods_no_service_takes_are_refused() -> None:
    with pytest.raises(NoCarrier, match="frozen"):
        choose(SERVICES, RATES, EXTRAS, goods(GoodsClass.FROZEN), MONDAY, None)


def test_zones_and_working_days() -> None:
    assert zone_for("ES", "ES", "07001") == "ES-BAL"
    assert zone_for("ES", "ES", "38001") == "ES-CAN"
    assert zone_for("ES", None, "28013") == "ES-PEN"
    assert zone_for("ES", "FR", "75001") == "EU"
    assert zone_for("ES", "US", "10001") == "WORLD"
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Friday + 1 = Monday
