"""The reports' shapes: a table (columns, rows), a chart drawn from one of its columns, and where a bar
leads (the filtered order list).  Built from the summary's sums by key; no database here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from core.reporting.domain.facts import ZERO, Measures

CENT = Decimal("0.01")
WEEKDAYS = ("", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
Cell = str | int | Decimal | None


@dataclass(frozen=True)
class Period:
    start: date  # inclusive
    end: date  # inclusive

    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class Section:
    """One table of a report, with the column its chart draws and a link per row (drill-down)."""

    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    links: list[str | None] = field(default_factory=list)
    chart_column: int | None = None  # index into columns

    def chart(self) -> list[tuple[str, Decimal, str | None]]:
        if self.chart_column is None:
            return []
        col = self.chart_column
        return [(str(r[0]), _dec(r[col]), link) for r, link in zip(self.rows, self.links, strict=False)]


@dataclass
class Report:
    name: str
    title: str
    period: Period
    sections: list[Section] = field(default_factory=list)


def _dec(value: Cell) -> Decimal:
    if value is None or isinstance(value, str):
        return ZERO
    return Decimal(value)


def plain(value: Decimal) -> Decimal:
    """Without trailing zeros and never in exponent notation (250.0000 -> 250, 1.50 -> 1.5)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def ratio(part: Decimal, whole: Decimal, places: str = "0.1") -> Decimal | None:
    """`part` as a percentage of `whole`, rounded; None where there is no whole."""
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal(places), ROUND_HALF_UP)


def per(total: Decimal, count: Decimal, places: str = "0.01") -> Decimal | None:
    if not count:
        return None
    return (total / count).quantize(Decimal(places), ROUND_HALF_UP)


def sales_rows(by_key: Mapping[str, Measures]) -> list[list[Cell]]:
    """key, orders, lines, quantity, revenue, cost, margin, margin %; biggest revenue first."""
    rows: list[list[Cell]] = []
    for key, m in sorted(by_key.items(), key=lambda kv: (-kv[1].get("revenue", ZERO), kv[0])):
        revenue, cost = m.get("revenue", ZERO), m.get("cost", ZERO)
        rows.append(
            [
                key,
                int(m.get("orders", ZERO)),
                int(m.get("lines", ZERO)),
                plain(m.get("quantity", ZERO)),
                money(revenue),
                money(cost),
                money(revenue - cost),
                ratio(revenue - cost, revenue),
            ]
        )
    return rows


SALES_COLUMNS = ["orders", "lines", "quantity", "revenue", "cost", "margin", "margin %"]


def bucket_of_period(day: date, by: str) -> tuple[str, date, date]:
    """The period a day falls in, by "day", "week" (ISO, from Monday) or "month": label, first, last."""
    if by == "day":
        return day.isoformat(), day, day
    if by == "week":
        first = day - timedelta(days=day.weekday())
        iso = first.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", first, first + timedelta(days=6)
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return f"{first:%Y-%m}", first, following - timedelta(days=1)


def split(period: Period) -> tuple[Period | None, list[Period]]:
    """The whole calendar months inside a period (as the span of their first days), and the days
    before and after them: what the monthly sums answer and what the daily ones must."""
    first = (
        period.start
        if period.start.day == 1
        else (period.start.replace(day=1) + timedelta(days=32)).replace(day=1)
    )
    after_end = period.end + timedelta(days=1)
    last = after_end.replace(day=1)  # the first day not in a whole month at the end
    if first >= last:
        return None, [period]
    months = Period(first, (last - timedelta(days=1)).replace(day=1))
    days = [
        p
        for p in (Period(period.start, first - timedelta(days=1)), Period(last, period.end))
        if p.start <= p.end
    ]
    return months, days


def by_month(sums: Mapping[tuple[date, str, str], Measures]) -> dict[tuple[date, str, str], Measures]:
    """Daily sums added up by calendar month (keyed by the month's first day)."""
    out: dict[tuple[date, str, str], Measures] = {}
    for (day, dim, key), measures in sums.items():
        month = out.setdefault((day.replace(day=1), dim, key), {})
        for m, v in measures.items():
            month[m] = month.get(m, ZERO) + v
    return out


