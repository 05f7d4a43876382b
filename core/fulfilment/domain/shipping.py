"""Shipping: product handling attributes, carrier services and their rate tables, zones, quotes, and
the choice of carrier (the cheapest service that suits the goods and arrives by the requested date).

Charges are `Decimal` in the rate table's currency; a percentage surcharge is rounded to the cent
(half up) where it is computed, and the total is the sum of rounded parts.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from core.kernel.errors import NoCarrier

CENT = Decimal("0.01")
ZERO = Decimal(0)


class GoodsClass(enum.StrEnum):
    """How goods must travel."""

    GENERAL = "general"
    FRESH = "fresh"  # chilled food: cold chain, next day
    FROZEN = "frozen"
    APPAREL = "apparel"  # clothing: light, soft, fine for parcel post


@dataclass(eq=False)
class ProductShipping:
    """What shipping needs to know about a product; defaults fit a small boxed hardware item."""

    sku: str
    weight_kg: Decimal = Decimal("0.5")
    length_cm: Decimal = Decimal(20)
    width_cm: Decimal = Decimal(15)
    height_cm: Decimal = Decimal(10)
    goods_class: GoodsClass = GoodsClass.GENERAL
    fragile: bool = False

    @property
    def perishable(self) -> bool:
        return self.goods_class in (GoodsClass.FRESH, GoodsClass.FROZEN)

    @property
    def volume_cm3(self) -> Decimal:
        return self.length_cm * self.width_cm * self.height_cm


class Surcharge(enum.StrEnum):
    PERISHABLE = "perishable"
    FRAGILE = "fragile"
    HIGH_VALUE = "high_value"


@dataclass(frozen=True)
class CarrierService:
    """One service of one carrier and what it can carry."""

    carrier: str
    service: str
    name: str
    transit_days: int  # working days from despatch to delivery
    classes: frozenset[GoodsClass]  # the goods it takes
    fragile_ok: bool = True
    max_parcel_kg: Decimal = Decimal(30)
    currency: str = "EUR"


@dataclass(frozen=True)
class Rate:
    """Price of one parcel up to a weight, in one zone."""

    carrier: str
    service: str
    zone: str
    up_to_kg: Decimal
    price: Decimal


@dataclass(frozen=True)
class SurchargeRule:
    """A carrier's extra charge for a kind of goods: a fixed amount per parcel and/or a percentage
    of the base price; high-value applies when the declared value exceeds `threshold`."""

    carrier: str
    kind: Surcharge
    per_parcel: Decimal = ZERO
    percent: Decimal = ZERO
    threshold: Decimal = ZERO


@dataclass(frozen=True)
class Consignment:
    """What is to be shipped: parcel weights, the goods' nature and value, where to."""

    parcel_kg: tuple[Decimal, ...]
    classes: frozenset[GoodsClass]
    fragile: bool
    value: Decimal
    zone: str

    @property
    def perishable(self) -> bool:
        return bool(self.classes & {GoodsClass.FRESH, GoodsClass.FROZEN})


@dataclass(frozen=True)
class Quote:
    """What one service would charge and when it would arrive."""

    carrier: str
    service: str
    zone: str
    base: Decimal
    surcharges: tuple[tuple[str, Decimal], ...]
    total: Decimal
    currency: str
    delivery_date: date
    on_time: bool

    def detail(self) -> list[dict[str, str]]:
        rows = [{"item": "base", "amount": str(self.base)}]
        rows += [{"item": k, "amount": str(v)} for k, v in self.surcharges]
        return rows


# Spanish postal prefixes outside the peninsula: the Balearic and Canary Islands, Ceuta, Melilla.
_ISLANDS = {"07": "ES-BAL", "35": "ES-CAN", "38": "ES-CAN", "51": "ES-CEU", "52": "ES-CEU"}
_EU = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)


def zone_for(origin_country: str, country: str | None, postal_code: str | None) -> str:
    """The rate zone of a destination as seen from a warehouse in `origin_country`."""
    dest = (country or origin_country).upper()
    if dest == "ES" and origin_country.upper() == "ES":
        return _ISLANDS.get((postal_code or "").strip()[:2], "ES-PEN")
    if dest == origin_country.upper():
        return f"{dest}-DOM"
    return "EU" if dest in _EU or dest == "ES" else "WORLD"


