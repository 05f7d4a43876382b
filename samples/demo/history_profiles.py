"""Who orders in `oms demo history`, and when: each customer's channel, weekday rhythm, order size and
the SKUs it buys, and the year's shape (spring and summer DIY season, the Christmas peak, August and
the holidays quiet). Only rules here; `samples.demo.history` plays them through the services."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from core.forecasting.domain.calendar import is_holiday

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = range(5)


@dataclass(frozen=True)
class Profile:
    """One customer's habit: orders per working day on average, weekday weights (Monday first, the
    weekend zero), lines per order, and per SKU the typical quantity (the lines vary around it)."""

    customer_id: str
    channel: str  # edi | email
    gln: str  # the buyer's GLN its EDI system writes (the e-mail customers' too: master data has it)
    name: str
    per_day: float
    weekdays: tuple[float, float, float, float, float, float, float]
    lines: tuple[int, int]
    items: tuple[tuple[str, int], ...]
    hours: tuple[int, int] = (8, 18)  # when its orders arrive (local office hours, as UTC here)
    review_share: float = 0.0  # share of its e-mails typed with a code we do not know (the clerk fixes)


PROFILES: tuple[Profile, ...] = (
    # a Madrid hardware chain that orders by EDI early in the week, several orders a day, big lines
    Profile(
        "C-1001",
        "edi",
        "8437000100010",
        "Ferretería Núñez S.L.",
        2.2,
        (1.6, 1.3, 1.0, 0.7, 0.4, 0.0, 0.0),
        (2, 5),
        (("TOR-M8-40", 300), ("TUE-M8", 600), ("ARA-M8", 800), ("TOR-M10-60", 120), ("TAC-6", 4)),
        hours=(6, 11),
    ),
    # a Galician DIY shop: e-mails on Thursdays and Fridays for the weekend trade, small lines
    Profile(
        "C-1002",
        "email",
        "8437000200017",
        "Bricolaje Galicia S.A.",
        1.1,
        (0.5, 0.6, 0.8, 1.5, 1.6, 0.0, 0.0),
        (1, 3),
        (("TAC-6", 3), ("SIL-TRA-300", 6), ("CIN-AIS-19", 10), ("LLA-AJ-250", 1)),
        hours=(9, 14),
        review_share=0.08,
    ),
    # a Valencian distributor: EDI every weekday, steady, mixed lines
    Profile(
        "C-3002",
        "edi",
        "8437000300019",
        "Suministros Levante S.A.",
        1.4,
        (1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0),
        (2, 4),
        (("TOR-M10-60", 100), ("BRO-HSS-8", 10), ("GUA-NIT-L", 3), ("CIN-AIS-19", 20), ("SIL-TRA-300", 8)),
        hours=(8, 17),
    ),
    # a Porto importer (export): EDI on Mondays and Wednesdays, larger orders
    Profile(
        "C-3001",
        "edi",
        "5600000300015",
        "Ferragens do Porto Lda.",
        0.9,
        (1.7, 0.3, 1.7, 0.3, 1.0, 0.0, 0.0),
        (3, 5),
        (("TOR-M8-40", 500), ("TUE-M8", 900), ("BRO-HSS-8", 15), ("GUA-NIT-L", 4), ("TAC-6", 6)),
        hours=(9, 12),
    ),
)


def season(day: date) -> float:
    """How busy the trade is on `day` against an ordinary day: a spring-to-summer DIY season peaking
    in June, the quiet August, and the Christmas peak from mid-November to the 20th of December."""
    doy = day.timetuple().tm_yday
    summer = 0.35 * math.exp(-(((doy - 170) / 35) ** 2))
    august = -0.35 if day.month == 8 else 0.0
    if (day.month == 11 and day.day >= 15) or (day.month == 12 and day.day <= 20):
        christmas = 0.7
    elif day.month == 12:
        christmas = -0.4  # the last days of the year: shops shut, nobody restocks
    else:
        christmas = 0.0
    return max(0.1, 1.0 + summer + august + christmas)


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth's method: the means here are small)."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


@dataclass(frozen=True)
class Planned:
    """One order to send in: who, when, the lines (SKU, quantity), and whether it is misprinted."""

    profile: Profile
    at: datetime
    lines: tuple[tuple[str, int], ...]
    misprinted: bool


def plan_day(rng: random.Random, day: date, tz: object, scale: float = 1.0) -> list[Planned]:
    """The orders that arrive on `day`, in time order (none on a holiday or at the weekend);
    `scale` multiplies every customer's rate."""
    if is_holiday(day):
        return []
    planned = []
    for profile in PROFILES:
        mean = scale * profile.per_day * profile.weekdays[day.weekday()] * season(day)
        for _ in range(poisson(rng, mean)):
            planned.append(_order(rng, profile, day, tz))
    return sorted(planned, key=lambda p: p.at)


def _order(rng: random.Random, profile: Profile, day: date, tz: object) -> Planned:
    start, end = profile.hours
    minute = rng.randrange((end - start) * 60)
    at = datetime.combine(day, time(start + minute // 60, minute % 60, rng.randrange(60)), tzinfo=tz)  # type: ignore[arg-type]
    count = min(rng.randint(*profile.lines), len(profile.items))
    chosen = rng.sample(profile.items, count)
    lines = tuple(
        (sku, max(1, round(typical * rng.uniform(0.5, 1.6) * (1 + 0.3 * (season(day) - 1)))))
        for sku, typical in chosen
    )
    return Planned(profile, at, lines, rng.random() < profile.review_share)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
