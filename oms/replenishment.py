"""Demand forecasts feeding purchasing's reorder rules: for each product and warehouse a supplier sells
to, the demand forecast over the chosen supplier's lead time gives the reorder point and the
order-up-to level that `oms purchasing plan` then works from.

Purchasing does not know forecasting and forecasting does not steer: the two meet here, in the
composition root. A forecast changes a rule only where its back-test beat seasonal-naive and the
average (the forecast is "offered"); elsewhere the rule stays as it was, and the row says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_CEILING, Decimal

from core.forecasting.adapters.models import mstl_forecast
from core.forecasting.domain.series import Model
from core.forecasting.services.forecasts import Event, History
from core.forecasting.services.purchasing import lead_time_demand
from core.purchasing.domain.suppliers import Offer, ReorderRule, choose_supplier
from core.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
Place = tuple[str, str]  # (sku, warehouse)
Levels = tuple[Decimal, Decimal]  # (reorder point, order-up-to)


@dataclass(frozen=True)
class Revision:
    """One product at one warehouse: its rule before, the rule the forecast asks for (None when the
    old one stays), and why."""

    sku: str
    warehouse: str
    supplier_id: str
    lead_days: int
    old: Levels | None
    new: Levels | None
    why: str

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.old


class _Demand:
    """The history with its demand read once and filtered in memory (one query, not one per SKU)."""

    def __init__(self, history: History) -> None:
        self.history = history
        self.events = history.demand()

    def demand(self, sku: str | None = None, warehouse: str | None = None) -> list[Event]:
        key = f"{sku}@{warehouse}"
        return [e for e in self.events if e[1] == key]

    def orders(self, by: str | None) -> list[Event]:
        return self.history.orders(by)

    def shipments(self, by: str | None) -> list[Event]:
        return self.history.shipments(by)

    def review_arrivals(self) -> list[Event]:
        return self.history.review_arrivals()

    def review_handle_minutes(self, since: datetime) -> list[float]:
        return self.history.review_handle_minutes(since)


def whole(value: float) -> Decimal:
    """A level in whole units, rounded up (a reorder point of 106.2 units means reorder at 107)."""
    return Decimal(str(max(value, 0.0))).to_integral_value(rounding=ROUND_CEILING)


def _places(
    demanded: Iterable[str], rules: Iterable[Place], preferred: Iterable[Place], sold: set[str]
) -> list[Place]:
    """Every (sku, warehouse) with a rule, a preferred supplier or demand, whose SKU a supplier sells."""
    seen = [(key.partition("@")[0], key.partition("@")[2]) for key in demanded if "@" in key]
    found = {(s, w) for s, w in (*seen, *rules, *preferred) if s in sold}
    return sorted(found)


def revise(
    uow_factory: Callable[[], UnitOfWork],
    history: History,
    now: datetime,
    *,
    service_level: float = 0.95,
    review_days: int = 7,
    sku: str | None = None,
    warehouse: str | None = None,
    dry_run: bool = False,
    model: Model = mstl_forecast,
) -> list[Revision]:
    """Work out every rule from its forecast and, unless `dry_run`, store the ones that change."""
    with uow_factory() as uow:
        offers: list[Offer] = list(uow.purchasing.offer_rows())
        preferred = uow.purchasing.preferences()
        rules = {(r.sku, r.warehouse): (r.reorder_point, r.order_up_to) for r in uow.purchasing.rule_rows()}
    reader = _Demand(history)
    sold = {o.sku for o in offers}
    places = _places((e[1] for e in reader.events), rules, preferred, sold)
    places = [p for p in places if (sku is None or p[0] == sku) and (warehouse is None or p[1] == warehouse)]
    out = []
    for place in places:
        offer = choose_supplier(place[0], place[1], offers, preferred)
        assert offer is not None  # every place's SKU is sold by someone
        out.append(_revision(reader, now, place, offer, rules.get(place), service_level, review_days, model))
    if not dry_run:
        _store(uow_factory, [r for r in out if r.changed])
    return out


def _revision(
    history: History,
    now: datetime,
    place: Place,
    offer: Offer,
    old: Levels | None,
    service_level: float,
    review_days: int,
    model: Model,
) -> Revision:
    sku, warehouse = place
    lead = max(offer.lead_time_days, 1)  # a same-day supplier still needs a day's cover
    kept = "kept the old rule" if old else "no rule made"
    found = lead_time_demand(history, now, sku, warehouse, lead, service_level=service_level, model=model)
    if found is None:
        return Revision(sku, warehouse, offer.supplier_id, lead, old, None, f"never demanded here; {kept}")
    if found.source != "forecast":
        why = f"forecast {found.verdict or 'not offered'}; {kept}"
        return Revision(sku, warehouse, offer.supplier_id, lead, old, None, why)
    point = whole(found.reorder_point)
    up_to = max(whole(found.order_up_to(review_days)), point)
    why = (
        f"forecast over {lead} days: mean {found.mean:.1f}, spread {found.spread:.1f};"
        f" {service_level:.0%} service, review every {review_days} days"
    )
    return Revision(sku, warehouse, offer.supplier_id, lead, old, (point, up_to), why)


def _store(uow_factory: Callable[[], UnitOfWork], changed: list[Revision]) -> None:
    if not changed:
        return
    with uow_factory() as uow:
        for rev in changed:
            assert rev.new is not None
            uow.purchasing.upsert(ReorderRule(rev.sku, rev.warehouse, rev.new[0], rev.new[1]))
        uow.commit()
    log.info("%d reorder rule(s) set from the demand forecast", len(changed))


def describe(rev: Revision) -> str:
    """One row as the command prints it: old → new, and why."""

    def show(levels: Levels | None) -> str:
        return f"{levels[0].normalize():f}/{levels[1].normalize():f}" if levels else "none"

    new = show(rev.new) if rev.new is not None else "unchanged"
    head = f"{rev.sku} {rev.warehouse} ({rev.supplier_id}, {rev.lead_days} days): {show(rev.old)} → {new}"
    return f"{head}  {rev.why}"
