"""The dashboard: queue size, the oldest waiting order, and the touchless rate by channel and customer.

The channels are the registered ones (with their labels and colours), and any other an order came on
(the API upload) after them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from core.kernel.domain.model import Decision, OrderState
from web.deps import AppDep, CurrentUser
from web.templating import render

router = APIRouter(tags=["dashboard"], include_in_schema=False)
DAYS = 14
OTHER_COLOUR = "#6b6b70"  # a channel no plug registered (the API upload)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, app: AppDep, user: CurrentUser) -> HTMLResponse:
    now = datetime.now(UTC)
    start = (now - timedelta(days=DAYS - 1)).date()
    with app.uow() as uow:
        orders = uow.orders.list(limit=100_000)
    waiting = [o for o in orders if o.state == OrderState.IN_REVIEW]
    oldest = min((o.created_at for o in waiting), default=None)
    days = [start + timedelta(days=i) for i in range(DAYS)]
    by_channel: dict[str, dict[date, list[bool]]] = defaultdict(lambda: defaultdict(list))
    by_customer: dict[str, list[bool]] = defaultdict(list)
    for o in orders:
        touchless = o.decision == Decision.ACCEPT
        day = o.created_at.date()
        if day >= start:
            by_channel[o.channel][day].append(touchless)
        by_customer[o.customer_id or "(unknown)"].append(touchless)
    registered = app.channels.names()
    shown = registered + sorted(set(by_channel) - set(registered))
    series = {
        channel: [(sum(v) / len(v) if (v := by_channel[channel].get(d)) else None) for d in days]
        for channel in shown
    }
    customers = sorted(
        ((c, len(v), sum(v) / len(v)) for c, v in by_customer.items()), key=lambda t: (-t[1], t[0])
    )
    return render(
        request,
        "dashboard.html",
        queue=len(waiting),
        oldest=oldest,
        days=days,
        series=series,
        colours={c: app.channels[c].colour if c in app.channels else OTHER_COLOUR for c in shown},
        labels={c: app.channels[c].label if c in app.channels else c for c in shown},
        customers=customers[:25],
        total=len(orders),
        touchless=(sum(o.decision == Decision.ACCEPT for o in orders) / len(orders)) if orders else None,
    )
