"""The reports, each read from the daily summary for a period (receivables from the books as they stand).

`REPORTS` names them for the pages, the API of exports and `oms reports NAME`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol
from urllib.parse import urlencode

from core.reporting.domain.facts import UNKNOWN, ZERO, Measures
from core.reporting.domain.reports import (
    CAPTURE_COLUMNS,
    CARRIER_COLUMNS,
    CORRECTION_COLUMNS,
    PICKUP_COLUMNS,
    SALES_COLUMNS,
    SERVICE_COLUMNS,
    WEEKDAYS,
    Period,
    Report,
    Section,
    by_period,
    capture_row,
    carrier_row,
    correction_row,
    money,
    per,
    pickup_row,
    plain,
    ratio,
    rows,
    sales_rows,
    service_row,
)
from core.reporting.services.unit_of_work import ReportingUnitOfWork


class AgeingLike(Protocol):
    party: str
    balance: Decimal
    buckets: dict[str, Decimal]


# the books' ageing, as the composition root hands it over: (unit of work, as of) -> one per customer
Ageing = Callable[[Any, date], Sequence[AgeingLike]]
AGE_BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")
SALES = ("orders", "lines", "quantity", "revenue", "cost")
SERVICE = ("shipped_orders", "lead_hours", "on_time", "in_full", "otif", "short_picks")
CARRIER = ("orders", "shipments", "parcels", "weight_kg", "carrier_cost", "delivered", "delivered_on_time")
CAPTURE = ("captured", "touchless", "reviewed", "review_seconds")
PICKUP = ("shipments", "pickups_on_time", "pickup_hours")
CORRECTIONS = ("reviewed", "corrected", "field_edits", "keystrokes", "keyed")

TITLES = {
    "sales-customer": "Sales by customer",
    "sales-product": "Sales by product",
    "sales-category": "Sales by category",
    "sales-channel": "Sales by channel",
    "sales-period": "Sales by period",
    "profile": "Order profile per customer",
    "service": "Service",
    "carriers": "Carriers",
    "returns": "Returns",
    "capture": "Capture",
    "receivables": "Receivables ageing",
}
REPORTS = tuple(TITLES)


def drill(period: Period, **filters: str) -> str:
    """The order list behind a figure: the same filters and period."""
    query = {**filters, "date_from": period.start.isoformat(), "date_to": period.end.isoformat()}
    return "/orders?" + urlencode(query)


class Reports:
    def __init__(
        self,
        uow_factory: Callable[[], ReportingUnitOfWork],
        ageing: Ageing,
        clock: Callable[[], datetime],
    ) -> None:
        self.uow_factory = uow_factory
        self.ageing = ageing
        self.clock = clock

    def run(self, name: str, period: Period, by: str = "month") -> Report:
        if name not in TITLES:
            raise ValueError(f"no report {name!r}; there are: {', '.join(REPORTS)}")
        report = Report(name, TITLES[name], period)
        with self.uow_factory() as uow:
            build: Callable[[ReportingUnitOfWork, Period], list[Section]]
            if name.startswith("sales-"):
                report.sections = self._sales(uow, period, name.removeprefix("sales-"), by)
                return report
            build = {
                "profile": self._profile,
                "service": self._service,
                "carriers": self._carriers,
                "returns": self._returns,
                "capture": self._capture,
                "receivables": self._receivables,
            }[name]
            report.sections = build(uow, period)
        return report

    def _sales(self, uow: ReportingUnitOfWork, period: Period, dim: str, by: str) -> list[Section]:
        section = Section(TITLES[f"sales-{dim}"], [dim, *SALES_COLUMNS], chart_column=4)
        if dim == "period":
            days = uow.reporting.by_day("all", "", period, SALES)
            for label, (first, last, m) in by_period(days, by).items():
                [row] = sales_rows({label: m})
                section.rows.append(row)
                span = Period(max(first, period.start), min(last, period.end))
                section.links.append(drill(span))
            return [section]
        section.rows = sales_rows(uow.reporting.sums(dim, period, SALES))
        param = {"customer": "customer", "product": "sku", "category": "category", "channel": "channel"}[dim]
        # lines of products without a category ("?") have no filter of their own
        section.links = [
            None if dim == "category" and r[0] == UNKNOWN else drill(period, **{param: str(r[0])})
            for r in section.rows
        ]
        return [section]

    def _profile(self, uow: ReportingUnitOfWork, period: Period) -> list[Section]:
        customers = uow.reporting.sums("customer", period, ("orders", "lines", "revenue"))
        weekdays = _split(uow.reporting.sums("customer_weekday", period, ("orders",)))
        channels = _split(uow.reporting.sums("customer_channel", period, ("orders",)))
        columns = ["customer", "orders", "lines/order", "order value (avg)", "busiest weekday", "channel mix"]
        table = Section("Order profile per customer", columns, chart_column=1)
        for key, m in sorted(customers.items(), key=lambda kv: (-kv[1]["orders"], kv[0])):
            orders = m["orders"]
            table.rows.append(
                [
                    key,
                    int(orders),
                    per(m["lines"], orders),
                    per(m["revenue"], orders),
                    _busiest(weekdays.get(key, {})),
                    _mix(channels.get(key, {}), orders),
                ]
            )
            table.links.append(drill(period, customer=key))
        days = uow.reporting.sums("weekday", period, ("orders",))
        arrival = Section("Orders by weekday of arrival", ["weekday", "orders"], chart_column=1)
        for wd in range(1, 8):
            arrival.rows.append([WEEKDAYS[wd], int(days.get(str(wd), {}).get("orders", ZERO))])
            arrival.links.append(None)
        hours = uow.reporting.sums("hour", period, ("orders",))
        by_hour = Section("Orders by hour of arrival (UTC)", ["hour", "orders"], chart_column=1)
        for hour in sorted(hours):
            by_hour.rows.append([hour, int(hours[hour]["orders"])])
            by_hour.links.append(None)
        return [table, arrival, by_hour]

    def _service(self, uow: ReportingUnitOfWork, period: Period) -> list[Section]:
        by_customer = uow.reporting.sums("customer", period, SERVICE)
        table = Section("Service by customer", ["customer", *SERVICE_COLUMNS], chart_column=5)
        table.rows = rows(by_customer, service_row, "shipped_orders")
        table.links = [drill(period, customer=str(r[0])) for r in table.rows]
        total = uow.reporting.sums("all", period, SERVICE).get("", {})
        table.rows.append(service_row("all", total))
        table.links.append(drill(period))
        ages = Section("Backorders waiting now, by age", ["age (days)", "orders"], chart_column=1)
        now = self.clock()
        counts = dict.fromkeys(("0-2", "3-7", "8-14", "15-30", "31+"), 0)
        for days, waiting in uow.reporting.backorder_days(now).items():
            counts[_age_bucket(days)] += waiting
        ages.rows = [[k, v] for k, v in counts.items()]
        ages.links = ["/orders?state=backordered"] * len(ages.rows)
        return [table, ages]

    def _carriers(self, uow: ReportingUnitOfWork, period: Period) -> list[Section]:
        table = Section("Carriers", ["carrier", *CARRIER_COLUMNS], chart_column=5)
        table.rows = rows(uow.reporting.sums("carrier", period, CARRIER), carrier_row, "shipments")
        table.links = [None if r[0] == UNKNOWN else drill(period, carrier=str(r[0])) for r in table.rows]
        zones = uow.reporting.sums("zone", period, ("shipments", "carrier_cost"))
        shipped = sum((m["shipments"] for m in zones.values()), ZERO)
        share = Section("Share by zone", ["zone", "shipments", "share %", "cost"], chart_column=1)
        for key, m in sorted(zones.items(), key=lambda kv: (-kv[1]["shipments"], kv[0])):
            share.rows.append(
                [key, int(m["shipments"]), ratio(m["shipments"], shipped), money(m["carrier_cost"])]
            )
            share.links.append(None)
        pickups = Section("On-time pickup by carrier", ["carrier", *PICKUP_COLUMNS], chart_column=3)
        pickups.rows = rows(uow.reporting.sums("carrier", period, PICKUP), pickup_row, "shipments")
        pickups.links = [None if r[0] == UNKNOWN else drill(period, carrier=str(r[0])) for r in pickups.rows]
        return [table, share, pickups]

    def _returns(self, uow: ReportingUnitOfWork, period: Period) -> list[Section]:
        products = {
            k: m
            for k, m in uow.reporting.sums("product", period, ("shipped_qty", "returned_qty")).items()
            if m["shipped_qty"] or m["returned_qty"]
        }
        table = Section("Returns by product", ["sku", "shipped", "returned", "return rate %"], chart_column=3)
        for key, m in sorted(products.items(), key=lambda kv: (-kv[1]["returned_qty"], kv[0])):
            shipped, back = m["shipped_qty"], m["returned_qty"]
            table.rows.append([key, plain(shipped), plain(back), ratio(back, shipped)])
            table.links.append(drill(period, sku=key))
        reasons = uow.reporting.sums("return_reason", period, ("returns", "returned_qty"))
        units = sum((m["returned_qty"] for m in reasons.values()), ZERO)
        by_reason = Section(
            "Returns by reason", ["reason", "returns", "units", "share of units %"], chart_column=2
        )
        for key, m in sorted(reasons.items(), key=lambda kv: (-kv[1]["returned_qty"], kv[0])):
            by_reason.rows.append(
                [key, int(m["returns"]), plain(m["returned_qty"]), ratio(m["returned_qty"], units)]
            )
            by_reason.links.append(None)
        return [table, by_reason]

    def _capture(self, uow: ReportingUnitOfWork, period: Period) -> list[Section]:
        out = []
        for dim, title, param in (
            ("capture_channel", "Capture by channel", "channel"),
            ("capture_customer", "Capture by customer", "customer"),
            ("capture_format", "Capture by document format", None),
        ):
            section = Section(title, [param or "format", *CAPTURE_COLUMNS], chart_column=3)
            section.rows = rows(uow.reporting.sums(dim, period, CAPTURE), capture_row, "captured")
            section.links = [drill(period, **{param: str(r[0])}) if param else None for r in section.rows]
            out.append(section)
        for dim, title, param in (
            ("capture_channel", "Corrections by channel", "channel"),
            ("capture_customer", "Corrections by customer", "customer"),
            ("capture_format", "Corrections by document format", None),
        ):
            sums = {k: m for k, m in uow.reporting.sums(dim, period, CORRECTIONS).items() if m["reviewed"]}
            section = Section(title, [param or "format", *CORRECTION_COLUMNS], chart_column=7)
            section.rows = rows(sums, correction_row, "reviewed")
            section.links = [
                drill(period, corrected="1", **{param: str(r[0])}) if param else None for r in section.rows
            ]
            out.append(section)
        return out

    def _receivables(self, uow: ReportingUnitOfWork, period: Period) -> list[Section]:
        section = Section(
            f"Receivables as of {period.end}", ["customer", "balance", *AGE_BUCKETS], chart_column=1
        )
        for a in self.ageing(uow, period.end):
            section.rows.append(
                [a.party, money(a.balance), *(money(a.buckets.get(b, ZERO)) for b in AGE_BUCKETS)]
            )
            section.links.append(f"/billing/customers/{a.party}")
        return [section]


def _split(sums: Mapping[str, Measures]) -> dict[str, dict[str, Measures]]:
    out: dict[str, dict[str, Measures]] = {}
    for key, m in sums.items():
        head, _, tail = key.rpartition("|")
        out.setdefault(head, {})[tail] = m
    return out


def _busiest(weekdays: Mapping[str, Measures]) -> str:
    if not weekdays:
        return ""
    best = max(sorted(weekdays), key=lambda wd: weekdays[wd]["orders"])
    return WEEKDAYS[int(best)]


def _mix(channels: Mapping[str, Measures], orders: Decimal) -> str:
    parts = sorted(channels.items(), key=lambda kv: (-kv[1]["orders"], kv[0]))
    return ", ".join(f"{ch} {ratio(m['orders'], orders, '1')}%" for ch, m in parts)


def _age_bucket(days: int) -> str:
    for limit, label in ((2, "0-2"), (7, "3-7"), (14, "8-14"), (30, "15-30")):
        if days <= limit:
            return label
    return "31+"