def add_working_days(start: date, days: int) -> date:
    """`days` working days after `start` (Saturdays and Sundays do not count)."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def suits(service: CarrierService, consignment: Consignment) -> bool:
    """Whether the service takes these goods at all."""
    if not consignment.classes <= service.classes:
        return False
    if consignment.fragile and not service.fragile_ok:
        return False
    return all(kg <= service.max_parcel_kg for kg in consignment.parcel_kg)


def quote(
    service: CarrierService,
    rates: Iterable[Rate],
    surcharges: Iterable[SurchargeRule],
    consignment: Consignment,
    ship_date: date,
    wanted_by: date | None,
) -> Quote | None:
    """The charge for the consignment by this service, or None when it has no rate for it."""
    table = sorted(
        (
            r
            for r in rates
            if (r.carrier, r.service, r.zone) == (service.carrier, service.service, consignment.zone)
        ),
        key=lambda r: r.up_to_kg,
    )
    base = ZERO
    for kg in consignment.parcel_kg:
        rate = next((r for r in table if kg <= r.up_to_kg), None)
        if rate is None:
            return None
        base += rate.price
    extra: list[tuple[str, Decimal]] = []
    for rule in surcharges:
        if rule.carrier != service.carrier or not _applies(rule, consignment):
            continue
        amount = rule.per_parcel * len(consignment.parcel_kg) + (base * rule.percent / 100)
        extra.append((str(rule.kind), amount.quantize(CENT, ROUND_HALF_UP)))
    base = base.quantize(CENT, ROUND_HALF_UP)
    arrives = add_working_days(ship_date, service.transit_days)
    return Quote(
        carrier=service.carrier,
        service=service.service,
        zone=consignment.zone,
        base=base,
        surcharges=tuple(extra),
        total=base + sum((a for _, a in extra), ZERO),
        currency=service.currency,
        delivery_date=arrives,
        on_time=wanted_by is None or arrives <= wanted_by,
    )


def _applies(rule: SurchargeRule, consignment: Consignment) -> bool:
    if rule.kind is Surcharge.PERISHABLE:
        return consignment.perishable
    if rule.kind is Surcharge.FRAGILE:
        return consignment.fragile
    return consignment.value > rule.threshold


def choose(
    services: Sequence[CarrierService],
    rates: Sequence[Rate],
    surcharges: Sequence[SurchargeRule],
    consignment: Consignment,
    ship_date: date,
    wanted_by: date | None,
) -> Quote:
    """The cheapest suitable service that arrives by `wanted_by`; when none does, the earliest one
    (cheapest among equally fast).  Perishable goods never take a service slower than one day."""
    quotes = []
    for service in services:
        if not suits(service, consignment):
            continue
        if consignment.perishable and service.transit_days > 1:
            continue
        q = quote(service, rates, surcharges, consignment, ship_date, wanted_by)
        if q is not None:
            quotes.append(q)
    if not quotes:
        kinds = ", ".join(sorted(consignment.classes))
        raise NoCarrier(f"no carrier service takes {kinds} goods to zone {consignment.zone}")
    on_time = [q for q in quotes if q.on_time]
    if on_time:
        return min(on_time, key=lambda q: (q.total, q.delivery_date, q.carrier, q.service))
    return min(quotes, key=lambda q: (q.delivery_date, q.total, q.carrier, q.service))


@dataclass(frozen=True)
class ParcelLabel:
    """What a label shows of one parcel."""

    number: int
    of: int
    weight_kg: Decimal
    sscc: str | None


@dataclass(frozen=True)
class BookingRequest:
    """What a carrier needs to take a shipment: who, where, what, and a key that makes a retried
    booking return the first one instead of booking twice."""

    idempotency_key: str
    carrier: str
    service: str
    ship_date: date
    sender_name: str
    sender_city: str
    sender_country: str
    recipient_name: str
    street: str
    postal_code: str
    city: str
    country: str
    reference: str  # the buyer's order number
    parcels: tuple[ParcelLabel, ...]


@dataclass(frozen=True)
class Booking:
    """The carrier's answer: the tracking number and the label to stick on the parcels (PDF)."""

    tracking_number: str
    label_pdf: bytes
