"""The order search's filters as `/orders` and `GET /api/orders` take them from the query string; one
dependency for both, so the page and the API search alike.  Blank fields (an empty form box) are no
filter; a malformed date, amount or sort is refused with 422."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError

from core.kernel.domain.model import OrderState
from core.reporting.domain.search import SORTS, OrderQuery

Text = Annotated[str | None, Query(max_length=200)]


def _refuse(name: str, message: str) -> RequestValidationError:
    """A 422 shaped as FastAPI's own (the schema's `HTTPValidationError`), naming the query parameter."""
    return RequestValidationError([{"loc": ("query", name), "msg": message, "type": "value_error"}])


def _day(name: str, value: str | None) -> date | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _refuse(name, "a date is written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _refuse(name, str(exc)) from exc


def _amount(name: str, value: str | None) -> Decimal | None:
    if not value:
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation as exc:
        raise _refuse(name, "not an amount") from exc
    if not amount.is_finite():
        raise _refuse(name, "not an amount")
    return amount


def order_filters(
    number: Text = None,
    customer: Text = None,
    customer_id: Text = None,
    sku: Text = None,
    category: Text = None,
    carrier: Text = None,
    corrected: Annotated[str | None, Query(pattern="^(|0|1|yes|no|true|false)$")] = None,
    q: Text = None,
    channel: Text = None,
    state: Text = None,
    date_from: Text = None,
    date_to: Text = None,
    amount_min: Text = None,
    amount_max: Text = None,
    sort: Annotated[str, Query(description=f"one of {', '.join(SORTS)}")] = "id",
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> OrderQuery:
    """number: order id or PO number; customer (or customer_id): the customer id; sku: a line's SKU;
    category: a line's product category; carrier: a shipment's carrier; corrected: 1 for orders a clerk
    changed in review, 0 for the others; q: words from what was captured (all must match, accents
    ignored); dates: arrival day (UTC)."""
    if state and state not in set(OrderState):
        raise _refuse("state", f"one of {', '.join(OrderState)}")
    if sort not in SORTS:
        raise _refuse("sort", f"one of {', '.join(SORTS)}")
    return OrderQuery(
        number=number or None,
        customer=customer or customer_id or None,
        sku=sku or None,
        category=category or None,
        carrier=carrier or None,
        corrected=None if not corrected else corrected in ("1", "yes", "true"),
        text=q or None,
        channel=channel or None,
        state=state or None,
        date_from=_day("date_from", date_from),
        date_to=_day("date_to", date_to),
        amount_min=_amount("amount_min", amount_min),
        amount_max=_amount("amount_max", amount_max),
        sort=sort,
        descending=order == "desc",
        limit=limit,
        offset=offset,
    )


OrderFilters = Annotated[OrderQuery, Depends(order_filters)]
