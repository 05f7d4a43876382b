"""Server-rendered pages of the lifecycle: orders and their progress, stock, pick lists, shipments."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from core.kernel.domain.model import OrderState
from web.deps import CurrentUser, IdPath, UowDep
from web.routes.lifecycle import lifecycle_of
from web.templating import render

router = APIRouter(tags=["lifecycle pages"], include_in_schema=False)


@router.get("/orders", response_class=HTMLResponse)
def orders_page(request: Request, uow: UowDep, user: CurrentUser, state: str = "") -> HTMLResponse:
    wanted = OrderState(state) if state in OrderState.__members__.values() else None
    orders = uow.orders.list(state=wanted, limit=500)
    return render(request, "fulfilment_orders.html", orders=orders, states=list(OrderState), state=state)


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
