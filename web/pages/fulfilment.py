"""Server-rendered pages of the lifecycle: orders and their progress, stock, pick lists, shipments."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from core.kernel.domain.model import OrderState
from core.reporting.domain.search import SORTS
from web.deps import CurrentUser, IdPath, UowDep
from web.order_filters import OrderFilters
from web.routes.lifecycle import lifecycle_of
from web.templating import render

router = APIRouter(tags=["lifecycle pages"], include_in_schema=False)


@router.get("/orders", response_class=HTMLResponse)
def orders_page(request: Request, uow: UowDep, user: CurrentUser, query: OrderFilters) -> HTMLResponse:
    """The order list and its search (the filters `GET /api/orders` takes), a page at a time."""
    query = replace(query, limit=min(query.limit, 200))
    orders, more = uow.search.find(query)
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}
    pages = {
        "prev": urlencode({**params, "offset": max(query.offset - query.limit, 0)}) if query.offset else None,
        "next": urlencode({**params, "offset": query.offset + query.limit}) if more else None,
    }
    return render(
        request,
        "fulfilment_orders.html",
        orders=orders,
        states=list(OrderState),
        q=query,
        sorts=SORTS,
        pages=pages,
    )


@router.get("/orders/{order_id}", response_class=HTMLResponse)
def order_page(request: Request, order_id: IdPath, uow: UowDep, user: CurrentUser) -> HTMLResponse:
    order = uow.fulfilment.order(order_id)
    return render(request, "fulfilment_order.html", order=order, life=lifecycle_of(uow, order_id))


@router.get("/stock", response_class=HTMLResponse)
def stock_page(request: Request, uow: UowDep, user: CurrentUser, sku: str = "") -> HTMLResponse:
    levels = uow.stock.levels(sku=sku or None)
    atp = uow.stock.available_to_promise()
    return render(
        request,
        "fulfilment_stock.html",
        levels=levels,
        atp=sorted(atp.items()),
        warehouses=uow.stock.warehouses(active_only=False),
        movements=uow.stock.movements(sku=sku or None, limit=50),
        sku=sku,
    )


@router.get("/pick-lists", response_class=HTMLResponse)
def pick_lists_page(request: Request, uow: UowDep, user: CurrentUser) -> HTMLResponse:
    return render(request, "fulfilment_picklists.html", pick_lists=uow.fulfilment.pick_lists(limit=200))


@router.get("/shipments", response_class=HTMLResponse)
def shipments_page(request: Request, uow: UowDep, user: CurrentUser) -> HTMLResponse:
    return render(request, "fulfilment_shipments.html", shipments=uow.fulfilment.shipments(limit=200))
