"""`/api/orders`: the orders Comanda captured, searched and paged, and one order with its lines."""

from __future__ import annotations

from fastapi import APIRouter

from core.kernel.domain.model import Order
from core.kernel.errors import NotFound
from web.deps import IdPath, UowDep
from web.order_filters import OrderFilters
from web.schemas import OrderLineOut, OrderOut, OrderPage, OrderSummary, PartyOut, ProblemOut

router = APIRouter(prefix="/api/orders", tags=["orders"])


@router.get("", response_model=OrderPage)
def list_orders(uow: UowDep, query: OrderFilters) -> OrderPage:
    """Orders, newest first unless sorted otherwise, filtered by the query string (all filters must
    hold): number, customer, sku, category, carrier, corrected, q (full text), channel, state,
    date_from/date_to, amount_min/max."""
    orders, more = uow.search.find(query)
    return OrderPage(
        items=[OrderSummary.model_validate(o) for o in orders],
        limit=query.limit,
        offset=query.offset,
        has_more=more,
    )


@router.get("/{order_id}", response_model=OrderOut)
def get_order(order_id: IdPath, uow: UowDep) -> OrderOut:
    order = uow.orders.get(order_id)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    return order_out(order)


def order_out(order: Order) -> OrderOut:
    summary = OrderSummary.model_validate(order).model_dump()
    return OrderOut(
        **summary,
        buyer=PartyOut(party_id=order.buyer_party_id, name=order.buyer_name),
        supplier=PartyOut(party_id=order.supplier_party_id, name=order.supplier_name),
        ship_to=PartyOut(
            party_id=order.ship_to_party_id,
            name=order.ship_to_name,
            street=order.ship_to_street,
            postal_code=order.ship_to_postal_code,
            city=order.ship_to_city,
            country=order.ship_to_country,
        ),
        partner_id=order.partner_id,
        message_ref=order.message_ref,
        promo_code=order.promo_code,
        problems=[ProblemOut.model_validate(p) for p in order.problems],
        lines=[OrderLineOut.model_validate(line) for line in order.lines],
    )
