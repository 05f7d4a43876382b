"""Carrier choice at its edges, from the shipping desk's rules:

- a rate applies to parcels up to and including its weight, in its carrier's service and zone only;
  a parcel heavier than any rate has no price by that service;
- a surcharge is so much per parcel plus a percentage of the base, rounded to the cent, for its own
  carrier only; high value means a declared value above the threshold;
- goods go by a service that takes every class in them, fragile goods only where fragile is accepted,
  and no parcel above the service's limit; chilled or frozen goods never travel longer than a day;
- the cheapest service that arrives by the date asked; at equal price the earlier; when none arrives in
  time, the earliest, then the cheapest;
- zones: the Spanish islands, Ceuta and Melilla by postal prefix, the peninsula, home, the EU, the world.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.fulfilment.domain.shipping import (
    CarrierService,
    Consignment,
    GoodsClass,
    ProductShipping,
    Quote,
    Rate,
    Surcharge,
    SurchargeRule,
    add_working_days,
    choose,
    quote,
    suits,
    zone_for,
)
from core.kernel.errors import NoCarrier

D = Decimal
GENERAL = frozenset({GoodsClass.GENERAL})
MONDAY = date(2026, 11, 23)
ROAD = CarrierService("ROAD", "STD", "Road 48h", 2, frozenset({GoodsClass.GENERAL, GoodsClass.APPAREL}))
TIERS = [
    Rate("ROAD", "STD", "ES-PEN", D(5), D("6.00")),
    Rate("ROAD", "STD", "ES-PEN", D(20), D("9.00")),
    Rate("ROAD", "STD", "ES-BAL", D(20), D("30.00")),  # another zone
    Rate("ROAD", "EXP", "ES-PEN", D(20), D("1.00")),  # another service
    Rate("AIR", "STD", "ES-PEN", D(20), D("1.00")),  # another carrier
]


def _goods(
    *kg: str, fragile: bool = False, value: str = "50", classes: frozenset[GoodsClass] = GENERAL
) -> Consignment:
    return Consignment(tuple(D(k) for k in kg), classes, fragile, D(value), "ES-PEN")


def _quote(consignment: Consignment, surcharges: list[SurchargeRule] | None = None) -> Quote | None:
    return quote(ROAD, TIERS, surcharges or [], consignment, MONDAY, None)


def test_a_rate_covers_parcels_up_to_and_including_its_weight() -> None:
    for kg, base in (("0.1", "6.00"), ("5", "6.00"), ("5.01", "9.00"), ("20", "9.00")):
        q = _quote(_goods(kg))
        assert q is not None and q.base == D(base), kg


def test_each_parcel_pays_its_own_rate() -> None:
    q = _quote(_goods("2", "12", "4"))
    assert q is not None
    assert (q.base, q.total, q.zone, q.currency) == (D("21.00"), D("21.00"), "ES-PEN", "EUR")


def test_a_parcel_heavier_than_every_rate_has_no_price() -> None:
    assert _quote(_goods("2", "20.5")) is None
    assert quote(ROAD, TIERS, [], Consignment((D(1),), GENERAL, False, D(1), "WORLD"), MONDAY, None) is None


def test_a_surcharge_is_per_parcel_plus_a_share_of_the_base_for_its_own_carrier_only() -> None:
    rules = [
        SurchargeRule("ROAD", Surcharge.FRAGILE, per_parcel=D("1.25"), percent=D(10)),
        SurchargeRule("AIR", Surcharge.FRAGILE, per_parcel=D(100)),
    ]
    q = _quote(_goods("2", "12", fragile=True), rules)
    # base 6.00 + 9.00 = 15.00; 2 parcels x 1.25 + 10 % of 15.00 = 2.50 + 1.50 = 4.00
    assert q is not None
    assert q.surcharges == (("fragile", D("4.00")),)
    assert q.total == D("19.00")
    assert q.detail() == [{"item": "base", "amount": "15.00"}, {"item": "fragile", "amount": "4.00"}]


def test_a_percentage_surcharge_rounds_half_up_to_the_cent() -> None:
    rules = [SurchargeRule("ROAD", Surcharge.HIGH_VALUE, percent=D("2.5"), threshold=D(100))]
    q = _quote(_goods("1", value="100.01"), rules)  # 2.5 % of 6.00 = 0.15
    assert q is not None and q.surcharges == (("high_value", D("0.15")),)
    rules = [SurchargeRule("ROAD", Surcharge.HIGH_VALUE, percent=D("0.75"), threshold=D(100))]
    q = _quote(_goods("1", value="500"), rules)  # 0.75 % of 6.00 = 0.045 -> 0.05
    assert q is not None and q.surcharges == (("high_value", D("0.05")),)


def test_high_value_means_above_the_threshold_not_at_it() -> None:
    rules = [SurchargeRule("ROAD", Surcharge.HIGH_VALUE, per_parcel=D(2), threshold=D(100))]
    at = _quote(_goods("1", value="100"), rules)
    above = _quote(_goods("1", value="100.01"), rules)
    assert at is not None and at.surcharges == ()
    assert above is not None and above.surcharges == (("high_value", D("2.00")),)


def test_fragile_and_perishable_surcharges_apply_only_to_such_goods() -> None:
    rules = [
        SurchargeRule("ROAD", Surcharge.FRAGILE, per_parcel=D(1)),
        SurchargeRule("ROAD", Surcharge.PERISHABLE, per_parcel=D(5)),
    ]
    plain = _quote(_goods("1"), rules)
    assert plain is not None and plain.surcharges == ()


def test_the_quote_says_when_it_arrives_and_whether_that_is_in_time() -> None:
    wednesday = date(2026, 11, 25)  # Monday + 2 working days
    on = quote(ROAD, TIERS, [], _goods("1"), MONDAY, wednesday)
    late = quote(ROAD, TIERS, [], _goods("1"), MONDAY, date(2026, 11, 24))
    assert on is not None and (on.delivery_date, on.on_time) == (wednesday, True)
    assert late is not None and (late.delivery_date, late.on_time) == (wednesday, False)
    assert (on.carrier, on.service) == ("ROAD", "STD")


def test_a_service_takes_only_the_classes_weights_and_fragility_it_is_made_for() -> None:
    post = CarrierService("POST", "PAQ", "Post", 3, GENERAL, fragile_ok=False, max_parcel_kg=D(10))
    assert suits(post, _goods("10"))
    assert not suits(post, _goods("10.01"))
    assert not suits(post, _goods("1", "11"))
    assert not suits(post, _goods("1", fragile=True))
    assert not suits(post, _goods("1", classes=frozenset({GoodsClass.GENERAL, GoodsClass.APPAREL})))
    assert suits(ROAD, _goods("1", fragile=True, classes=frozenset({GoodsClass.APPAREL})))


def test_chilled_goods_never_go_by_a_service_slower_than_a_day() -> None:
    slow = CarrierService("COLD", "48H", "Cold 48h", 2, frozenset({GoodsClass.FRESH}))
    fast = CarrierService("COLD", "24H", "Cold 24h", 1, frozenset({GoodsClass.FRESH}))
    rates = [Rate("COLD", "48H", "ES-PEN", D(20), D(5)), Rate("COLD", "24H", "ES-PEN", D(20), D(20))]
    fresh = _goods("1", classes=frozenset({GoodsClass.FRESH}))
    assert choose([slow, fast], rates, [], fresh, MONDAY, None).service == "24H"
    with pytest.raises(NoCarrier, match="no carrier service takes fresh goods to zone ES-PEN"):
        choose([slow], rates, [], fresh, MONDAY, None)


def _service(name: str, days: int) -> CarrierService:
    return CarrierService("C", name, name, days, GENERAL)


def _rates(**prices: str) -> list[Rate]:
    return [Rate("C", name, "ES-PEN", D(20), D(p)) for name, p in prices.items()]


def test_the_cheapest_that_arrives_in_time_and_at_equal_price_the_earlier() -> None:
    services = [_service("A", 3), _service("B", 1), _service("C", 2)]
    thursday = date(2026, 11, 26)
    assert choose(services, _rates(A="5", B="9", C="7"), [], _goods("1"), MONDAY, thursday).service == "A"
    assert (
        choose(services, _rates(A="5", B="9", C="7"), [], _goods("1"), MONDAY, date(2026, 11, 25)).service
        == "C"
    )
    assert choose(services, _rates(A="7", B="7", C="7"), [], _goods("1"), MONDAY, thursday).service == "B"


def test_when_none_arrives_in_time_the_earliest_then_the_cheapest() -> None:
    services = [_service("A", 2), _service("B", 2), _service("C", 3)]
    q = choose(services, _rates(A="9", B="8", C="1"), [], _goods("1"), MONDAY, MONDAY)
    assert (q.service, q.on_time) == ("B", False)


def test_a_service_without_a_rate_for_the_zone_is_passed_over() -> None:
    services = [_service("A", 1), _service("B", 1)]
    rates = [Rate("C", "A", "EU", D(20), D(1)), Rate("C", "B", "ES-PEN", D(20), D(9))]
    assert choose(services, rates, [], _goods("1"), MONDAY, None).service == "B"


@pytest.mark.parametrize(
    ("origin", "country", "postal", "zone"),
    [
        ("ES", "ES", "07001", "ES-BAL"),
        ("ES", "ES", "35001", "ES-CAN"),
        ("ES", "ES", "38001", "ES-CAN"),
        ("ES", "ES", "51001", "ES-CEU"),
        ("ES", "ES", "52001", "ES-CEU"),
        ("ES", "es", " 07001 ", "ES-BAL"),
        ("es", "ES", "28013", "ES-PEN"),
        ("ES", "ES", None, "ES-PEN"),
        ("ES", None, "35001", "ES-CAN"),
        ("PT", "PT", "1000-001", "PT-DOM"),
        ("PT", None, "1000-001", "PT-DOM"),
        ("PT", "ES", "07001", "EU"),  # the islands' prefixes are Spain's own zones only
        ("ES", "PT", "1000-001", "EU"),
        ("ES", "de", "10115", "EU"),
        ("ES", "GB", "SW1A 1AA", "WORLD"),
        ("ES", "CH", "8001", "WORLD"),
    ],
)
def test_the_zone_of_a_destination(origin: str, country: str | None, postal: str | None, zone: str) -> None:
    assert zone_for(origin, country, postal) == zone


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (date(2026, 11, 23), 0, date(2026, 11, 23)),  # Monday, nothing to add
        (date(2026, 11, 23), 4, date(2026, 11, 27)),  # Monday + 4 = Friday
        (date(2026, 11, 23), 5, date(2026, 11, 30)),  # Monday + 5 = next Monday
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # Saturday + 1 = Monday
        (date(2026, 11, 29), 1, date(2026, 11, 30)),  # Sunday + 1 = Monday
    ],
)
def test_working_days_skip_weekends(start: date, days: int, end: date) -> None:
    assert add_working_days(start, days) == end


def test_a_products_shipping_facts() -> None:
    box = ProductShipping("TOR", length_cm=D(30), width_cm=D(20), height_cm=D("2.5"))
    assert box.volume_cm3 == D(1500)
    assert not box.perishable
    assert ProductShipping("QUESO", goods_class=GoodsClass.FRESH).perishable
    assert ProductShipping("HELADO", goods_class=GoodsClass.FROZEN).perishable
    assert not ProductShipping("CAMISA", goods_class=GoodsClass.APPAREL).perishable
    assert _goods("1", classes=frozenset({GoodsClass.GENERAL, GoodsClass.FROZEN})).perishable
    assert not _goods("1").perishable
