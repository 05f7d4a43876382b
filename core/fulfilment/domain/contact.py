"""Reaching an order's customer: where its goods go and on which channel the customer hears about it,
the order's own parties first and master data second."""

from __future__ import annotations

from core.kernel.domain.model import Customer, Order

_CHANNELS = ("edi", "email", "fax")


def delivery_address(order: Order, customer: Customer | None) -> tuple[str, str, str, str, str]:
    """Name, street, postal code, city and country to deliver to: the order's delivery party, or
    the customer's address from master data where the order names none."""
    if order.ship_to_street or order.ship_to_city or customer is None:
        return (
            order.ship_to_name or order.buyer_name or "",
            order.ship_to_street or "",
            order.ship_to_postal_code or "",
            order.ship_to_city or "",
            (order.ship_to_country or "").upper(),
        )
    return (
        order.ship_to_name or customer.name,
        customer.street or "",
        customer.postal_code or "",
        customer.city or "",
        (customer.country or "").upper(),
    )


def choose_channel(
    order: Order, customer: Customer | None, preferred: str | None, *, edi: bool
) -> tuple[str, str | None]:
    """The channel to tell the customer on, and the address there (None when master data has none).

    The customer's `preferred` channel, else the one the order came on, else whatever contact master
    data has (e-mail, then fax). EDIFACT only where `edi` (there is a message for the news) and the
    order came from a trading partner.
    """
    channel = preferred or (order.channel if order.channel in _CHANNELS else None)
    if channel == "edi" and (not order.partner_id or not edi):
        channel = None
    if channel is None:
        channel = "email" if customer and customer.email else "fax" if customer and customer.fax else "email"
    recipient = {
        "edi": order.partner_id,
        "email": customer.email if customer else None,
        "fax": customer.fax if customer else None,
    }.get(channel)
    return channel, recipient