def by_period(by_day: Mapping[date, Measures], by: str) -> dict[str, tuple[date, date, Measures]]:
    out: dict[str, tuple[date, date, Measures]] = {}
    for day in sorted(by_day):
        label, first, last = bucket_of_period(day, by)
        _, _, sums = out.setdefault(label, (first, last, {}))
        for m, v in by_day[day].items():
            sums[m] = sums.get(m, ZERO) + v
    return out


def service_row(key: str, m: Measures) -> list[Cell]:
    shipped = m.get("shipped_orders", ZERO)
    return [
        key,
        int(shipped),
        per(m.get("lead_hours", ZERO), shipped, "0.1"),
        ratio(m.get("on_time", ZERO), shipped),
        ratio(m.get("in_full", ZERO), shipped),
        ratio(m.get("otif", ZERO), shipped),
        int(m.get("short_picks", ZERO)),
    ]


SERVICE_COLUMNS = ["shipped orders", "lead time h (avg)", "on time %", "in full %", "OTIF %", "short picks"]


def carrier_row(key: str, m: Measures) -> list[Cell]:
    cost, orders, kg = m.get("carrier_cost", ZERO), m.get("orders", ZERO), m.get("weight_kg", ZERO)
    delivered = m.get("delivered", ZERO)
    return [
        key,
        int(m.get("shipments", ZERO)),
        int(orders),
        int(m.get("parcels", ZERO)),
        kg.quantize(Decimal("0.001")),
        money(cost),
        per(cost, orders),
        per(cost, kg),
        ratio(m.get("delivered_on_time", ZERO), delivered),
    ]


CARRIER_COLUMNS = [
    "shipments",
    "orders",
    "parcels",
    "kg",
    "cost",
    "cost/order",
    "cost/kg",
    "on-time delivery %",
]


def capture_row(key: str, m: Measures) -> list[Cell]:
    captured, reviewed = m.get("captured", ZERO), m.get("reviewed", ZERO)
    return [
        key,
        int(captured),
        int(m.get("touchless", ZERO)),
        ratio(m.get("touchless", ZERO), captured),
        int(reviewed),
        per(m.get("review_seconds", ZERO) / 60, reviewed, "0.1"),
    ]


def correction_row(key: str, m: Measures) -> list[Cell]:
    reviewed, corrected = m.get("reviewed", ZERO), m.get("corrected", ZERO)
    return [
        key,
        int(reviewed),
        int(corrected),
        ratio(corrected, reviewed),
        int(m.get("field_edits", ZERO)),
        per(m.get("field_edits", ZERO), corrected, "0.1"),
        int(m.get("keystrokes", ZERO)),
        # over the corrected orders whose keys the review screen counted ("keyed"), not all of them
        per(m.get("keystrokes", ZERO), m.get("keyed", ZERO), "0.1"),
    ]


CORRECTION_COLUMNS = [
    "reviewed",
    "corrected",
    "corrected %",
    "field edits",
    "field edits/corrected order",
    "keystrokes",
    "keystrokes/corrected order",
]


def pickup_row(key: str, m: Measures) -> list[Cell]:
    shipments = m.get("shipments", ZERO)
    return [
        key,
        int(shipments),
        int(m.get("pickups_on_time", ZERO)),
        ratio(m.get("pickups_on_time", ZERO), shipments),
        per(m.get("pickup_hours", ZERO), shipments, "0.1"),
    ]


PICKUP_COLUMNS = ["shipments", "picked up on time", "on-time pickup %", "packed to pickup h (avg)"]


CAPTURE_COLUMNS = ["decided orders", "touchless", "touchless %", "reviewed", "review min (avg)"]


def rows(
    by_key: Mapping[str, Measures], row: Callable[[str, Measures], list[Cell]], sort: str
) -> list[list[Cell]]:
    ordered = sorted(by_key.items(), key=lambda kv: (-kv[1].get(sort, ZERO), kv[0]))
    return [row(key, m) for key, m in ordered]
